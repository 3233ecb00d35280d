/** Where streamed text goes: each chunk in order; a returned promise is waited for (backpressure). */
export type ChunkSink = (chunk: string) => void | Promise<void>;

/** Chunks are gathered to about this many characters before they are handed on. */
const CHUNK = 1 << 16;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !('toJSON' in value);

/**
 * `JSON.stringify(value, null, 2)` and a newline, as pieces in order: objects are opened and walked,
 * and each item of an array is stringified on its own, so no string of the whole is ever built. Joined,
 * the pieces are that text byte for byte (JSON has no raw newline inside a string, so an item's own
 * lines are indented by replacing its newlines). What `--out FILE` writes, through `writeFileAtomic`.
 *
 * @example
 * await writeFileAtomic('findings.json', jsonPieces({ findings: [...] }));
 */
export function* jsonPieces(value: unknown): Generator<string> {
  yield* walk(value, '');
  yield '\n';
}

/**
 * Writes `value` as `JSON.stringify(value, null, 2)` writes it, followed by a newline, but piece by
 * piece ({@link jsonPieces}) in chunks of about 64K characters, waiting for the sink after each.
 *
 * @example
 * await writeJsonStreamed({ findings: [...] }, (chunk) => stream.write(chunk));
 */
export async function writeJsonStreamed(value: unknown, sink: ChunkSink): Promise<void> {
  let pending = '';
  for (const piece of jsonPieces(value)) {
    pending += piece;
    if (pending.length < CHUNK) continue;
    const chunk = pending;
    pending = '';
    const done = sink(chunk);
    if (done) await done;
  }
  if (pending !== '') await sink(pending);
}

/** Has no JSON form: skipped as an object's value, null as an array's item. */
const skipped = (value: unknown) =>
  value === undefined || typeof value === 'function' || typeof value === 'symbol';

/** One value, stringified whole, with its lines indented. */
function whole(value: unknown, indent: string): string {
  const text = JSON.stringify(value, null, 2);
  if (text === undefined) return 'null';
  return indent === '' ? text : text.replaceAll('\n', `\n${indent}`);
}

/** One value at an indent, as pieces: objects are walked, arrays written item by item. */
function* walk(value: unknown, indent: string): Generator<string> {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return yield '[]';
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      yield `${i === 0 ? '[' : ','}\n${inner}${skipped(item) ? 'null' : whole(item, inner)}`;
    }
    return yield `\n${indent}]`;
  }
  if (!isPlainObject(value)) return yield whole(value, indent);
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    if (skipped(item)) continue;
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* walk(item, inner);
  }
  yield first ? '{}' : `\n${indent}}`;
}
