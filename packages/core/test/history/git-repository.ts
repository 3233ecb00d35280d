import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A throw-away git repository for tests, with a fixed author and dates so that output repeats. */
export async function tempGitRepository(): Promise<{
  root: string;
  commit: (message: string, files: Record<string, string>, date: string) => Promise<string>;
}> {
  const root = await mkdtemp(join(tmpdir(), 'tracery-git-'));
  const git = async (args: string[], env: Record<string, string> = {}) =>
    (await run('git', args, { cwd: root, env: { ...process.env, ...env } })).stdout.trim();
  await git(['init', '--quiet', '--initial-branch=main']);
  const commit = async (message: string, files: Record<string, string>, date: string) => {
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), text);
    }
    await git(['add', '--all']);
    const who = { name: 'Ada Analyst', email: 'ada@example.org' };
    await git(
      ['-c', `user.name=${who.name}`, '-c', `user.email=${who.email}`, 'commit', '--quiet', '-m', message],
      {
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
      },
    );
    return git(['rev-parse', 'HEAD']);
  };
  return { root, commit };
}
