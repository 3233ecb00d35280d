import { Command } from 'commander';
import { describe, expect, test } from 'vitest';
import type { CliIo } from '../src/cli-io.js';
import { COMMAND_MODULES, commandsToRegister } from '../src/command-modules.js';

const names = (args: readonly string[]) => commandsToRegister(args).map((c) => c.name);
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

  test('--version registers no command: commander answers it before any', () => {
    expect(names(['--version'])).toEqual([]);
    expect(names(['-V'])).toEqual([]);
    expect(names(['--no-cache', '--version'])).toEqual([]);
  });

  test.each([
    [[]],
    [['--help']],
    [['-h']],
    [['help', 'validate']],
    [['valdate']],
    [['--bogus', 'validate']],
    [['--no-cache']],
  ])('tracery %j registers every command (help, suggestions)', (args) => {
    expect(names(args)).toEqual(ALL);
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
