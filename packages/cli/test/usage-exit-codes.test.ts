import { describe, expect, test } from 'vitest';
import type { CliIo } from '../src/cli-io.js';
import { EXIT } from '../src/cli-io.js';
import { COMMAND_MODULES } from '../src/command-modules.js';
import { buildProgram } from '../src/program.js';
import { runCaptured } from './run-cli.js';

// Bad usage exits 2 (README, "Exit codes"), however the mistake is made: a command that is not there
// asked for by `help`, or a group of commands given without one of them. Commander on its own printed
// the help and exited 0, so a script could not tell a typo from an answer.

const quietIo: CliIo = { out: () => {}, err: () => {}, fancy: false };

/** The commands made of subcommands alone (no action of their own): `baseline`, `import`, ... */
async function groups(): Promise<string[]> {
  const program = await buildProgram(quietIo, () => {}, COMMAND_MODULES);
  return program.commands
    .filter((command) =>
      command
        .createHelp()
        .visibleCommands(command)
        .some((c) => c.name() === 'help'),
    )
    .map((command) => command.name());
}

describe('help of a command that is not there', () => {
  test.each([
    [['help', 'valdate'], ['valdate']],
    [['help', 'nothere'], ['nothere']],
    [['--no-cache', 'help', 'valdate'], ['valdate']],
    [
      ['baseline', 'help', 'lst'],
      ['baseline', 'lst'],
    ],
  ])('tracery %j is the mistake of tracery %j: the same error, exit 2', async (args, mistake) => {
    const asked = await runCaptured(args);
    expect(asked).toEqual(await runCaptured(mistake));
    expect(asked.code).toBe(EXIT.usage);
    expect(asked.out).toBe('');
    const unknown = mistake.at(-1)!;
    expect(asked.err).toContain(`unknown command '${unknown}'`);
  });

  test.each([
    [['help', 'valdate'], 'validate'],
    [['baseline', 'help', 'lst'], 'list'],
  ])('tracery %j suggests the closest command, %s', async (args, closest) => {
    expect((await runCaptured(args)).err).toContain(`(Did you mean ${closest}?)`);
  });

  test.each([
    [['help'], ['--help']],
    [['help', 'help'], ['--help']],
    [
      ['help', 'validate'],
      ['validate', '--help'],
    ],
    [
      ['baseline', 'help', 'help'],
      ['baseline', '--help'],
    ],
    [
      ['help', 'baseline'],
      ['baseline', '--help'],
    ],
  ])('tracery %j is still the help of tracery %j on standard output, exit 0', async (args, asked) => {
    const help = await runCaptured(args);
    expect(help).toEqual(await runCaptured(asked));
    expect(help.code).toBe(EXIT.ok);
    expect(help.out).toMatch(/^Usage: tracery/);
  });
});

describe('a group of commands without one of them', () => {
  test('the groups are found (the test walks something)', async () => {
    expect(await groups()).toEqual(expect.arrayContaining(['baseline', 'import', 'export']));
  });

  test('each prints its usage on standard error and exits 2', async () => {
    for (const group of await groups()) {
      const bare = await runCaptured([group]);
      expect({ group, code: bare.code, out: bare.out }).toEqual({ group, code: EXIT.usage, out: '' });
      expect(bare.err).toMatch(new RegExp(`^Usage: tracery ${group} \\[options\\] \\[command\\]$`, 'm'));
      // The usage it prints is the group's help, which --help prints on standard output.
      expect(bare.err).toBe((await runCaptured([group, '--help'])).out);
    }
  });
});
