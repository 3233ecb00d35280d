import { Command, CommanderError } from 'commander';
import { type CliIo, EXIT, processIo, safeIo } from './cli-io.js';
import { disableCache, unacceptedLoadErrors } from './cli-run-state.js';
import { COMMAND_MODULES, type CommandModule, commandsToImport } from './command-modules.js';
import { guardPlaceholders, PlaceholderReached, registerPlaceholder } from './command-placeholder.js';
import { helpArguments } from './help-arguments.js';

/** The version the CLI reports. */
export const VERSION = '0.1.0';

/**
 * Runs the tracery command line with the given arguments (without `node` and the script) and returns
 * the exit code: 0 success, 1 findings or errors in the design (a command that read a repository with
 * load errors never exits 0), 2 bad usage or unreadable input, 70 (from the bin) an internal error.
 * With no arguments, or a group of commands without one of them, it prints the usage on standard error
 * and gives 2; `help X` for a command X that is not there gives the error of `X` alone, and 2.
 *
 * @example
 * const code = await runCli(['validate', 'packages/examples/mhhs', '--json']);
 */
export async function runCli(args: readonly string[], rawIo: CliIo = processIo()): Promise<number> {
  return runImporting(args, safeIo(rawIo), commandsToImport(args));
}

/**
 * A run with the commands of `imported` registered from their modules, the others by their help line.
 * Should commander go to one of the others (a word order commandsToImport did not foresee), it stops
 * before that command prints or runs anything, and the run starts again with every command's module.
 */
export async function runImporting(
  args: readonly string[],
  io: CliIo,
  imported: readonly CommandModule[],
): Promise<number> {
  try {
    return await runProgram(args, io, imported);
  } catch (error) {
    if (error instanceof PlaceholderReached) return runProgram(args, io, COMMAND_MODULES);
    throw error;
  }
}

/** One run of the program, the commands of `imported` registered from their modules. */
async function runProgram(args: readonly string[], io: CliIo, imported: readonly CommandModule[]) {
  let exitCode: number = EXIT.ok;
  const setExit = (code: number) => {
    exitCode = code;
  };
  const program = await buildProgram(io, setExit, imported);
  if (args.length === 0) {
    // No command: the help, on standard error, and the exit code of bad usage.
    io.err(program.helpInformation());
    return EXIT.usage;
  }
  // Commander shows a group's help for a mistake (`tracery baseline` without its subcommand) and calls it
  // a success; the help's context says it was shown for an error, which is bad usage.
  let helpForMistake = false;
  program.addHelpText('beforeAll', ({ error }) => {
    helpForMistake ||= error;
    return '';
  });
  try {
    await program.parseAsync(helpArguments(program, args) ?? [...args], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.help' && helpForMistake) return EXIT.usage;
      const quiet = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code);
      return quiet ? EXIT.ok : EXIT.usage;
    }
    throw error;
  }
  // One policy: a command that read a repository with load errors never exits 0 (unless --allow-errors).
  const loadErrors = unacceptedLoadErrors(io);
  if (loadErrors > 0 && exitCode === EXIT.ok) {
    io.err(`tracery: the repository has ${loadErrors} load error(s) (tracery validate lists them); exit 1.`);
    return EXIT.findings;
  }
  return exitCode;
}

/**
 * The program with every command, in the help's order: those of `imported` registered by their modules
 * (which bring the library with them), the others by their line in the root help alone.
 */
export async function buildProgram(
  io: CliIo,
  setExit: (code: number) => void,
  imported: readonly CommandModule[],
): Promise<Command> {
  const program = new Command('tracery');
  guardPlaceholders(program);
  program
    .description('Tracery: a programme design held as a typed traceability graph, in plain files.')
    .version(VERSION)
    // A command's options follow it: so "trace report --format md" is the report's --format, not trace's.
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError('(run with --help for usage)')
    .option(
      '--no-cache',
      'read every model file afresh and write no .tracery/cache (also TRACERY_CACHE=0); give it before the command',
    )
    .hook('preSubcommand', (command) => {
      if (command.opts().cache === false) disableCache(io);
    });
  const registers = new Map(await Promise.all(imported.map(async (m) => [m, await m.load()] as const)));
  for (const module of COMMAND_MODULES) {
    const register = registers.get(module);
    if (register) register(program, io, setExit);
    else registerPlaceholder(program, module);
  }
  for (const command of program.commands)
    command.exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  return program;
}
