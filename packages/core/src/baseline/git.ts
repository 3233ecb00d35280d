import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { RepositoryError } from '../errors/tracery-error.js';

const run = promisify(execFile);

/**
 * Runs git in a folder and returns its standard output; throws {@link RepositoryError} with git's
 * own message when it fails (not a git repository, an unknown revision ...).
 *
 * @example
 * const head = await git('packages/examples/mhhs', ['rev-parse', 'HEAD']);
 */
export async function git(cwd: string, args: readonly string[]): Promise<string> {
  try {
    const { stdout } = await run('git', [...args], { cwd, maxBuffer: 1 << 30, encoding: 'utf8' });
    return stdout;
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? (error as Error).message).trim();
    throw new RepositoryError(`git ${args.join(' ')} failed in ${cwd}: ${stderr.split('\n')[0]}`);
  }
}

/** Where a folder sits in its git repository: the repository's top folder and the folder's prefix (`packages/examples/mhhs/`). */
export async function gitLocation(dir: string): Promise<{ top: string; prefix: string }> {
  const [top, prefix] = await Promise.all([
    git(dir, ['rev-parse', '--show-toplevel']),
    git(dir, ['rev-parse', '--show-prefix']),
  ]);
  return { top: top.trim(), prefix: prefix.trim() };
}

/**
 * The files under a folder at a git revision, read with `git ls-tree` and `git show`, never by a
 * checkout: a map from the path relative to the folder to the file's text.
 *
 * @example
 * const files = await filesAtRevision('packages/examples/mhhs', 'HEAD~1', (path) => path.endsWith('.yaml'));
 */
export async function filesAtRevision(
  dir: string,
  revision: string,
  wanted: (path: string) => boolean,
): Promise<Map<string, string>> {
  if (revision.startsWith('-')) throw new RepositoryError(`revision "${revision}" may not start with "-".`);
  const { prefix } = await gitLocation(dir);
  const listing = await git(dir, ['ls-tree', '-r', '-z', '--full-name', '--name-only', revision, '--', '.']);
  const paths = listing
    .split('\0')
    .filter((p) => p !== '' && p.startsWith(prefix))
    .map((p) => p.slice(prefix.length))
    .filter(wanted)
    .sort();
  const texts: string[] = new Array(paths.length);
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const i = next++;
      texts[i] = await git(dir, ['show', `${revision}:./${paths[i]}`]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, paths.length) }, worker));
  return new Map(paths.map((path, i) => [path, texts[i]!] as const));
}
