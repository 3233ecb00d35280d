import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Counts what a site build wrote. */
export type WriteTally = { files: number; bytes: number };

/**
 * Writes files under a folder, a few at a time (thousands of pages must not open thousands of files at
 * once), creating folders as needed, and counts them.
 */
export async function writeFiles(
  root: string,
  files: Iterable<readonly [path: string, content: () => string | Uint8Array]>,
  tally: WriteTally,
  concurrency = 16,
): Promise<void> {
  const made = new Set<string>();
  const iterator = files[Symbol.iterator]();
  const worker = async () => {
    for (let next = iterator.next(); !next.done; next = iterator.next()) {
      const [path, content] = next.value;
      const target = join(root, path);
      const folder = dirname(target);
      if (!made.has(folder)) {
        made.add(folder);
        await mkdir(folder, { recursive: true });
      }
      const body = content();
      await writeFile(target, body);
      tally.files++;
      tally.bytes += typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
