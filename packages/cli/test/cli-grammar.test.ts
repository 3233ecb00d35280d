import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  chooseRepository,
  colourWanted,
  envelopeJsonSchema,
  findRepositoryRoot,
  plural,
  runCli,
} from '@tracery/cli';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PUBLISHED_ENVELOPE_SCHEMA, runCaptured, runJson } from './run-cli.js';

const FIXTURE = join(import.meta.dirname, '..', '..', 'core', 'test', 'fixtures', 'impact', 'repo');
let root: string;
let repo: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'tracery-cli-grammar-'));
  repo = join(root, 'design');
  await cp(FIXTURE, repo, { recursive: true });
  await mkdir(join(repo, 'model', 'deeper'), { recursive: true });
  await mkdir(join(root, 'single', 'model'), { recursive: true });
  await writeFile(join(root, 'single', 'tracery.yaml'), 'name: One element\n');
  await writeFile(
    join(root, 'single', 'model', 'one.yaml'),
    'elements:\n  - { id: SDS, kind: Service, name: Smart Data Service }\n',
  );
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** Every command of the program and each of its sub-commands, by full name ("baseline create"). */
async function commandNames(): Promise<string[]> {
  // The program is built inside runCli; its help lists the commands, and each one's help its options.
  const { out } = await runCaptured(['--help']);
  const names = [...out.matchAll(/^ {2}([a-z][a-z0-9]*)\b/gm)]
    .map((m) => m[1] ?? '')
    .filter((n) => n !== 'help');
  const leaves: string[] = [];
  for (const name of names) {
    const help = (await runCaptured([name, '--help'])).out;
    const subcommands = [...help.matchAll(/^Commands:\n((?: {2}.+\n)+)/gm)].flatMap((m) =>
      [...(m[1] ?? '').matchAll(/^ {2}([a-z][a-z0-9]*)\b/gm)]
        .map((s) => s[1] ?? '')
        .filter((s) => s !== 'help'),
    );
    leaves.push(name, ...subcommands.map((sub) => `${name} ${sub}`));
  }
  return leaves;
}

describe('one grammar for every command', () => {
  test('every command takes --repo DIR', async () => {
    const names = await commandNames();
    // the commands the design lists are there, at least
    for (const name of [
      'validate',
      'check',
      'trace',
      'trace report',
      'baseline create',
      'import bpmn',
      'export neo4j',
    ])
      expect(names).toContain(name);
    for (const name of names) {
      const help = (await runCaptured([...name.split(' '), '--help'])).out;
      if (/^Commands:/m.test(help) && !/^Arguments:|^Options:[\s\S]*--json/m.test(help)) continue; // a group
      expect(help, `tracery ${name} --help`).toContain('--repo <dir>');
    }
  });

  test('a positional folder and --repo are the same; both, disagreeing, is bad usage', async () => {
    const positional = await runJson(['validate', repo]);
    const option = await runJson(['validate', '--repo', repo]);
    expect(option.envelope).toEqual(positional.envelope);
    const both = await runCaptured(['validate', repo, '--repo', root]);
    expect(both.code).toBe(2);
    expect(both.err).toContain('the repository is given twice');
  });

  test('without either, tracery.yaml is found by looking upward from the current folder', async () => {
    expect(findRepositoryRoot(join(repo, 'model', 'deeper'))).toBe(repo);
    expect(chooseRepository(undefined, undefined, join(repo, 'model', 'deeper'))).toEqual({ dir: repo });
    expect(chooseRepository(undefined, undefined, root)).toEqual({
      problem: `no tracery.yaml in ${root} or any folder above it; give the repository with --repo DIR.`,
    });
    const cwd = process.cwd();
    process.chdir(join(repo, 'model', 'deeper'));
    try {
      const { code, envelope } = await runJson(['impact', 'IF-022']);
      expect(code).toBe(0);
      expect(envelope.repository).toEqual({ root: repo, name: 'Impact fixture' });
    } finally {
      process.chdir(cwd);
    }
  });

  test('tracery with no arguments prints the help and exits 2', async () => {
    let out = '';
    let err = '';
    const code = await runCli([], { out: (t) => (out += t), err: (t) => (err += t), fancy: false });
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/^Usage: tracery /);
  });
});

