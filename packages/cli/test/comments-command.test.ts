import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { envelopeOf, payloadOf, runCaptured } from './run-cli.js';

const FIXTURE = join(import.meta.dirname, '../../core/test/fixtures/comments/good');
let work: string;
let repo: string;

async function snapshotFiles(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      out[path.slice(dir.length + 1)] = await readFile(path, 'utf8');
    }
  return out;
}

/** A comment log as a programme keeps it, written with exceljs: its own headers, dates as dates. */
async function writeLog(path: string, rows: (string | Date | number)[][]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Comments');
  sheet.addRow([
    'Ref',
    'Document',
    'Organisation',
    'Constituency',
    'Raised',
    'Comment',
    'Status',
    'Response',
  ]);
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(path);
}

const MAPPING = [
  'spreadsheets:',
  '  dag-log:',
  '    target: comments',
  '    sheet: Comments',
  '    columns:',
  '      id: Ref',
  '      artefact: Document',
  '      organisation: Organisation',
  '      constituency: Constituency',
  '      date: Raised',
  '      text: Comment',
  '      status: { column: Status, values: { Accepted: Accepted, Action: Action, Rejected: Rejected, RFC: Requires further clarification, Open: open } }',
  '      response: Response',
  '',
].join('\n');

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'tracery-comments-'));
  repo = join(work, 'repo');
  await cp(FIXTURE, repo, { recursive: true });
  await writeFile(
    join(repo, 'tracery.yaml'),
    `${await readFile(join(repo, 'tracery.yaml'), 'utf8')}${MAPPING}`,
  );
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('tracery export comments and import comments', () => {
  test('export -> import (XLSX and CSV) changes nothing: the round trip is the identity', async () => {
    const before = await snapshotFiles(join(repo, 'comments'));
    const exported = await runCaptured(['export', 'comments', '--repo', repo, '--out', join(work, 'logs')]);
    expect(exported.code).toBe(0);
    expect((await readdir(join(work, 'logs'))).sort()).toEqual([
      'MHHSP-BP004.csv',
      'MHHSP-BP004.xlsx',
      'MHHSP-IF-021.csv',
      'MHHSP-IF-021.xlsx',
    ]);
    for (const file of ['MHHSP-IF-021.xlsx', 'MHHSP-IF-021.csv', 'MHHSP-BP004.xlsx', 'MHHSP-BP004.csv']) {
      const run = await runCaptured([
        'import',
        'comments',
        join(work, 'logs', file),
        '--repo',
        repo,
        '--write',
        '--json',
      ]);
      expect(run.code).toBe(0);
      const report = payloadOf(run.out);
      expect(envelopeOf(run.out).ok).toBe(true);
      expect(report).toMatchObject({ added: [], updated: [], files: [] });
      expect(report.unchanged).toBe(file.startsWith('MHHSP-IF') ? 3 : 1);
    }
    expect(await snapshotFiles(join(repo, 'comments'))).toEqual(before);
  });

  test('a log written by a spreadsheet library adds its comments; the same log again changes nothing; an updated log updates', async () => {
    const log = join(work, 'dag-log.xlsx');
    await writeLog(log, [
      [
        'DAG-7',
        'MHHSP-BP004',
        'DNO B',
        'DNO',
        new Date(Date.UTC(2022, 2, 14)),
        'Step 3 needs the LSS data first.',
        'Open',
        '',
      ],
      [
        'DAG-8',
        'MHHSP-IF-021',
        'Supplier C',
        'Large Supplier',
        new Date(Date.UTC(2022, 2, 15)),
        'Add the GSP group to the header.',
        'RFC',
        'Which block?',
      ],
    ]);
    const first = await runCaptured([
      'import',
      'comments',
      log,
      '--repo',
      repo,
      '--mapping',
      'dag-log',
      '--round',
      'T1-R2',
      '--write',
      '--json',
    ]);
    expect(first.code).toBe(0);
    expect(payloadOf(first.out)).toMatchObject({
      added: ['DAG-7', 'DAG-8'],
      updated: [],
      files: ['comments/MHHSP-BP004/T1-R2.yaml', 'comments/MHHSP-IF-021/T1-R2.yaml'],
    });
    const written = await readFile(join(repo, 'comments/MHHSP-IF-021/T1-R2.yaml'), 'utf8');
    expect(written).toContain('status: Requires further clarification');
    expect(written).toContain('date: 2022-03-15');
    const before = await snapshotFiles(join(repo, 'comments'));

    const again = await runCaptured([
      'import',
      'comments',
      log,
      '--repo',
      repo,
      '--mapping',
      'dag-log',
      '--round',
      'T1-R2',
      '--write',
      '--json',
    ]);
    expect(payloadOf(again.out)).toMatchObject({ added: [], updated: [], unchanged: 2, files: [] });
    expect(await snapshotFiles(join(repo, 'comments'))).toEqual(before);

    await writeLog(log, [
      [
        'DAG-7',
        'MHHSP-BP004',
        'DNO B',
        'DNO',
        new Date(Date.UTC(2022, 2, 14)),
        'Step 3 needs the LSS data first.',
        'Accepted',
        'Step 3 now waits for IF-022.',
      ],
      [
        'DAG-8',
        'MHHSP-IF-021',
        'Supplier C',
        'Large Supplier',
        new Date(Date.UTC(2022, 2, 15)),
        'Add the GSP group to the header.',
        'RFC',
        'Which block?',
      ],
    ]);
    const updated = await runCaptured([
      'import',
      'comments',
      log,
      '--repo',
      repo,
      '--mapping',
      'dag-log',
      '--round',
      'T1-R2',
      '--write',
      '--json',
    ]);
    expect(payloadOf(updated.out)).toMatchObject({
      added: [],
      updated: ['DAG-7'],
      unchanged: 1,
      files: ['comments/MHHSP-BP004/T1-R2.yaml'],
    });
    const bp004 = await readFile(join(repo, 'comments/MHHSP-BP004/T1-R2.yaml'), 'utf8');
    expect(bp004).toContain('status: Accepted');
    expect(bp004).toContain('response: Step 3 now waits for IF-022.');

    const tracker = await runCaptured(['tracker', '--repo', repo, '--json']);
    expect(payloadOf(tracker.out).totals).toMatchObject({ comments: { total: 6 } });
  });

  test('bad rows are reported by sheet, row and column, with the fix, and nothing is written', async () => {
    const log = join(work, 'bad-log.xlsx');
    await writeLog(log, [
      ['DAG-20', 'MHHSP-IF-21', 'DNO B', 'DNO', '2022-03-14', 'Typo in the artefact id.', 'Accepted', ''],
      [
        'DAG-21',
        'MHHSP-BP004',
        'DNO B',
        'DNO',
        '2022-03-14',
        'A status the mapping does not know.',
        'Done',
        '',
      ],
      ['DAG-22', 'MHHSP-BP004', '', 'DNO', '14/03/2022', 'No organisation.', 'Accepted', ''],
    ]);
    const before = await snapshotFiles(join(repo, 'comments'));
    const run = await runCaptured([
      'import',
      'comments',
      log,
      '--repo',
      repo,
      '--mapping',
      'dag-log',
      '--round',
      'T1-R3',
      '--write',
    ]);
    expect(run.code).toBe(1);
    expect(run.out).toContain(
      'sheet "Comments", row 2, column B (Document): unknown artefact "MHHSP-IF-21"; did you mean "MHHSP-IF-021"?',
    );
    expect(run.out).toContain(
      'sheet "Comments", row 3, column G (Status): "Done" is not one of the mapped values (Accepted, Action, Rejected, RFC, Open)',
    );
    expect(run.out).toMatch(
      /bad-log\.xlsx:4:3: error invalid-comment: sheet "Comments", row 4, column C \(Organisation\): organisation:/,
    );
    expect(run.out).toContain('failed:');
    expect(await snapshotFiles(join(repo, 'comments'))).toEqual(before);
  });

  test('a log without a column the mapping needs names the column and the headers it has', async () => {
    const path = join(work, 'no-status.csv');
    await writeFile(
      path,
      'ID,Artefact,Round,Organisation,Constituency,Comment,State\r\nX-1,MHHSP-BP004,T1,DNO B,DNO,Text,Accepted\r\n',
    );
    const run = await runCaptured(['import', 'comments', path, '--repo', repo]);
    expect(run.code).toBe(1);
    expect(run.out).toContain(
      'sheet "Sheet1", row 1: no column "Status" for status (mapping "comments"); did you mean "State"?',
    );
  });
});

