import { randomBytes } from 'node:crypto';
import { link, mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file so that readers see either the old content or the new, never a half-written file:
 * the text goes to a temporary file in the same folder, is flushed to disk, then renamed over the target.
 * With `exclusive`, an existing target is never replaced: the temporary file is linked to the target
 * name (which fails with `EEXIST` when it exists, with no window between a check and the write).
 *
 * @example
 * await writeFileAtomic('out/report.md', '# Report\n');
 */
export async function writeFileAtomic(
  path: string,
  content: string | Uint8Array,
  options: { readonly exclusive?: boolean } = {},
): Promise<void> {
  const folder = dirname(path);
  await mkdir(folder, { recursive: true });
  const temporary = join(folder, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(content);
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
}
