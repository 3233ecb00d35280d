import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCaptured } from './run-cli.js';

const FIXTURE = join(import.meta.dirname, '../../core/test/fixtures/comments/good');
const COMMENT_FILE = join('comments', 'MHHSP-IF-021', 'T1.yaml');
let repo: string;

const gitIn = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], {
    cwd: repo,
    encoding: 'utf8',
  });

/** The movement of `tracker --format json`, whether or not the output is wrapped in the envelope. */
function movementOf(out: string): {
  since: string;
  artefacts: { id: string; comments: Record<string, number> }[];
} {
  const body = JSON.parse(out);
  return body.movement ?? body.payload?.movement;
}

beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), 'tracery-tracker-since-'));
  await cp(FIXTURE, repo, { recursive: true });
  gitIn('init', '-q');
  gitIn('add', '.');
  gitIn('commit', '-qm', 'first comments');
  expect((await runCaptured(['baseline', 'create', 'T1-review', '--repo', repo])).code).toBe(0);
  gitIn('add', '.');
  gitIn('commit', '-qm', 'baseline T1-review');
  // After the baseline: the action on IF021-T1-002 is answered, and accepted.
  const path = join(repo, COMMENT_FILE);
  await writeFile(path, (await readFile(path, 'utf8')).replace('status: action', 'status: Accepted'));
  gitIn('commit', '-qam', 'IF021-T1-002 answered');
});

afterAll(async () => {
  await rm(repo, { recursive: true, force: true });
});

describe('tracery tracker --since', () => {
  test('a baseline name compares with the commit that recorded the baseline: one Action became Accepted', async () => {
    const { code, out, err } = await runCaptured([
      'tracker',
      '--repo',
      repo,
      '--format',
      'json',
      '--since',
      'T1-review',
    ]);
    expect(err).toBe('');
    expect(code).toBe(0);
    const movement = movementOf(out);
    const recorded = gitIn('log', '--format=%h', '-1', '--', 'baselines/T1-review.json').trim();
    expect(movement.since).toBe(`baseline T1-review (commit ${recorded})`);
    expect(movement.artefacts).toEqual([
      expect.objectContaining({ id: 'MHHSP-IF-021', comments: { Accepted: 1, Action: -1 } }),
    ]);
  });

  test('a git revision still works, and git:REV forces a revision', async () => {
    for (const since of ['HEAD~1', 'git:HEAD~1']) {
      const { code, out } = await runCaptured([
        'tracker',
        '--repo',
        repo,
        '--format',
        'json',
        '--since',
        since,
      ]);
      expect(code).toBe(0);
      const movement = movementOf(out);
      expect(movement.since).toBe('git HEAD~1');
      expect(movement.artefacts.map((a) => a.id)).toEqual(['MHHSP-IF-021']);
    }
    const same = movementOf(
      (await runCaptured(['tracker', '--repo', repo, '--format', 'json', '--since', 'HEAD'])).out,
    );
    expect(same.artefacts).toEqual([]);
  });

  test('a name that is neither a baseline nor a revision is refused, with the nearest baseline', async () => {
    const { code, err } = await runCaptured(['tracker', '--repo', repo, '--since', 'T1-reveiw']);
    expect(code).toBe(2);
    expect(err).toContain('"T1-reveiw" is neither a baseline nor a git revision');
    expect(err).toContain('T1-review');
  });

  test('a baseline that is not committed yet is refused with the reason and the fix', async () => {
    expect((await runCaptured(['baseline', 'create', 'draft', '--repo', repo])).code).toBe(0);
    const { code, err } = await runCaptured(['tracker', '--repo', repo, '--since', 'draft']);
    expect(code).not.toBe(0);
    expect(err).toContain('baseline "draft"');
    expect(err).toContain('is not committed yet');
    expect(err).toContain('commit it, or give a git revision');
  });
});
