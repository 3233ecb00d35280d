import { resolve } from 'node:path';
import { writeFileAtomic } from '@tracery/core/advanced';
import type { CliIo } from './cli-io.js';
import { writeStreamed } from './stream-json.js';

/**
 * Writes a command's rendered output to `--out FILE` (atomically: a reader never sees half a report)
 * or, without `--out`, to standard output. The output may come as pieces in order (a long rendering
 * such as a check's findings): they go to the file, or to standard output when it takes chunks, chunk
 * by chunk, never joined into one string. Either way the bytes are those of the joined text (on
 * standard output with a final newline, as every command's output ends).
 */
export async function writeOutput(
  text: string | Iterable<string>,
  out: string | undefined,
  io: CliIo,
): Promise<void> {
  if (out === undefined) {
    if (typeof text !== 'string' && io.outChunk) await writeStreamed(endingWithNewline(text), io.outChunk);
    else io.out(typeof text === 'string' ? text : [...text].join(''));
    return;
  }
  await writeFileAtomic(resolve(out), text);
  io.err(`wrote ${out}`);
}

/** The pieces, and a newline after them when they do not end with one (as `io.out` adds it). */
function* endingWithNewline(pieces: Iterable<string>): Generator<string> {
  let last = '';
  for (const piece of pieces) {
    if (piece !== '') last = piece;
    yield piece;
  }
  if (!last.endsWith('\n')) yield '\n';
}

/** Checks a `--format` value against the formats a command supports; returns an error message or undefined. */
export function checkFormat(format: string, supported: readonly string[]): string | undefined {
  return supported.includes(format)
    ? undefined
    : `unknown format "${format}"; use one of ${supported.join(', ')}.`;
}
