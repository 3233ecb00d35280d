import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { RepositoryError } from '../errors/tracery-error.js';
import { GitObjectReader } from './git-object-reader.js';

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

/** A file of a git tree: its path relative to the folder asked about, and its blob's object id. */
export type TreeFile = { readonly path: string; readonly oid: string };

/**
 * The regular files under a folder at a git revision (`git ls-tree`), sorted by path, filtered by
 * `wanted` (which gets the path relative to the folder). Symbolic links and submodules are left out:
 * only regular files are read, as in a working tree.
 *
 * @example
 * const files = await treeAtRevision('packages/examples/mhhs', 'HEAD~1', (path) => path.endsWith('.yaml'));
 */
export async function treeAtRevision(
  dir: string,
  revision: string,
  wanted: (path: string) => boolean,
  /** The folder's prefix in its git repository, when known (see {@link gitLocation}). */
  known?: { readonly prefix: string },
): Promise<TreeFile[]> {
  if (revision.startsWith('-')) throw new RepositoryError(`revision "${revision}" may not start with "-".`);
  const { prefix } = known ?? (await gitLocation(dir));
  const listing = await git(dir, ['ls-tree', '-r', '-z', '--full-name', revision, '--', '.']);
  const files: TreeFile[] = [];
  for (const line of listing.split('\0')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, oid] = line.slice(0, tab).split(' ') as [string, string, string];
    const full = line.slice(tab + 1);
    if (type !== 'blob' || !/^1006[0-7]{2}$/.test(mode) || !full.startsWith(prefix)) continue;
    const path = full.slice(prefix.length);
    if (wanted(path)) files.push({ path, oid });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * The bytes of the files under a folder at a git revision, read with `git ls-tree` and one
 * `git cat-file --batch` process, never by a checkout: a map from the path relative to the folder to
 * the file's bytes.
 *
 * @example
 * const files = await blobsAtRevision('packages/examples/mhhs', 'HEAD~1', (path) => path.endsWith('.yaml'));
 */
export async function blobsAtRevision(
  dir: string,
  revision: string,
  wanted: (path: string) => boolean,
): Promise<Map<string, Buffer>> {
  const files = await treeAtRevision(dir, revision, wanted);
  const reader = new GitObjectReader(dir);
  try {
    const contents = await Promise.all(files.map((file) => reader.read(file.oid)));
    return new Map(files.map((file, i) => [file.path, contents[i]!] as const));
  } finally {
    await reader.close();
  }
}

/**
 * The files under a folder at a git revision, as text (UTF-8), read with `git ls-tree` and one
 * `git cat-file --batch` process, never by a checkout: a map from the path relative to the folder to
 * the file's text.
 *
 * @example
 * const files = await filesAtRevision('packages/examples/mhhs', 'HEAD~1', (path) => path.endsWith('.yaml'));
 */
export async function filesAtRevision(
  dir: string,
  revision: string,
  wanted: (path: string) => boolean,
): Promise<Map<string, string>> {
  const blobs = await blobsAtRevision(dir, revision, wanted);
  return new Map([...blobs].map(([path, bytes]) => [path, bytes.toString('utf8')] as const));
}
