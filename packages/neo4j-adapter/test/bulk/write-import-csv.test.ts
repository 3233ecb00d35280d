import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { csvLine } from '../../src/bulk/csv-field.js';
import { writeImportCsv } from '../../src/bulk/write-import-csv.js';
import { buildModel } from '../helpers/sample-model.js';

let folder = '';
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'tracery-csv-'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

const model = () =>
  buildModel(
    [
      {
        id: 'BP001',
        kind: 'BusinessProcess',
        name: 'Registration, "new"',
        tags: ['core', 'mhhs'],
        status: 'approved',
      },
      {
        id: 'BP001-01',
        kind: 'ProcessStep',
        name: 'Send\nregistration',
        attributes: { order: 1, stepType: 'task' },
      },
      {
        id: 'BP001-02',
        kind: 'ProcessStep',
        name: '',
        attributes: { order: 2, automated: true, weight: 0.25 },
      },
      { id: 'SUP', kind: 'Role', name: 'Supplier', tags: [] },
    ],
    [
      ['BP001-01', 'partOf', 'BP001', { note: 'first; step' }],
      ['BP001-02', 'partOf', 'BP001'],
      ['SUP', 'performs', 'BP001'],
    ],
  );

describe('writeImportCsv', () => {
  test('writes one nodes file per kind and one relationships file per type, in the import header format', async () => {
    const result = await writeImportCsv(model(), folder);

    expect(result.files.map((file) => basename(file))).toEqual([
      'nodes-BusinessProcess.csv',
      'nodes-ProcessStep.csv',
      'nodes-Role.csv',
      'relationships-PART_OF.csv',
      'relationships-PERFORMS.csv',
    ]);
    for (const file of result.files) {
      await expect(await readFile(file, 'utf8')).toMatchFileSnapshot(`../fixtures/bulk/${basename(file)}`);
    }
    expect(result.arguments).toEqual([
      ...result.files.slice(0, 3).map((file) => `--nodes=${file}`),
      ...result.files.slice(3).map((file) => `--relationships=${file}`),
      '--array-delimiter=;',
      '--multiline-fields=true',
    ]);
  });

  test('picks another array delimiter when a list item holds a semicolon', async () => {
    const result = await writeImportCsv(
      buildModel([{ id: 'A', kind: 'Role', tags: ['a;b', 'c'] }], []),
      folder,
    );

    expect(result.arrayDelimiter).toBe('|');
    const [, row] = (await readFile(result.files[0]!, 'utf8')).split('\n');
    expect(row).toMatch(/^A,Element\|Role,Role,A,a;b\|c,/);
  });

  test('replaces a file whole and leaves no temporary file behind', async () => {
    await writeFile(join(folder, 'nodes-Role.csv'), 'old content\n');

    await writeImportCsv(model(), folder);

    expect(await readFile(join(folder, 'nodes-Role.csv'), 'utf8')).not.toContain('old content');
    expect((await readdir(folder)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('csvLine', () => {
  test.each([
    ['plain', 'plain'],
    ['', '""'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r', '"cr\r"'],
    ['-1', '-1'],
    ['=SUM(A1)', '=SUM(A1)'],
  ])('%j -> %j', (value, field) => {
    expect(csvLine([value])).toBe(`${field}\n`);
  });

  test('an absent value is an empty, unquoted field', () => {
    expect(csvLine(['a', undefined, 'b'])).toBe('a,,b\n');
  });
});
