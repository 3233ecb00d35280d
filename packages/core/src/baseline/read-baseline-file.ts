import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import type { Element, Relation } from '../model/element.js';
import { BASELINE_FORMAT } from './baseline-format.js';
import {
  BaselineElementEntrySchema,
  BaselineRelationEntrySchema,
  byKey,
  checkableSchemes,
  checkedEntries,
  parseBaseline,
  type Snapshot,
} from './snapshot.js';

/** The lines of a file, as they come, without the file's whole text in memory. */
async function* linesOf(file: string): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const text = rest + decoder.write(chunk as Buffer);
    const lines = text.split('\n');
    rest = lines.pop()!;
    yield* lines;
  }
  yield rest + decoder.end();
}

/** Not in the layout Tracery writes: read the file whole instead (the same answer, or the same error). */
class NotStreamable extends Error {}

/** A line that must be exactly `expected`. */
function expect(line: string | undefined, expected: string): void {
  if (line !== expected) throw new NotStreamable();
}

/** The JSON value after `"<key>": ` on a header line, the line ending in `,`. */
function header(line: string | undefined, key: string): unknown {
  const start = `  ${JSON.stringify(key)}: `;
  if (line === undefined || !line.startsWith(start) || !line.endsWith(',')) throw new NotStreamable();
  try {
    return JSON.parse(line.slice(start.length, -1));
  } catch {
    throw new NotStreamable();
  }
}

/**
 * The entries of one list as its lines give them: `"<key>": []` on one line, or `"<key>": [`, one
 * entry per line (a comma after each but the last), and the closing `]`. `last` says whether the list
 * ends the object (no comma after it).
 */
async function list<T>(
  lines: AsyncIterator<string>,
  key: string,
  last: boolean,
  take: (value: unknown) => T,
): Promise<T[]> {
  const comma = last ? '' : ',';
  const open = (await lines.next()).value as string | undefined;
  if (open === `  ${JSON.stringify(key)}: []${comma}`) return [];
  expect(open, `  ${JSON.stringify(key)}: [`);
  const out: T[] = [];
  for (;;) {
    const line = (await lines.next()).value as string | undefined;
    if (line === undefined || !line.startsWith('    {')) throw new NotStreamable();
    const more = line.endsWith(',');
    let value: unknown;
    try {
      value = JSON.parse(more ? line.slice(4, -1) : line.slice(4));
    } catch {
      throw new NotStreamable();
    }
    out.push(take(value));
    if (!more) break;
  }
  expect((await lines.next()).value, `  ]${comma}`);
  return out;
}

/** An entry that passes its schema, as the whole file's schema would give it; else read whole. */
function valid<T>(schema: { safeParse(value: unknown): { success: boolean; data?: T } }, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new NotStreamable();
  return parsed.data as T;
}

/**
 * Reads a baseline file into a snapshot: the same snapshot, and the same errors, as
 * {@link parseBaseline} of the whole text. A file in the layout Tracery writes is read a line at a
 * time ({@link streamBaselineFile}), without the text and its parsed tree in memory at once (at
 * 200,000 elements the file is about 100 MB); anything else (reformatted, broken) is read whole by
 * {@link parseBaseline}, which gives its answer or names what is wrong.
 *
 * @example
 * const t1 = await readBaselineFile('baselines/T1.json');
 */
export async function readBaselineFile(file: string): Promise<Snapshot> {
  return (await streamBaselineFile(file)) ?? parseBaseline(await readFile(file, 'utf8'), file);
}

/**
 * A baseline file read a line at a time, when it is in the layout Tracery writes (one entry a line)
 * and every entry passes its schema; undefined when it is not, to be read whole. Entries edited by
 * hand are named as {@link parseBaseline} names them.
 */
export async function streamBaselineFile(file: string): Promise<Snapshot | undefined> {
  const stream = linesOf(file);
  try {
    expect((await stream.next()).value, '{');
    if (header((await stream.next()).value, 'format') !== BASELINE_FORMAT) throw new NotStreamable();
    const scheme = header((await stream.next()).value, 'hashScheme');
    const name = header((await stream.next()).value, 'name');
    if (!Number.isInteger(scheme) || (scheme as number) <= 0 || typeof name !== 'string' || name === '')
      throw new NotStreamable();
    // A scheme this version cannot check is named by the whole read (after the entries' schema).
    if (!checkableSchemes.has(scheme as number)) throw new NotStreamable();
    const checked = checkedEntries(scheme as number, file);
    type ElementEntry = { hash: string; element: Element };
    type RelationEntry = { hash: string; relation: Relation };
    const elements = await list(stream, 'elements', false, (value) =>
      checked.element(valid<ElementEntry>(BaselineElementEntrySchema, value)),
    );
    const relations = await list(stream, 'relations', true, (value) =>
      checked.relation(valid<RelationEntry>(BaselineRelationEntrySchema, value)),
    );
    expect((await stream.next()).value, '}');
    expect((await stream.next()).value, '');
    if (!(await stream.next()).done) throw new NotStreamable();
    checked.done();
    return { elements: byKey(elements), relations: byKey(relations) };
  } catch (error) {
    if (!(error instanceof NotStreamable)) throw error;
    return undefined;
  } finally {
    await stream.return(undefined);
  }
}
