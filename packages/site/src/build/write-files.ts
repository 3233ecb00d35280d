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
  // The folders made or being made: a worker that needs one another is making waits for the same promise.
  const made = new Map<string, Promise<unknown>>();
  const iterator = files[Symbol.iterator]();
  const worker = async () => {
    for (let next = iterator.next(); !next.done; next = iterator.next()) {
      const [path, content] = next.value;
      const target = join(root, path);
      const folder = dirname(target);
      let making = made.get(folder);
      if (!making) {
        making = mkdir(folder, { recursive: true });
        made.set(folder, making);
      }
      await making;
      const body = content();
      await writeFile(target, body);
      tally.files++;
      tally.bytes += typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
