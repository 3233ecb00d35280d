import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PUBLISHED_ENVELOPE_SCHEMA, runCaptured, runJson } from './run-cli.js';

let root: string;
const repo = (name: string) => join(root, name);

async function writeRepo(name: string, files: Record<string, string>): Promise<string> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(repo(name), path, '..'), { recursive: true });
    await writeFile(join(repo(name), path), text);
  }
  return repo(name);
}

const GOOD = {
  'tracery.yaml': 'name: MHHS fragment\nmetamodel:\n  idPatterns:\n    Interface: "^IF-\\\\d{3}$"\n',
  'model/design.yaml': [
    'elements:',
    '  - { id: SDS, kind: Service, name: Smart Data Service, tranche: T1, status: approved }',
    '  - { id: SUP, kind: Role, name: Supplier }',
    '  - id: IF-021',
    '    kind: Interface',
    '    name: UTC Settlement Period Consumption Data',
    '    status: approved',
    '    tranche: T1',
    '    sentBy: [SDS]',
    '    receivedBy: [SUP]',
    '',
  ].join('\n'),
};

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'tracery-cli-'));
  await writeRepo('good', GOOD);
  await writeRepo('bad', {
    ...GOOD,
    'model/more.yaml': 'elements:\n  - id: IF-21\n    kind: Interface\n    name: x\n    sentBy: [SDZ]\n',
  });
  await mkdir(repo('empty'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('tracery validate', () => {
  test('exits 0 on a clean repository and says what it loaded', async () => {
    const { code, out } = await runCaptured(['validate', repo('good')]);
    expect(code).toBe(0);
    expect(out).toBe('ok: 2 files, 3 elements, 2 relations: 0 errors, 0 warnings\n');
  });

  test('exits 1 and lists every error with file:line:col when the design has errors', async () => {
    const { code, out } = await runCaptured(['validate', repo('bad')]);
    expect(code).toBe(1);
    expect(out.split('\n').slice(0, 2)).toEqual([
      'model/more.yaml:2:5: error id-pattern: id "IF-21" does not match the Interface pattern /^IF-\\d{3}$/; rename it or change metamodel.idPatterns in tracery.yaml.',
      'model/more.yaml:5:14: error dangling-reference: IF-21 sentBy SDZ: no element has the id "SDZ"; did you mean "SDS"?',
    ]);
  });

  test('--json prints the envelope: what loaded in the payload, the problems as its diagnostics', async () => {
    const { code, envelope } = await runJson(['validate', repo('bad'), '--json']);
    expect(code).toBe(1);
    expect(envelope).toMatchObject({
      schemaVersion: 2,
      command: 'validate',
      ok: false,
      repository: { root: repo('bad'), name: 'MHHS fragment' },
      payload: { files: 3, elements: 4, counts: { error: 2, warning: 0, info: 0 } },
    });
    expect(envelope.diagnostics[1]).toEqual({
      code: 'dangling-reference',
      severity: 'error',
      elementId: 'IF-21',
      message: 'IF-21 sentBy SDZ: no element has the id "SDZ"; did you mean "SDS"?',
      source: { file: 'model/more.yaml', line: 5, column: 14, endLine: 5, endColumn: 17 },
    });
  });

  test.each([
    ['a folder that does not exist', ['validate', '/no/such/folder'], /is not a folder/],
    ['a folder without tracery.yaml', ['validate', 'EMPTY'], /has no tracery.yaml/],
    ['an unknown option', ['validate', '--bogus'], /unknown option '--bogus'/],
    ['an unknown command', ['valdate'], /unknown command 'valdate'/],
  ])('exits 2 for %s', async (_, args, message) => {
    const { code, err } = await runCaptured(args.map((a) => (a === 'EMPTY' ? repo('empty') : a)));
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });
});

describe('tracery stats', () => {
  test('counts elements by kind, status and tranche, and relations by type', async () => {
    const { code, envelope } = await runJson(['stats', repo('good'), '--json']);
    expect(code).toBe(0);
    expect(envelope.payload).toMatchObject({
      elements: 3,
      relations: 2,
      countsByKind: { Interface: 1, Role: 1, Service: 1 },
      countsByStatus: { '(unset)': 1, approved: 2 },
      countsByTranche: { '(unset)': 1, T1: 2 },
      countsByRelationType: { receives: 1, sends: 1 },
    });
  });

  test('prints aligned tables as text', async () => {
    const { out } = await runCaptured(['stats', repo('good')]);
    expect(out).toContain('3 elements, 2 relations');
    expect(out).toContain(
      'Elements by kind\n  Interface       1\n  Role            1\n  Service         1\n',
    );
  });
});

describe('tracery schema', () => {
  test('writes the model and config schemas, with the repository id patterns, and the --json envelope', async () => {
    const { code, out } = await runCaptured(['schema', repo('good')]);
    expect(code).toBe(0);
    expect(out).toContain('output.schema.json');
    const output = JSON.parse(await readFile(join(repo('good'), '.tracery', 'output.schema.json'), 'utf8'));
    expect(output).toEqual(PUBLISHED_ENVELOPE_SCHEMA);
    const model = await readFile(join(repo('good'), '.tracery', 'model.schema.json'), 'utf8');
    expect(model).toContain('^IF-\\\\d{3}$');
    const config = JSON.parse(await readFile(join(repo('good'), '.tracery', 'tracery.schema.json'), 'utf8'));
    expect(config.required).toEqual(['name']);
  });
});

describe('--help', () => {
  test.each([['validate'], ['stats'], ['schema'], ['check']])(
    'tracery %s --help explains the command and exits 0',
    async (command) => {
      const { code, out } = await runCaptured([command, '--help']);
      expect(code).toBe(0);
      expect(out).toContain(`Usage: tracery ${command} [options] [dir]`);
      expect(out).toContain('--repo <dir>');
    },
  );

  test('tracery with no arguments prints the help on standard error and exits 2', async () => {
    const { code, out, err } = await runCaptured([]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('Usage: tracery [options] [command]');
  });

  test('tracery --help lists the commands', async () => {
    const { code, out } = await runCaptured(['--help']);
    expect(code).toBe(0);
    for (const command of ['validate', 'stats', 'schema']) expect(out).toContain(command);
  });
});
