import { Command } from 'commander';
import { describe, expect, test } from 'vitest';
import type { CliIo } from '../src/cli-io.js';
import { COMMAND_MODULES, commandsToImport } from '../src/command-modules.js';

const names = (args: readonly string[]) => commandsToImport(args).map((c) => c.name);
const ALL = COMMAND_MODULES.map((c) => c.name);

describe('a run imports the code of the command it names, and no other', () => {
  test.each([
    [['validate', 'packages/examples/mhhs'], ['validate']],
    [['--no-cache', 'check', '--format', 'json'], ['check']],
    [['import', 'bpmn', 'a.bpmn'], ['import']],
    [['export', 'xlsx', '--out', 'x.xlsx'], ['export']],
    [['validate', '--help'], ['validate']],
  ])('tracery %j registers %j', (args, expected) => {
    expect(names(args)).toEqual(expected);
  });

  test.each([
    [['help', 'validate'], ['validate']],
    [['--', 'validate', '--help'], ['validate']],
    [['--no-cache', 'help', 'check'], ['check']],
  ])('tracery %j imports %j: commander runs or prints the help of that command', (args, expected) => {
    expect(names(args)).toEqual(expected);
  });

  test.each([
    [[]],
    [['--version']],
    [['-V']],
    [['--no-cache', '--version']],
    [['--help']],
    [['-h']],
    [['--help', 'validate']],
    [['help']],
    [['help', 'nothere']],
    [['valdate']],
    [['--bogus', 'validate']],
    [['--no-cache']],
  ])('tracery %j imports no command: the root answers it from the help lines', (args) => {
    expect(names(args)).toEqual([]);
  });

  test('each module registers the command it is listed under, and nothing else', async () => {
    const io: CliIo = { out: () => {}, err: () => {}, fancy: false };
    for (const module of COMMAND_MODULES) {
      const program = new Command('tracery');
      (await module.load())(program, io, () => {});
      expect(program.commands.map((c) => c.name())).toEqual([module.name]);
    }
    expect(new Set(ALL).size).toBe(ALL.length);
  });
});
