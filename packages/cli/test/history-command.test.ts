import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type CliIo, runCli } from '@tracery/cli';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { runCaptured, runJson } from './run-cli.js';

const FIXTURE = join(import.meta.dirname, '..', '..', 'core', 'test', 'fixtures', 'baseline', 'repo');
let repo: string;
const shas: string[] = [];
const design = () => join(repo, 'model', 'design.yaml');
const git = async (...args: string[]) =>
  (
    await promisify(execFile)(
      'git',
      ['-c', 'user.name=Ada Analyst', '-c', 'user.email=ada@example.org', ...args],
      { cwd: repo },
    )
  ).stdout.trim();
const commit = async (message: string) => {
  await git('add', '--all');
  await git('commit', '--quiet', '-m', message);
  shas.push(await git('rev-parse', 'HEAD'));
};
const edit = async (from: string, to: string) => {
  const text = await readFile(design(), 'utf8');
  expect(text).toContain(from);
  await writeFile(design(), text.replace(from, to));
};

beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), 'tracery-cli-history-'));
  await cp(FIXTURE, repo, { recursive: true });
  await git('init', '--quiet', '--initial-branch=main');
  await commit('The first design');
  await writeFile(join(repo, 'notes.txt'), 'not a model file\n');
  await commit('Notes only');
  await edit('name: MPAN\n', 'name: MPAN block\n');
  await writeFile(join(repo, 'model', 'broken.yaml'), 'elements: [\n');
  await commit('Rename MPAN, and a broken file');
  await rm(join(repo, 'model', 'broken.yaml'));
  await edit('blockCode: M0', 'blockCode: M9');
  await commit('Fix the broken file, recode MPAN');
});
afterAll(() => rm(repo, { recursive: true, force: true }));

describe('tracery history', () => {
  test('--max 1 on a commit that changed no model file: an element that existed before is not "added"', async () => {
    await writeFile(join(repo, 'notes.txt'), 'more notes\n');
    await commit('More notes');
    const { code, envelope } = await runJson(['history', 'MB-M0', '--max', '1', '--repo', repo]);
    expect(code).toBe(0);
    expect((envelope.payload as { entries: unknown[] }).entries).toEqual([]);
    expect((await runCaptured(['history', 'MB-M0', '--max', '1', '--repo', repo])).out).toBe(
      'MB-M0: no commit changed it.\n',
    );
  });

  test('a commit whose files did not load is shown as such, and the next is compared with the last that loaded', async () => {
    const { code, envelope } = await runJson(['history', 'MB-M0', '--repo', repo]);
    expect(code).toBe(0);
    const entries = (
      envelope.payload as { entries: { commit: string; change: string; fields: { field: string }[] }[] }
    ).entries;
    expect(entries.map((e) => [e.commit, e.change, e.fields.map((f) => f.field)])).toEqual([
      [shas[3], 'changed', ['name', 'attributes.blockCode']],
      [shas[2], 'not-loaded', []],
      [shas[0], 'added', []],
    ]);
    const text = await runCaptured(['history', 'MB-M0', '--repo', repo]);
    expect(text.out).toContain(`${shas[2]!.slice(0, 12)}  `);
    expect(text.out).toMatch(
      /did not load \(1 error\): what it did to MB-M0 is not known; the next commit is compared with the one before\n {4}Rename MPAN, and a broken file\n {4}model\/broken\.yaml:\d+:\d+: error /,
    );
  });

  test('a working tree with load errors: the errors are reported and the exit code is 1', async () => {
    await writeFile(
      join(repo, 'model', 'broken.yaml'),
      'elements:\n  - { id: X-1, kind: Servise, name: A }\n',
    );
    try {
      const { code, out, err } = await runCaptured(['history', 'MB-M0', '--repo', repo]);
      expect(code).toBe(1);
      expect(out).toContain('MB-M0: 3 commits');
      expect(err).toMatch(/^model\/broken\.yaml:2:\d+: error /m);
      expect(err).toContain('1 load error(s)');
    } finally {
      await rm(join(repo, 'model', 'broken.yaml'));
    }
  });

  test('progress is drawn on standard error when it is a terminal, and not otherwise', async () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const io = (progress: boolean): CliIo => ({ out: () => {}, err: () => {}, fancy: false, progress });
      expect(await runCli(['history', 'MB-M0', '--repo', repo], io(false))).toBe(0);
      expect(write.mock.calls.map(([text]) => String(text)).filter((t) => t.includes('history of'))).toEqual(
        [],
      );
      expect(await runCli(['history', 'MB-M0', '--repo', repo], io(true))).toBe(0);
      const drawn = write.mock.calls.map(([text]) => String(text)).filter((t) => t.includes('history of'));
      expect(drawn.at(-1)).toContain('history of MB-M0: commit 5 of 5');
    } finally {
      write.mockRestore();
    }
  });
});
