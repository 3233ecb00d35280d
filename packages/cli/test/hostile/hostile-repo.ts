import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

/** The small, valid repository the hostile cases start from (6 elements, 6 relations). */
export const BASE_REPO = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'core',
  'test',
  'fixtures',
  'baseline',
  'repo',
);

const temps: string[] = [];

/** A copy of the base repository in a temporary folder, with `files` written over it (path -> text). */
export async function hostileRepo(
  files: Readonly<Record<string, string | Uint8Array>> = {},
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tracery-hostile-'));
  temps.push(dir);
  await cp(BASE_REPO, dir, { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

/** Removes the temporary repositories made so far. */
export async function removeHostileRepos(): Promise<void> {
  for (const dir of temps.splice(0)) await rm(dir, { recursive: true, force: true });
}

/**
 * Every file under a folder (path relative to it -> sha256 of its bytes; a link -> where it points; a
 * FIFO, socket or device -> its kind, never read): equal before and after means nothing changed.
 * Tracery's parsed-file cache (`.tracery/cache`, ignored by git, safe to delete) is not the user's
 * content and is left out unless `withCache`.
 */
export async function fileTree(
  dir: string,
  options: { readonly withCache?: boolean } = {},
): Promise<Record<string, string>> {
  const tree: Record<string, string> = {};
  const cache = join(dir, '.tracery', 'cache');
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      const key = relative(dir, path).split('\\').join('/');
      if (path === cache && !options.withCache) continue;
      if (entry.isDirectory()) await walk(path);
      else if (entry.isSymbolicLink()) tree[key] = `link to ${await readlink(path)}`;
      else if (!entry.isFile()) tree[key] = entry.isFIFO() ? 'fifo' : entry.isSocket() ? 'socket' : 'device';
      else
        tree[key] = createHash('sha256')
          .update(await readFile(path))
          .digest('hex');
    }
  };
  await walk(dir);
  return tree;
}

const BIN = join(import.meta.dirname, '..', '..', 'src', 'bin.ts');
const TSX = createRequire(import.meta.url).resolve('tsx/esm');

/**
 * Runs the real `tracery` process (from the sources, through tsx) with a shell pipeline after it, such
 * as `| head -1`, and gives the exit code of the tracery process (not of the pipe's end) and what it
 * wrote on standard error.
 */
export function spawnPiped(
  args: readonly string[],
  pipe: string,
): Promise<{ code: number | null; signal: string | null; err: string; out: string }> {
  const quoted = args.map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  const script = `node --import '${TSX}' --conditions=tracery-source '${BIN}' ${quoted} 2>"$ERRFILE" ${pipe}; echo "tracery-exit=\${PIPESTATUS[0]}" >&2`;
  return new Promise((done, fail) => {
    const errFile = join(
      tmpdir(),
      `tracery-hostile-err-${process.pid}-${Math.random().toString(36).slice(2)}`,
    );
    const child = spawn('bash', ['-c', script], { env: { ...process.env, ERRFILE: errFile, NO_COLOR: '1' } });
    let out = '';
    let status = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (status += chunk.toString()));
    child.on('error', fail);
    child.on('close', async () => {
      const err = await readFile(errFile, 'utf8').catch(() => '');
      await rm(errFile, { force: true });
      const match = /tracery-exit=(\d+)/.exec(status);
      done({ code: match ? Number(match[1]) : null, signal: null, err, out });
    });
  });
}
