import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCaptured, runJson } from './run-cli.js';

const run = promisify(execFile);
const FIXTURE = join(import.meta.dirname, '..', '..', 'core', 'test', 'fixtures', 'baseline', 'repo');
let repo: string;
const design = () => join(repo, 'model', 'design.yaml');
const git = (...args: string[]) =>
  run('git', ['-c', 'user.name=Ada Analyst', '-c', 'user.email=ada@example.org', ...args], { cwd: repo });

beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), 'tracery-cli-baseline-'));
  await cp(FIXTURE, repo, { recursive: true });
  await git('init', '--quiet', '--initial-branch=main');
  await git('add', '--all');
  await git('commit', '--quiet', '-m', 'The first design');
});
afterAll(() => rm(repo, { recursive: true, force: true }));

describe('tracery baseline, diff, review and history', () => {
  test('baseline create writes baselines/NAME.json and list shows it', async () => {
    const created = await runCaptured(['baseline', 'create', 'T1', '--repo', repo]);
    expect(created).toMatchObject({ code: 0, out: 'wrote baselines/T1.json: 6 elements, 6 relations\n' });
    expect((await runCaptured(['baseline', 'list', '--repo', repo])).out).toBe('T1\n');
    expect((await runJson(['baseline', 'list', '--repo', repo])).envelope).toMatchObject({
      command: 'baseline list',
      ok: true,
      payload: { baselines: ['T1'] },
    });
    expect((await runCaptured(['baseline', 'create', '../x', '--repo', repo])).code).toBe(2);
  });

  test('diff against a baseline and against a git revision shows the change field by field', async () => {
    await writeFile(design(), (await readFile(design(), 'utf8')).replace('name: MPAN', 'name: MPAN block'));
    const fromBaseline = await runCaptured(['diff', 'T1', '--repo', repo]);
    expect(fromBaseline.code).toBe(0);
    expect(fromBaseline.out).toBe(
      'baseline T1 -> working tree: elements: 0 added, 0 removed, 1 changed; relations: 0 added, 0 removed, 0 changed\n~ MB-M0 (DataEntity)\n    name: "MPAN" -> "MPAN block"\n',
    );
    const fromGit = await runJson(['diff', 'git:HEAD', 'working', '--repo', repo, '--json']);
    expect(fromGit.envelope.command).toBe('diff');
    expect(
      (fromGit.envelope.payload as { diff: { elements: { changed: unknown } } }).diff.elements.changed,
    ).toEqual([
      { id: 'MB-M0', kind: 'DataEntity', changes: [{ field: 'name', before: 'MPAN', after: 'MPAN block' }] },
    ]);
    expect((await runCaptured(['diff', 'T1', 'T1', '--repo', repo, '--format', 'md'])).out).toContain(
      'elements: 0 added, 0 removed, 0 changed',
    );
    expect((await runCaptured(['diff', 'NOPE', '--repo', repo])).code).toBe(2);
  });

  test('review records stamps, and lists the links that became suspect after a change', async () => {
    expect(await runCaptured(['review', '--repo', repo])).toMatchObject({
      code: 0,
      out: 'no suspect links\n',
    });
    const reviewed = await runCaptured([
      'review',
      'IF-021',
      'carries',
      'MB-M0',
      '--repo',
      repo,
      '--by',
      'Ada',
    ]);
    expect(reviewed.code).toBe(0);
    expect(reviewed.out).toMatch(
      /^reviewed IF-021 -carries-> MB-M0 in model\/design\.yaml \(by Ada at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\)\n$/,
    );
    await writeFile(design(), (await readFile(design(), 'utf8')).replace('blockCode: M0', 'blockCode: M9'));
    const listed = await runCaptured(['review', '--repo', repo]);
    expect(listed.code).toBe(1);
    expect(listed.out).toMatch(/^IF-021 -carries-> MB-M0 +target-changed /m);
    expect((await runCaptured(['review', 'MB-M0', '--repo', repo])).code).toBe(0);
    expect((await runCaptured(['review', '--repo', repo])).code).toBe(0);
    expect((await runCaptured(['review', 'IF-021', 'carries', 'NOPE', '--repo', repo])).code).toBe(2);
    const typo = await runCaptured(['review', 'IF-021', 'carries', 'MB-M', '--repo', repo]);
    expect(typo).toMatchObject({ code: 2 });
    expect(typo.err).toContain('no element "MB-M" in the model; did you mean "MB-M0"?');
  });

  test('history lists the commits that changed an element', async () => {
    await git('add', '--all');
    await git('commit', '--quiet', '-m', 'Rename the MPAN block');
    const { code, envelope } = await runJson(['history', 'MB-M0', '--repo', repo, '--json']);
    expect(code).toBe(0);
    const history = envelope.payload as { entries: { subject: string; change: string; fields: unknown }[] };
    expect(history.entries.map((e: { subject: string; change: string }) => [e.subject, e.change])).toEqual([
      ['Rename the MPAN block', 'changed'],
      ['The first design', 'added'],
    ]);
    expect(history.entries[0]?.fields).toEqual([
      { field: 'name', before: 'MPAN', after: 'MPAN block' },
      { field: 'attributes.blockCode', before: 'M0', after: 'M9' },
    ]);
    expect((await runCaptured(['history', 'MB-M0', '--repo', tmpdir()])).code).toBe(2);
    // an id that neither the model nor any commit holds is a typo: exit 2, with the nearest id
    const typo = await runJson(['history', 'MB-M', '--repo', repo]);
    expect(typo.code).toBe(2);
    expect(typo.envelope).toMatchObject({ ok: false, payload: null });
    expect(typo.envelope.diagnostics.at(-1)).toMatchObject({
      code: 'unknown-id',
      message: 'no element "MB-M" in the model; did you mean "MB-M0"?',
    });
  });
});