describe('did you mean', () => {
  test.each([
    [['impact', 'IF-02', '--repo', 'REPO'], 'no element "IF-02" in the model; did you mean "IF-021"?'],
    [['trace', 'IF-2l', '--repo', 'REPO'], 'no element "IF-2l" in the model; did you mean "IF-021"?'],
    [
      ['impact', '--cr', 'CR-a', '--repo', 'REPO'],
      'no change request "CR-a" in the model; did you mean "CR-A"?',
    ],
    [['impact', '--decision', 'DEC-Z', '--repo', 'REPO'], 'did you mean "DEC-X"?'],
  ])('%j names the nearest id and exits 2', async (args, message) => {
    const { code, err } = await runCaptured(args.map((a) => (a === 'REPO' ? repo : a)));
    expect(code).toBe(2);
    expect(err).toContain(message);
  });
});

describe('the --json envelope', () => {
  test('its published schema is the one the CLI builds', () => {
    expect(PUBLISHED_ENVELOPE_SCHEMA).toEqual(envelopeJsonSchema());
  });

  test.each([
    [['validate', 'REPO'], 'validate', 0],
    [['stats', '--repo', 'REPO'], 'stats', 0],
    [['schema', '--repo', 'REPO', '--out', 'OUT'], 'schema', 0],
    [['check', 'REPO', '--fail-on', 'error'], 'check', 'any'],
    [['trace', 'report', 'REPO'], 'trace report', 0],
    [['trace', 'CR-A', '--repo', 'REPO'], 'trace', 0],
    [['trace', 'IF-022', '--to', 'LSS', '--repo', 'REPO'], 'trace', 'any'],
    [['impact', 'IF-022', '--repo', 'REPO'], 'impact', 0],
    [['impact', '--cr', 'CR-A', '--repo', 'REPO'], 'impact', 0],
    [['impact', '--decision', 'DEC-X', '--repo', 'REPO'], 'impact', 0],
    [['baseline', 'create', 'B1', '--repo', 'REPO'], 'baseline create', 0],
    [['baseline', 'list', '--repo', 'REPO'], 'baseline list', 0],
    [['diff', 'B1', '--repo', 'REPO'], 'diff', 0],
    [['review', '--repo', 'REPO'], 'review', 'any'],
    [['export', 'neo4j', '--repo', 'REPO', '--csv', 'OUT'], 'export neo4j', 0],
    [['impact', 'NOPE', '--repo', 'REPO'], 'impact', 2],
    [['validate', '--repo', 'OUT'], 'validate', 2],
  ])('%j prints one envelope valid against the published schema', async (args, command, exit) => {
    const out = join(root, 'out');
    const { code, envelope } = await runJson(args.map((a) => (a === 'REPO' ? repo : a === 'OUT' ? out : a)));
    if (exit !== 'any') expect(code).toBe(exit);
    expect(envelope.command).toBe(command);
    expect(envelope.ok).toBe(code === 0);
    if (code === 2) {
      expect(envelope.payload).toBeNull();
      expect(envelope.diagnostics.at(-1)?.severity).toBe('error');
    } else {
      expect(envelope.repository?.root).toBe(repo);
      expect(envelope.payload).not.toBeNull();
    }
  });
});

describe('terminal habits', () => {
  test.each([
    [{}, false, false],
    [{}, true, true],
    [{ NO_COLOR: '1' }, true, false],
    [{ FORCE_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '0' }, true, false],
    [{ NO_COLOR: '1', FORCE_COLOR: '1' }, true, false],
  ])('colours with %j and a terminal %s: %s', (env, terminal, expected) => {
    expect(colourWanted(env, terminal)).toBe(expected);
  });

  test('colour follows the io: escapes with it, none without', async () => {
    const plain = await runCaptured(['validate', repo]);
    const coloured = await runCaptured(['validate', repo], { fancy: true });
    expect(plain.out).not.toContain('\u001b[');
    expect(coloured.out).toContain('\u001b[32mok: ');
  });

  test('counts read as English: one file, two files', async () => {
    expect([plural(0, 'file'), plural(1, 'file'), plural(2, 'file'), plural(1, 'entry', 'entries')]).toEqual([
      '0 files',
      '1 file',
      '2 files',
      '1 entry',
    ]);
    const { out } = await runCaptured(['validate', join(root, 'single')]);
    expect(out).toBe('ok: 2 files, 1 element, 0 relations: 0 errors, 0 warnings\n');
  });
});
