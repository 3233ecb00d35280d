import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Writes lines to a file through a temporary file beside it and a rename, so that a reader sees
 * either the old file or the whole new one, never half of it.
 *
 * @example
 * await writeFileAtomically('/tmp/out.csv', ['a,b\n', '1,2\n'])
 */
export async function writeFileAtomically(path: string, lines: Iterable<string>): Promise<void> {
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await pipeline(Readable.from(lines), createWriteStream(temporary, { encoding: 'utf8' }));
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
