/** Where streamed text goes: each chunk in order; a returned promise is waited for (backpressure). */
export type ChunkSink = (chunk: string) => void | Promise<void>;

/** Chunks are gathered to about this many characters before they are handed on. */
const CHUNK = 1 << 16;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !('toJSON' in value);

/**
 * Writes `value` as `JSON.stringify(value, null, 2)` writes it, followed by a newline, but piece by
 * piece: objects are opened and walked, and each item of an array is stringified on its own, so no
 * string of the whole is ever built. The text is the same byte for byte (JSON has no raw newline inside
 * a string, so an item's own lines are indented by replacing its newlines).
 *
 * @example
 * await writeJsonStreamed({ findings: [...] }, (chunk) => stream.write(chunk));
 */
export async function writeJsonStreamed(value: unknown, sink: ChunkSink): Promise<void> {
  let pending = '';
  const write = (text: string): void | Promise<void> => {
    pending += text;
    if (pending.length < CHUNK) return;
    const chunk = pending;
    pending = '';
    return sink(chunk);
  };
  await walk(value, '', write);
  await sink(`${pending}\n`);
}

type Write = (text: string) => void | Promise<void>;

/** Has no JSON form: skipped as an object's value, null as an array's item. */
const skipped = (value: unknown) =>
  value === undefined || typeof value === 'function' || typeof value === 'symbol';

/** One value, stringified whole, with its lines indented. */
function whole(value: unknown, indent: string): string {
  const text = JSON.stringify(value, null, 2);
  if (text === undefined) return 'null';
  return indent === '' ? text : text.replaceAll('\n', `\n${indent}`);
}

/** Writes one value at an indent: objects are walked, arrays written item by item. */
async function walk(value: unknown, indent: string, write: Write): Promise<void> {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return write('[]');
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const done = write(`${i === 0 ? '[' : ','}\n${inner}${skipped(item) ? 'null' : whole(item, inner)}`);
      if (done) await done;
    }
    return write(`\n${indent}]`);
  }
  if (!isPlainObject(value)) return write(whole(value, indent));
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    if (skipped(item)) continue;
    const done = write(`${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `);
    if (done) await done;
    first = false;
    await walk(item, inner, write);
  }
  return write(first ? '{}' : `\n${indent}}`);
}
