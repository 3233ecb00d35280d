import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { envelopeOf, payloadOf, runCaptured } from './run-cli.js';

let work: string;
let repo: string;

// The shape of an Azure DevOps work-item query exported to CSV: ID, Work Item Type, Title, State, Parent
// and a links column.
const ADO = [
  'ID,Work Item Type,Title,State,Parent,Tests,Tags',
  '100,Epic,Settlement data,Active,,,mhhs',
  '101,User Story,"Publish consumption, every half hour",New,100,,mhhs; t1',
  '102,Test Case,Consumption published for 48 periods,Closed,,101,',
  '',
].join('\r\n');

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'tracery-sheets-'));
  repo = join(work, 'repo');
  await mkdir(join(repo, 'model'), { recursive: true });
  await writeFile(join(repo, 'tracery.yaml'), 'name: Sheets\n');
  await writeFile(
    join(repo, 'model/services.yaml'),
    'elements:\n  - { id: SDS, kind: Service, name: Smart Data Service }\n',
  );
  await writeFile(join(work, 'ado.csv'), ADO);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('tracery import csv|xlsx and export csv|xlsx', () => {
  test('an unknown mapping is refused, naming the element mappings there are, and nothing is written', async () => {
    const run = await runCaptured([
      'import',
      'csv',
      join(work, 'ado.csv'),
      '--repo',
      repo,
      '--mapping',
      'azure-devop',
    ]);
    expect(run.code).toBe(2);
    expect(run.err).toContain('no element mapping "azure-devop"; the element mappings are');
    expect(run.err).toContain('azure-devops');
    await expect(readFile(join(repo, 'model/imported/azure-devop.yaml'), 'utf8')).rejects.toThrow();
  });

  test('an Azure DevOps export imports as requirements and test cases with their parents and links; again, nothing changes', async () => {
    const first = await runCaptured([
      'import',
      'csv',
      join(work, 'ado.csv'),
      '--repo',
      repo,
      '--mapping',
      'azure-devops',
      '--write',
      '--json',
    ]);
    expect(first.code).toBe(0);
    expect(payloadOf(first.out)).toMatchObject({ added: ['ADO-100', 'ADO-101', 'ADO-102'], written: true });
    const file = join(repo, 'model/imported/azure-devops.yaml');
    const text = await readFile(file, 'utf8');
    expect(text).toContain('name: Publish consumption, every half hour');
    expect(text).toMatch(/id: ADO-101\n\s+kind: Requirement[\s\S]*status: draft[\s\S]*partOf:\n\s+- ADO-100/);
    expect(text).toMatch(
      /id: ADO-102\n\s+kind: TestCase[\s\S]*status: baselined[\s\S]*verifies:\n\s+- ADO-101/,
    );
    const validate = await runCaptured(['validate', repo]);
    expect(validate.code).toBe(0);

    const again = await runCaptured([
      'import',
      'csv',
      join(work, 'ado.csv'),
      '--repo',
      repo,
      '--mapping',
      'azure-devops',
      '--write',
      '--json',
    ]);
    expect(payloadOf(again.out)).toMatchObject({
      added: [],
      updated: [],
      unchanged: 3,
      changed: false,
      written: false,
    });
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  test('export xlsx -> import xlsx changes nothing, and an edited state updates the element', async () => {
    const out = join(work, 'ado.xlsx');
    const exported = await runCaptured([
      'export',
      'xlsx',
      '--repo',
      repo,
      '--mapping',
      'azure-devops',
      '--out',
      out,
    ]);
    expect(exported.code).toBe(0);
    const back = await runCaptured([
      'import',
      'xlsx',
      out,
      '--repo',
      repo,
      '--mapping',
      'azure-devops',
      '--write',
      '--json',
    ]);
    expect(payloadOf(back.out)).toMatchObject({ added: [], updated: [], unchanged: 3, changed: false });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'ID',
      'Work Item Type',
      'Title',
      'State',
      'Parent',
      'Tests',
      'Tags',
    ]);
    sheet.getRow(3).getCell(4).value = 'Resolved';
    await workbook.xlsx.writeFile(out);
    const edited = await runCaptured([
      'import',
      'xlsx',
      out,
      '--repo',
      repo,
      '--mapping',
      'azure-devops',
      '--write',
      '--json',
    ]);
    expect(payloadOf(edited.out)).toMatchObject({ updated: ['ADO-101'], unchanged: 2 });
    expect(await readFile(join(repo, 'model/imported/azure-devops.yaml'), 'utf8')).toMatch(
      /id: ADO-101[\s\S]*status: approved/,
    );
  });

  test('bad rows are placed by sheet, row and column and nothing is written', async () => {
    const bad = join(work, 'bad.csv');
    await writeFile(
      bad,
      [
        'ID,Work Item Type,Title,State,Parent',
        '200,Bug,A bug,New,',
        '201,User Story,,New,',
        '202,User Story,Orphan,New,999',
        '',
      ].join('\r\n'),
    );
    const run = await runCaptured([
      'import',
      'csv',
      bad,
      '--repo',
      repo,
      '--mapping',
      'azure-devops',
      '--write',
    ]);
    expect(run.code).toBe(1);
    expect(run.out).toContain(
      'sheet "Sheet1", row 2, column B (Work Item Type): "Bug" is not one of the mapped values',
    );
    expect(run.out).toMatch(/sheet "Sheet1", row 3, column C \(Title\): name: /);
    expect(run.out).toContain(
      'sheet "Sheet1", row 4: partOf names "ADO-999", which is neither in the model nor in the sheet',
    );
    expect(run.out).toContain('failed:');
  });

  test('requirements in the plain "elements" shape import with --kind, and an id defined elsewhere is refused', async () => {
    const reqs = join(work, 'reqs.csv');
    await writeFile(
      reqs,
      [
        'id,name,status,tags',
        'REQ-1,Half-hourly data is settled,draft,t1',
        'SDS,Clash with a service,draft,',
        '',
      ].join('\r\n'),
    );
    const run = await runCaptured(['import', 'csv', reqs, '--repo', repo, '--kind', 'Requirement', '--json']);
    const { diagnostics } = envelopeOf(run.out);
    expect(run.code).toBe(1);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'sheet "Sheet1", row 3: "SDS" is already defined in model/services.yaml:2; the import writes only model/imported/elements.yaml. Remove it there, or map the sheet to other ids.',
    ]);
  });
});