describe('a comment log saved by LibreOffice Calc', () => {
  test('imports the same comments as the CSV it was converted from, dates and quoted text included', async () => {
    const fixtures = join(import.meta.dirname, 'fixtures/comments');
    const one = join(work, 'lo-xlsx');
    const two = join(work, 'lo-csv');
    await cp(FIXTURE, one, { recursive: true });
    await cp(FIXTURE, two, { recursive: true });
    const fromXlsx = await runCaptured([
      'import',
      'comments',
      join(fixtures, 'libreoffice-log.xlsx'),
      '--repo',
      one,
      '--write',
      '--json',
    ]);
    const fromCsv = await runCaptured([
      'import',
      'comments',
      join(fixtures, 'libreoffice-log.csv'),
      '--repo',
      two,
      '--write',
      '--json',
    ]);
    expect(fromXlsx.code).toBe(0);
    expect(payloadOf(fromXlsx.out)).toMatchObject({ added: ['LO-001', 'LO-002', 'LO-003'] });
    expect(envelopeOf(fromXlsx.out).diagnostics).toEqual([]);
    expect(payloadOf(fromCsv.out)).toMatchObject({ added: ['LO-001', 'LO-002', 'LO-003'] });
    expect(envelopeOf(fromCsv.out).diagnostics).toEqual([]);
    const written = await snapshotFiles(join(one, 'comments'));
    expect(written).toEqual(await snapshotFiles(join(two, 'comments')));
    const if021 = written['MHHSP-IF-021/T1-R2.yaml'] ?? '';
    expect(if021).toContain('date: 2022-03-14');
    expect(if021).toContain('text: The settlement period should be given in UTC, throughout.');
    expect(if021).toContain('Who receives the data when the supplier changes "mid-day"?');
    expect(if021).toContain('section: "3.2"');
    expect(written['MHHSP-BP004/T1-R2.yaml']).toContain('status: Requires further clarification');
  });
});
