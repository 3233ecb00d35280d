/**
 * A list whose items are made one at a time while it is written (see {@link jsonPieces}): the items
 * of a long report need not all exist at once. Written as JSON, it is the array of its items.
 */
export class JsonItems {
  readonly #items: () => Iterable<unknown>;

  constructor(items: () => Iterable<unknown>) {
    this.#items = items;
  }

  /** The items, made afresh on each call. */
  items(): Iterable<unknown> {
    return this.#items();
  }

  /** All items in one array, for `JSON.stringify` (which cannot stream). */
  toJSON(): unknown[] {
    return [...this.#items()];
  }
}

/**
 * An object inside a list that {@link jsonPieces} opens and walks like a top-level one, rather than
 * writing it whole as it writes list items: for the one item that holds a long list (a SARIF run and
 * its results). Written as JSON, it is the object.
 */
export class JsonOpened {
  readonly value: Readonly<Record<string, unknown>>;

  constructor(value: Readonly<Record<string, unknown>>) {
    this.value = value;
  }

  toJSON(): Readonly<Record<string, unknown>> {
    return this.value;
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !('toJSON' in value);

/** Has no JSON form: skipped as an object's value, null as an array's item. */
const skipped = (value: unknown) =>
  value === undefined || typeof value === 'function' || typeof value === 'symbol';

/**
 * `JSON.stringify(value, null, 2)` and a newline, as pieces in order: objects are opened and walked,
 * and each item of an array (or of {@link JsonItems}) is stringified on its own, so no string of the
 * whole is ever built. Joined, the pieces are that text byte for byte (JSON has no raw newline inside a
 * string, so an item's own lines are indented by replacing its newlines).
 *
 * @example
 * [...jsonPieces({ findings: [{ id: 'F-1' }] })].join('') === `${JSON.stringify({ findings: [{ id: 'F-1' }] }, null, 2)}\n`
 */
export function* jsonPieces(value: unknown): Generator<string> {
  yield* walk(value, '');
  yield '\n';
}

/** One value, stringified whole, with its lines indented. */
function whole(value: unknown, indent: string): string {
  const text = JSON.stringify(value, null, 2);
  if (text === undefined) return 'null';
  return indent === '' ? text : text.replaceAll('\n', `\n${indent}`);
}

/** The items of a list, each stringified whole on its own line at `indent`. */
function* list(items: Iterable<unknown>, indent: string): Generator<string> {
  const inner = `${indent}  `;
  let first = true;
  for (const item of items) {
    if (item instanceof JsonOpened) {
      yield `${first ? '[' : ','}\n${inner}`;
      yield* walk(item.value, inner);
    } else yield `${first ? '[' : ','}\n${inner}${skipped(item) ? 'null' : whole(item, inner)}`;
    first = false;
  }
  yield first ? '[]' : `\n${indent}]`;
}

/** One value at an indent, as pieces: objects are walked, lists written item by item. */
function* walk(value: unknown, indent: string): Generator<string> {
  if (Array.isArray(value)) return yield* list(value, indent);
  if (value instanceof JsonItems) return yield* list(value.items(), indent);
  if (!isPlainObject(value)) return yield whole(value, indent);
  const inner = `${indent}  `;
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    if (skipped(item)) continue;
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* walk(item, inner);
  }
  yield first ? '{}' : `\n${indent}}`;
}
