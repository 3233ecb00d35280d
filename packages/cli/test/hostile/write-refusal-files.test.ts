import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCaptured } from '../run-cli.js';
import { fileTree } from './hostile-repo.js';

// The one load-error policy for the commands that write files outside the model (exports, the site)
// or into it from other tools (sheets, comment logs): with a load error they write nothing (not even
// an empty output folder), name the error, and exit 1. write-refusal.test.ts covers baseline, review,
// check --accept and import bpmn; the Neo4j export is covered in the adapter's tests (it needs a server).

const COMMENTS = join(import.meta.dirname, '../../../core/test/fixtures/comments/good');
const BROKEN = 'elements:\n  - { id: X-1, kind: Servise, name: A service }\n';
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
const ADO = 'ID,Work Item Type,Title,State,Parent,Tests,Tags\r\n100,Epic,Settlement data,Active,,,\r\n';

let work = '';
let repo = '';
/** Files the writers read: a comment log and a sheet, made while the repository loads cleanly. */
let log = '';
let sheet = '';
/** A site folder that already holds a file: a refused `site` must not empty it. */
let siteOut = '';

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'tracery-refusal-'));
  repo = join(work, 'repo');
  await cp(COMMENTS, repo, { recursive: true });
  await writeFile(
    join(repo, 'tracery.yaml'),
    `${await readFile(join(repo, 'tracery.yaml'), 'utf8')}${MAPPING}`,
  );
  const exported = await runCaptured(['export', 'comments', '--repo', repo, '--out', join(work, 'logs')]);
  expect(exported.code).toBe(0);
  log = join(work, 'logs', 'MHHSP-IF-021.csv');
  // Edited, so that an import would have something to write.
  await writeFile(log, (await readFile(log, 'utf8')).replace(/,open,/, ',Accepted,'));
  const reqif = await runCaptured(['export', 'reqif', '--repo', repo, '--out', join(work, 'in.reqif')]);
  expect(reqif.code).toBe(0);
  sheet = join(work, 'ado.csv');
  await writeFile(sheet, ADO);
  siteOut = join(work, 'site');
  await mkdir(siteOut);
  await writeFile(join(siteOut, 'keep.txt'), 'the user put this here\n');
  await writeFile(join(repo, 'model', 'broken.yaml'), BROKEN);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const out = (name: string) => join(work, 'out', name);

const WRITERS: [string, () => string[], () => string][] = [
  [
    'export csv',
    () => ['export', 'csv', '--repo', repo, '--mapping', 'azure-devops', '--out', out('a.csv')],
    () => out('a.csv'),
  ],
  [
    'export xlsx',
    () => ['export', 'xlsx', '--repo', repo, '--mapping', 'azure-devops', '--out', out('a.xlsx')],
    () => out('a.xlsx'),
  ],
  ['export reqif', () => ['export', 'reqif', '--repo', repo, '--out', out('a.reqif')], () => out('a.reqif')],
  ['export comments', () => ['export', 'comments', '--repo', repo, '--out', out('logs')], () => out('logs')],
  [
    'import csv --write',
    () => ['import', 'csv', sheet, '--repo', repo, '--mapping', 'azure-devops', '--write'],
    () => '',
  ],
  ['import comments --write', () => ['import', 'comments', log, '--repo', repo, '--write'], () => ''],
  [
    'import reqif --write',
    () => ['import', 'reqif', join(work, 'in.reqif'), '--repo', repo, '--name', 'again', '--write'],
    () => '',
  ],
  ['site', () => ['site', '--repo', repo, '--out', siteOut, '--no-history'], () => ''],
];

describe('a command that writes files refuses when the repository has load errors', () => {
  test.each(WRITERS)('%s: exit 1, the load error named, nothing written', async (_, args, output) => {
    const before = await fileTree(work);
    const { code, out: printed, err } = await runCaptured(args());
    expect(code).toBe(1);
    expect(printed + err).toMatch(/model\/broken\.yaml:2:\d+: error /);
    expect(printed + err).toMatch(/load error/);
    expect(await fileTree(work)).toEqual(before);
    if (output()) await expect(readFile(output())).rejects.toThrow(/ENOENT|EISDIR/);
    expect(await readdir(siteOut)).toEqual(['keep.txt']);
  });
});
