import { jsonPieces } from '@tracery/core/render';

export { jsonPieces };

/** Where streamed text goes: each chunk in order; a returned promise is waited for (backpressure). */
export type ChunkSink = (chunk: string) => void | Promise<void>;

/** Chunks are gathered to about this many characters before they are handed on. */
const CHUNK = 1 << 16;

/**
 * Writes text given as pieces in order, gathered into chunks of about 64K characters and waiting for
 * the sink after each. A chunk ends where a piece ends: a piece is never split, so a line the pieces
 * hold whole (with its colour codes) reaches the sink whole.
 *
 * @example
 * await writeStreamed(findingsTextPieces(report), (chunk) => stream.write(chunk));
 */
export async function writeStreamed(pieces: Iterable<string>, sink: ChunkSink): Promise<void> {
  let pending = '';
  for (const piece of pieces) {
    pending += piece;
    if (pending.length < CHUNK) continue;
    const chunk = pending;
    pending = '';
    const done = sink(chunk);
    if (done) await done;
  }
  if (pending !== '') await sink(pending);
}

/**
 * Writes `value` as `JSON.stringify(value, null, 2)` writes it, followed by a newline, but piece by
 * piece ({@link jsonPieces}) in chunks of about 64K characters, waiting for the sink after each.
 *
 * @example
 * await writeJsonStreamed({ findings: [...] }, (chunk) => stream.write(chunk));
 */
export function writeJsonStreamed(value: unknown, sink: ChunkSink): Promise<void> {
  return writeStreamed(jsonPieces(value), sink);
}
