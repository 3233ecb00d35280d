import { Command, Help } from 'commander';
import { describe, expect, test } from 'vitest';
import type { CliIo } from '../src/cli-io.js';
import { COMMAND_MODULES } from '../src/command-modules.js';
import { PlaceholderReached } from '../src/command-placeholder.js';
import { buildProgram, runImporting } from '../src/program.js';
import { runCaptured } from './run-cli.js';

// The root help and a mistyped command's suggestion are answered from each command's line in the
// registry, without importing the commands' modules (issue 17: start-up time). These tests hold those
// lines to what the modules register, and the help to the commands the design names.

/** The commands of the CLI, as DESIGN.md's section "The CLI" lists them. */
const DESIGN_COMMANDS = (
  'init | validate | stats | metamodel | schema | types | check | trace | impact | diff | ' +
  'baseline | review | history | tracker | site | serve | view | import | export'
).split(' | ');

/** A piece of output as runCaptured collects it (ended by a newline), to compare with it. */
const withNewline = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);

const quietIo: CliIo = { out: () => {}, err: () => {}, fancy: false };

/** The command names a help text lists under "Commands:", without commander's own "help". */
function listedCommands(help: string): string[] {
  const block = /^Commands:\n((?: {2}.+\n)+)/m.exec(help)?.[1] ?? '';
  return [...block.matchAll(/^ {2}([a-z][a-z0-9-]*)\b/gm)].map((m) => m[1] ?? '').filter((n) => n !== 'help');
}

describe('the root help, from the registry alone', () => {
  test('lists every command of the design, and only those, in the registry order', async () => {
    const { code, out } = await runCaptured(['--help']);
    expect(code).toBe(0);
    expect([...listedCommands(out)].sort()).toEqual([...DESIGN_COMMANDS].sort());
    expect(listedCommands(out)).toEqual(COMMAND_MODULES.map((m) => m.name));
  });

  test.each(COMMAND_MODULES.map((m) => [m.name, m] as const))(
    "the registry's line for %s is what its module registers (usage and summary)",
    async (name, module) => {
      const program = new Command('tracery');
      (await module.load())(program, quietIo, () => {});
      const [command] = program.commands;
      const help = new Help();
      expect(`${name} ${module.usage}`.trim()).toBe(help.subcommandTerm(command!));
      expect(module.summary).toBe(help.subcommandDescription(command!));
    },
  );

  test('is the same text as with every command module imported', async () => {
    const lazy = await buildProgram(quietIo, () => {}, []);
    const full = await buildProgram(quietIo, () => {}, COMMAND_MODULES);
    expect(lazy.commands.map((c) => c.name())).toEqual(full.commands.map((c) => c.name()));
    expect(lazy.helpInformation()).toBe(full.helpInformation());
  });
});

describe('a command registered by its help line only', () => {
  test('is never run: commander stops before it parses anything', async () => {
    const program = await buildProgram(quietIo, () => {}, []);
    await expect(program.parseAsync(['validate', '--json'], { from: 'user' })).rejects.toBeInstanceOf(
      PlaceholderReached,
    );
  });

  test('nor is its help printed: the program stops before it prints anything', async () => {
    const program = await buildProgram(quietIo, () => {}, []);
    const validate = program.commands.find((c) => c.name() === 'validate');
    expect(() => validate?.helpInformation()).toThrow(PlaceholderReached);
  });

  test.each([
    [['validate', '--help'], /^Usage: tracery validate \[options\] \[dir\]$/m],
    [['help', 'import'], /^Usage: tracery import \[options\] \[command\]$/m],
    [['diff', 'a', '--no-such-option'], /^error: unknown option '--no-such-option'$/m],
  ])(
    'a run that reaches one anyway (%j without its module) starts again and answers as with it',
    async (args, answer) => {
      let out = '';
      let err = '';
      const io: CliIo = {
        out: (t) => (out += withNewline(t)),
        err: (t) => (err += withNewline(t)),
        fancy: false,
      };
      const code = await runImporting(args, io, []);
      const direct = await runCaptured(args);
      expect({ code, out, err }).toEqual(direct);
      expect(direct.out + direct.err).toMatch(answer);
    },
  );
});
