import { link, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runCaptured } from '../run-cli.js';
import { hostileRepo, removeHostileRepos } from './hostile-repo.js';

afterAll(removeHostileRepos);

// "Never half a file": every output is written to a temporary file and renamed over the old one. A
// rename leaves the old file whole under any other name it had (a hard link made before the run keeps
// the old bytes); a write in place would have cut and rewritten the one file both names share.

const OLD = 'the previous output, which a reader may hold open\n';

const WRITERS: [string, (repo: string, out: string) => string[], string][] = [
  [
    'export csv',
    (repo, out) => ['export', 'csv', '--repo', repo, '--mapping', 'azure-devops', '--out', out],
    'out.csv',
  ],
  [
    'export xlsx',
    (repo, out) => ['export', 'xlsx', '--repo', repo, '--mapping', 'azure-devops', '--out', out],
    'out.xlsx',
  ],
  ['export reqif', (repo, out) => ['export', 'reqif', '--repo', repo, '--out', out], 'out.reqif'],
  ['check --out', (repo, out) => ['check', repo, '--format', 'json', '--out', out], 'out.json'],
  ['trace report --out', (repo, out) => ['trace', 'report', repo, '--out', out], 'out.md'],
];

describe('an output file is replaced whole, never rewritten in place', () => {
  test.each(WRITERS)('%s', async (_, args, name) => {
    const repo = await hostileRepo();
    const out = join(repo, name);
    await writeFile(out, OLD);
    await link(out, join(repo, 'old-name'));
    const { code, err } = await runCaptured(args(repo, out));
    expect(err).not.toContain('internal error');
    expect([0, 1]).toContain(code);
    expect(await readFile(out, 'utf8')).not.toBe(OLD);
    expect(await readFile(join(repo, 'old-name'), 'utf8')).toBe(OLD);
  });
});
