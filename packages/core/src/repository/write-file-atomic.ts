import { randomBytes } from 'node:crypto';
import { type FileHandle, link, mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** What {@link writeFileAtomic} writes: a whole text or bytes, or texts in order (lines of a large file). */
export type AtomicContent = string | Uint8Array | Iterable<string> | AsyncIterable<string>;

// Texts are gathered into chunks of about this many characters before each write.
const CHUNK = 1 << 16;

/**
 * Writes a file so that readers see either the old content or the new, never a half-written file,
 * also after a crash: the content goes to a temporary file in the same folder, which is flushed to disk
 * (fsync), renamed over the target, and then the folder is flushed so that the rename itself is on disk.
 * When anything fails, the temporary file is removed and the target is left as it was.
 * With `exclusive`, an existing target is never replaced: the temporary file is linked to the target
 * name (which fails with `EEXIST` when it exists, with no window between a check and the write).
 * Content may be texts in order (an iterable of lines), which are written in chunks.
 *
 * @example
 * await writeFileAtomic('out/report.md', '# Report\n');
 * await writeFileAtomic('out/nodes.csv', ['id,name\n', 'IF-021,UTC\n']);
 */
export async function writeFileAtomic(
  path: string,
  content: AtomicContent,
  options: { readonly exclusive?: boolean } = {},
): Promise<void> {
  const folder = dirname(path);
  await mkdir(folder, { recursive: true });
  const temporary = join(folder, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temporary, 'wx');
    try {
      await writeContent(handle, content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.exclusive) {
      await link(temporary, path);
      await rm(temporary, { force: true });
    } else await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncFolder(folder);
}

async function writeContent(handle: FileHandle, content: AtomicContent): Promise<void> {
  if (typeof content === 'string' || content instanceof Uint8Array) {
    await handle.writeFile(content);
    return;
  }
  let chunk = '';
  for await (const text of content) {
    chunk += text;
    if (chunk.length >= CHUNK) {
      await handle.writeFile(chunk);
      chunk = '';
    }
  }
  if (chunk !== '') await handle.writeFile(chunk);
}

/**
 * Flushes a folder's entries (the rename) to disk. Some systems cannot open or flush a folder
 * (Windows; some network file systems): there the rename is as durable as the system makes it.
 */
async function syncFolder(folder: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EINVAL' && code !== 'EPERM' && code !== 'EACCES' && code !== 'ENOTSUP')
      throw error;
  } finally {
    await handle?.close();
  }
}
