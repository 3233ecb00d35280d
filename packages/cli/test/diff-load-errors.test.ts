import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { fileTree, hostileRepo, removeHostileRepos } from './hostile/hostile-repo.js';
import { runCaptured, runJson } from './run-cli.js';

afterAll(removeHostileRepos);

/** An unknown kind: one load error at model/broken.yaml:2, and X-1 does not load. */
const BROKEN = 'elements:\n  - { id: X-1, kind: Servise, name: A service }\n';

const git = (repo: string, ...args: string[]) =>
  promisify(execFile)('git', ['-c', 'user.name=Ada', '-c', 'user.email=ada@example.org', ...args], {
    cwd: repo,
  });

describe("diff follows the reading commands' policy for load errors: report and exit 1", () => {
  test('a working tree with a load error: the diff is shown, the error named, exit 1, no file changed', async () => {
    const repo = await hostileRepo();
    expect((await runCaptured(['baseline', 'create', 'T1', '--repo', repo])).code).toBe(0);
    const broken = await hostileRepo({ 'model/broken.yaml': BROKEN });
    const before = await fileTree(broken);
    const { code, out, err } = await runCaptured(['diff', `${repo}/baselines/T1.json`, '--repo', broken]);
    expect(code).toBe(1);
    expect(out).toContain('elements: 0 added, 0 removed, 0 changed');
    expect(err).toMatch(/^working tree: model\/broken\.yaml:2:\d+: error /m);
    expect(err).toContain(
      'tracery diff: working tree has 1 load error(s); what failed to load reads as removed from it; exit 1.',
    );
    expect(await fileTree(broken)).toEqual(before);
    const json = await runJson(['diff', `${repo}/baselines/T1.json`, '--repo', broken]);
    expect(json.code).toBe(1);
    expect(json.envelope.ok).toBe(false);
    expect(json.envelope.diagnostics.map((d) => d.source?.file)).toEqual(['model/broken.yaml']);
  });

  test('a git revision that did not load cleanly is reported the same way', async () => {
    const repo = await hostileRepo({ 'model/broken.yaml': BROKEN });
    await git(repo, 'init', '--quiet', '--initial-branch=main');
    await git(repo, 'add', '--all');
    await git(repo, 'commit', '--quiet', '-m', 'broken');
    await git(repo, 'rm', '--quiet', 'model/broken.yaml');
    await git(repo, 'commit', '--quiet', '-m', 'fixed');
    const { code, err } = await runCaptured(['diff', 'git:HEAD~1', 'git:HEAD', '--repo', repo]);
    expect(code).toBe(1);
    expect(err).toContain('tracery diff: git HEAD~1 has 1 load error(s)');
    expect((await runCaptured(['diff', 'git:HEAD', 'working', '--repo', repo])).code).toBe(0);
  });
});
