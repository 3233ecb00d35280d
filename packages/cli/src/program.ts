import { Command, CommanderError } from 'commander';
import { type CliIo, EXIT, processIo, safeIo } from './cli-io.js';
import { registerBaseline } from './commands/baseline-command.js';
import { registerCheck } from './commands/check-command.js';
import { registerDiff } from './commands/diff-command.js';
import { registerExport } from './commands/export-command.js';
import { registerExportComments } from './commands/export-comments-command.js';
import { registerExportReqif } from './commands/export-reqif-command.js';
import { registerExportSheets } from './commands/export-sheet-command.js';
import { registerHistory } from './commands/history-command.js';
import { registerImpact } from './commands/impact-command.js';
import { registerImport } from './commands/import-command.js';
import { registerImportComments } from './commands/import-comments-command.js';
import { registerImportReqif } from './commands/import-reqif-command.js';
import { registerImportSheets } from './commands/import-sheet-command.js';
import { registerInit } from './commands/init-command.js';
import { registerMetamodel } from './commands/metamodel-command.js';
import { registerReview } from './commands/review-command.js';
import { registerSchema } from './commands/schema-command.js';
import { registerServe } from './commands/serve-command.js';
import { registerSite } from './commands/site-command.js';
import { registerStats } from './commands/stats-command.js';
import { registerTrace } from './commands/trace-command.js';
import { registerTracker } from './commands/tracker-command.js';
import { registerTypes } from './commands/types-command.js';
import { registerValidate } from './commands/validate-command.js';
import { registerView } from './commands/view-command.js';
import { disableCache, unacceptedLoadErrors } from './load-for-cli.js';

/** Sub-commands that live in files of their own, under the `import` and `export` commands. */
function registerSubcommands(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const parent = (name: string) => program.commands.find((c) => c.name() === name);
  const importCommand = parent('import');
  const exportCommand = parent('export');
  if (importCommand) {
    registerImportReqif(importCommand, io, setExit);
    registerImportComments(importCommand, io, setExit);
    registerImportSheets(importCommand, io, setExit);
  }
  if (exportCommand) {
    registerExportReqif(exportCommand, io, setExit);
    registerExportComments(exportCommand, io, setExit);
    registerExportSheets(exportCommand, io, setExit);
  }
  for (const command of [...(importCommand?.commands ?? []), ...(exportCommand?.commands ?? [])])
    command.exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
}

/** The version the CLI reports. */
export const VERSION = '0.1.0';

/**
 * Runs the tracery command line with the given arguments (without `node` and the script) and returns
 * the exit code: 0 success, 1 findings or errors in the design (a command that read a repository with
 * load errors never exits 0), 2 bad usage or unreadable input, 70 (from the bin) an internal error.
 * With no arguments it prints the help and gives 2.
 *
 * @example
 * const code = await runCli(['validate', 'packages/examples/mhhs', '--json']);
 */
export async function runCli(args: readonly string[], rawIo: CliIo = processIo()): Promise<number> {
  const io = safeIo(rawIo);
  let exitCode: number = EXIT.ok;
  const setExit = (code: number) => {
    exitCode = code;
  };
  const program = new Command('tracery')
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
  registerInit(program, io, setExit);
  registerValidate(program, io, setExit);
  registerStats(program, io, setExit);
  registerMetamodel(program, io, setExit);
  registerSchema(program, io, setExit);
  registerTypes(program, io, setExit);
  registerTrace(program, io, setExit);
  registerImpact(program, io, setExit);
  registerBaseline(program, io, setExit);
  registerDiff(program, io, setExit);
  registerReview(program, io, setExit);
  registerHistory(program, io, setExit);
  registerCheck(program, io, setExit);
  registerImport(program, io, setExit);
  registerExport(program, io, setExit);
  registerTracker(program, io, setExit);
  registerSubcommands(program, io, setExit);
  registerSite(program, io, setExit);
  registerServe(program, io, setExit);
  registerView(program, io, setExit);
  for (const command of program.commands)
    command.exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  if (args.length === 0) {
    // No command: the help, on standard error, and the exit code of bad usage.
    io.err(program.helpInformation());
    return EXIT.usage;
  }
  try {
    await program.parseAsync([...args], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
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
