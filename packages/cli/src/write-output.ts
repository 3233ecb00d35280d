import { resolve } from 'node:path';
import { writeFileAtomic } from '@tracery/core/advanced';
import type { CliIo } from './cli-io.js';

/**
 * Writes a command's rendered output to `--out FILE` (atomically: a reader never sees half a report)
 * or, without `--out`, to standard output. The output may come as pieces in order (a long JSON
 * rendering): they go to the file chunk by chunk, never joined into one string.
 */
export async function writeOutput(
  text: string | Iterable<string>,
  out: string | undefined,
  io: CliIo,
): Promise<void> {
  if (out === undefined) {
    io.out(typeof text === 'string' ? text : [...text].join(''));
    return;
  }
  await writeFileAtomic(resolve(out), text);
  io.err(`wrote ${out}`);
}

/** Checks a `--format` value against the formats a command supports; returns an error message or undefined. */
export function checkFormat(format: string, supported: readonly string[]): string | undefined {
  return supported.includes(format)
    ? undefined
    : `unknown format "${format}"; use one of ${supported.join(', ')}.`;
}
