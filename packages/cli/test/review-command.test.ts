import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { runCaptured, runJson } from './run-cli.js';

const FIXTURE = join(import.meta.dirname, '..', '..', 'core', 'test', 'fixtures', 'baseline', 'repo');
let repo: string;
const design = () => join(repo, 'model', 'design.yaml');
beforeEach(async () => {
  repo = await mkdtemp(join(tmpdir(), 'tracery-cli-review-'));
  await cp(FIXTURE, repo, { recursive: true });
});
afterEach(() => rm(repo, { recursive: true, force: true }));

describe('recording a review is not a change (issue 11)', () => {
  test('after a review, impact --since the baseline starts from nothing and shows the review apart', async () => {
    expect((await runCaptured(['baseline', 'create', 'T1', '--repo', repo])).code).toBe(0);
    const started = new Date(Math.floor(Date.now() / 1000) * 1000);
    const reviewed = await runCaptured([
      'review',
      'IF-021 carries MB-M0',
      '--repo',
      repo,
      '--by',
      'Ada Analyst',
    ]);
    expect(reviewed.code).toBe(0);
    const written = await readFile(design(), 'utf8');
    const at = /reviewedAt: "([^"]+)"/.exec(written)?.[1];
    expect(new Date(at!).getTime()).toBeGreaterThanOrEqual(started.getTime());
    expect(new Date(at!).getTime()).toBeLessThanOrEqual(Date.now());

    const impact = await runJson(['impact', '--since', 'T1', '--repo', repo]);
    expect(impact.code).toBe(0);
    const payload = impact.envelope.payload as {
      changed: string[];
      impacted: unknown[];
      reviewedSince: { source: string; type: string; target: string; by: string; at: string }[];
    };
    expect(payload.changed).toEqual([]);
    expect(payload.impacted).toEqual([]);
    expect(payload.reviewedSince.map((r) => [r.source, r.type, r.target, r.by, r.at])).toEqual([
      ['IF-021', 'carries', 'MB-M0', 'Ada Analyst', at],
    ]);
    const text = await runCaptured(['impact', '--since', 'T1', '--repo', repo]);
    expect(text.out).toContain(
      `reviewed since baseline T1 (not changes: no impact):\n  IF-021 -carries-> MB-M0 by Ada Analyst at ${at}\n`,
    );

    const diff = await runCaptured(['diff', 'T1', '--repo', repo]);
    expect(diff).toMatchObject({ code: 0 });
    expect(diff.out).toBe(
      `baseline T1 -> working tree: elements: 0 added, 0 removed, 0 changed; relations: 0 added, 0 removed, 0 changed; links reviewed (not changes): 1\nreviewed (not changes):\n  IF-021 -carries-> MB-M0 by Ada Analyst at ${at}\n`,
    );
  });

  test('approving an element after a review leaves its links reviewed; changing its name does not', async () => {
    expect((await runCaptured(['review', 'MB-M0', '--repo', repo, '--by', 'Ada'])).code).toBe(0);
    await writeFile(
      design(),
      (await readFile(design(), 'utf8')).replace('name: MPAN\n', 'name: MPAN\n    status: approved\n'),
    );
    expect(await runCaptured(['review', '--repo', repo])).toMatchObject({
      code: 0,
      out: 'no suspect links\n',
    });
    await writeFile(
      design(),
      (await readFile(design(), 'utf8')).replace('name: MPAN\n', 'name: MPAN number\n'),
    );
    const listed = await runCaptured(['review', '--repo', repo]);
    expect(listed.code).toBe(1);
    expect(listed.out).toMatch(/^IF-021 -carries-> MB-M0 +target-changed /m);
    expect(listed.out).toMatch(/^SDS -dependsOn-> MB-M0 +target-changed /m);
  });

  test('without --by the reviewer is git user.name of the repository', async () => {
    await promisify(execFile)('git', ['init', '--quiet'], { cwd: repo });
    await promisify(execFile)('git', ['config', 'user.name', 'Grace Reviewer'], { cwd: repo });
    expect((await runCaptured(['review', 'SDS dependsOn MB-M0', '--repo', repo])).code).toBe(0);
    expect(await readFile(design(), 'utf8')).toContain('reviewedBy: "Grace Reviewer"');
    expect((await runCaptured(['review', 'SDS dependsOn MB-M0', '--repo', repo, '--by', ' '])).code).toBe(2);
  });
});
