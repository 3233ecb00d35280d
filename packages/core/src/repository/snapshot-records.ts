import { NO_ATTRIBUTES } from '../model/freeze-values.js';
import { StringTable } from './snapshot-strings.js';

/**
 * Plain records (elements, attribute maps) written as integers: each record as the index of its
 * shape (its keys, in order, with the kind of each value) followed by its values, strings as indexes
 * into one table. Reading a record back builds it key by key in the order written, so it has the
 * same keys in the same order (and V8 gives records of one shape one hidden class) without a
 * serializer building a map per object.
 */

/** The kind of a value in a shape. */
const STRING = 0;
const INT = 1;
const NUMBER = 2;
const TRUE = 3;
const FALSE = 4;
const NULL = 5;
const UNDEFINED = 6;
const STRINGS = 7;
const RECORD = 8;
const LIST = 9;

/** A shape: its keys in order, the kind of value under each, and whether it has no prototype. */
export type Shape = {
  readonly keys: readonly string[];
  readonly kinds: readonly number[];
  readonly bare?: boolean;
};

/** Thrown for a value a snapshot cannot hold (the load is then not kept). */
export class UnencodableValue extends Error {}

/** A growing list of 32-bit integers. */
export class IntList {
  #ints = new Int32Array(1 << 16);
  length = 0;

  push(value: number): void {
    if (this.length === this.#ints.length) {
      const grown = new Int32Array(this.#ints.length * 2);
      grown.set(this.#ints);
      this.#ints = grown;
    }
    this.#ints[this.length++] = value;
  }

  /** Sets the integer at an index already pushed. */
  set(at: number, value: number): void {
    this.#ints[at] = value;
  }

  /** The integers pushed, as one array (a view: push no more after taking it). */
  view(): Int32Array {
    return this.#ints.subarray(0, this.length);
  }
}

const isInt32 = (value: number) => (value | 0) === value && !Object.is(value, -0);

/**
 * A step in the tree of shapes seen: the keys and kinds of the values so far, the shape that ends
 * here (-1: none yet), and the next steps by kind of value, then key. A record finds its shape by
 * walking it key by key, without building a signature.
 */
type ShapeStep = {
  readonly keys: readonly string[];
  readonly kinds: readonly number[];
  shape: number;
  readonly next: (Map<string, ShapeStep> | undefined)[];
};

const firstStep = (): ShapeStep => ({ keys: [], kinds: [], shape: -1, next: [] });

/** Writes records, collecting their shapes, strings and numbers. */
export class RecordWriter {
  readonly ints = new IntList();
  readonly strings: string[] = [];
  readonly numbers: number[] = [];
  readonly shapes: Shape[] = [];
  readonly #stringIndex = new Map<string, number>();
  /** The shapes as trees from their first key: of records with a prototype, and without. */
  readonly #plain = firstStep();
  readonly #bare = firstStep();

  /** The index of a string in the table, added when new. */
  string(text: string): number {
    let at = this.#stringIndex.get(text);
    if (at === undefined) {
      at = this.strings.push(text) - 1;
      this.#stringIndex.set(text, at);
    }
    return at;
  }

  /**
   * Adds a string known to be new to the table (an element id, unique in a model) without looking it
   * up: it is never shared, so it need not be found again.
   */
  unique(text: string): number {
    return this.strings.push(text) - 1;
  }

  /**
   * Writes a plain record (own string keys, values as attributes hold them, records nested). With
   * `uniqueId`, a string `id` of the record itself goes to the table without a look-up ({@link unique}).
   */
  record(value: object, uniqueId = false): void {
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null)
      throw new UnencodableValue('not a plain record');
    const at = this.ints.length;
    this.ints.push(-1);
    const bare = prototype === null;
    let step = bare ? this.#bare : this.#plain;
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      let kind: number;
      if (uniqueId && key === 'id' && typeof item === 'string') {
        this.ints.push(this.unique(item));
        kind = STRING;
      } else kind = this.#value(item);
      let byKey = step.next[kind];
      if (byKey === undefined) {
        byKey = new Map();
        step.next[kind] = byKey;
      }
      let next = byKey.get(key);
      if (next === undefined) {
        next = { keys: [...step.keys, key], kinds: [...step.kinds, kind], shape: -1, next: [] };
        byKey.set(key, next);
      }
      step = next;
    }
    if (step.shape < 0) {
      const { keys, kinds } = step;
      step.shape = this.shapes.push(bare ? { keys, kinds, bare } : { keys, kinds }) - 1;
    }
    this.ints.set(at, step.shape);
  }

  #value(value: unknown): number {
    switch (typeof value) {
      case 'string':
        this.ints.push(this.string(value));
        return STRING;
      case 'number':
        if (isInt32(value)) {
          this.ints.push(value);
          return INT;
        }
        this.ints.push(this.numbers.push(value) - 1);
        return NUMBER;
      case 'boolean':
        return value ? TRUE : FALSE;
      case 'undefined':
        return UNDEFINED;
      default:
        return this.#object(value);
    }
  }

  #object(value: unknown): number {
    if (value === null) return NULL;
    if (Array.isArray(value)) {
      if (Object.getPrototypeOf(value) !== Array.prototype) throw new UnencodableValue('not a plain list');
      return this.#list(value);
    }
    if (typeof value !== 'object') throw new UnencodableValue(`a value of type ${typeof value}`);
    this.record(value);
    return RECORD;
  }

  /** A list of strings as their indexes; any other list as each item's kind and value. */
  #list(list: readonly unknown[]): number {
    const ints = this.ints;
    ints.push(list.length);
    let i = 0;
    while (i < list.length && typeof list[i] === 'string') i++;
    if (i === list.length) {
      for (const item of list as readonly string[]) ints.push(this.string(item));
      return STRINGS;
    }
    for (let k = 0; k < list.length; k++) {
      if (!(k in list)) throw new UnencodableValue('a list with holes');
      const at = ints.length;
      ints.push(-1);
      ints.set(at, this.#value(list[k]));
    }
    return LIST;
  }
}

/** True for a shape that starts with string `id`, `kind` and `name` and ends with a record `attributes`. */
function isElementLike({ keys, kinds }: Shape): boolean {
  const last = keys.length - 1;
  return (
    last >= 3 &&
    keys[0] === 'id' &&
    keys[1] === 'kind' &&
    keys[2] === 'name' &&
    keys[last] === 'attributes' &&
    kinds[0] === STRING &&
    kinds[1] === STRING &&
    kinds[2] === STRING &&
    kinds[last] === RECORD
  );
}

/** How many integers a value of each kind takes, for the kinds that take a fixed number. */
const FIXED_WIDTH: readonly (number | undefined)[] = [1, 1, 1, 0, 0, 0, 0];

/**
 * Where an element record of this shape holds its status, for reading it in place: the offset of the
 * status's string index from the record's start (0 when the shape has no status, or it is undefined).
 * Undefined when a record of the shape cannot be read so: not shaped as elements are, a status that is
 * not a string, or a value of no fixed width before it.
 */
export function statusOffset(shape: Shape): number | undefined {
  if (!isElementLike(shape)) return undefined;
  const { keys, kinds } = shape;
  const at = keys.indexOf('status');
  if (at < 0 || kinds[at] === UNDEFINED) return 0;
  if (kinds[at] !== STRING) return undefined;
  let offset = 1;
  for (let k = 0; k < at; k++) {
    const width = FIXED_WIDTH[kinds[k]!];
    if (width === undefined) return undefined;
    offset += width;
  }
  return offset;
}

/**
 * An empty record, frozen, shared by every record read back without keys: the model's own empty
 * attributes, which it knows to be frozen already.
 */
export const EMPTY_RECORD: Readonly<Record<string, never>> = NO_ATTRIBUTES;

/** Reads back what a {@link RecordWriter} wrote; throws a RangeError on anything out of its tables. */
export class RecordReader {
  /** Where the next integer is read. */
  at = 0;
  /** Whether a record without keys is read as {@link EMPTY_RECORD} (else as a new empty object). */
  shareEmpty = true;
  readonly strings: StringTable;

  constructor(
    readonly ints: Int32Array,
    strings: StringTable | readonly string[],
    readonly numbers: Float64Array,
    readonly shapes: readonly Shape[],
  ) {
    this.strings = strings instanceof StringTable ? strings : StringTable.of(strings);
  }

  /** The next integer. */
  int(): number {
    if (this.at >= this.ints.length) throw new RangeError('snapshot: records end early.');
    return this.ints[this.at++]!;
  }

  /** The string at the next integer's index. */
  string(): string {
    const text = this.strings.at(this.int());
    if (text === undefined) throw new RangeError('snapshot: a string index is out of the table.');
    return text;
  }

  /** The next record (a shared frozen empty record when it has no keys). */
  record(): Record<string, unknown> {
    const index = this.int();
    const shape = this.shapes[index];
    if (shape === undefined) throw new RangeError('snapshot: a shape index is out of the table.');
    const { keys, kinds } = shape;
    if (shape.bare) return this.#fill(Object.create(null) as Record<string, unknown>, keys, kinds, 0);
    if (keys.length === 0) return this.shareEmpty ? EMPTY_RECORD : {};
    let elementLike = this.#elementLike[index];
    if (elementLike === undefined) {
      elementLike = isElementLike(shape);
      this.#elementLike[index] = elementLike;
    }
    if (elementLike) return this.#element(keys, kinds);
    return this.#fill({}, keys, kinds, 0);
  }

  /**
   * Goes past the next record, checking it as {@link record} would (a RangeError where that would
   * throw) but making nothing: no string is cut, no object made.
   */
  skip(): void {
    const shape = this.shapes[this.int()];
    if (shape === undefined) throw new RangeError('snapshot: a shape index is out of the table.');
    for (const kind of shape.kinds) this.#skipValue(kind);
  }

  /** The shape of the record at `at` (checked to be in the table by a {@link skip} over it first). */
  shapeAt(at: number): Shape {
    return this.shapes[this.ints[at]!]!;
  }

  #skipString(): void {
    const i = this.int();
    if (i < 0 || i >= this.strings.length)
      throw new RangeError('snapshot: a string index is out of the table.');
  }

  #skipValue(kind: number): void {
    switch (kind) {
      case STRING:
        this.#skipString();
        return;
      case INT:
        this.int();
        return;
      case NUMBER: {
        const i = this.int();
        if (i < 0 || i >= this.numbers.length)
          throw new RangeError('snapshot: a number index is out of the table.');
        return;
      }
      case TRUE:
      case FALSE:
      case NULL:
      case UNDEFINED:
        return;
      case STRINGS: {
        const length = this.#length();
        for (let i = 0; i < length; i++) this.#skipString();
        return;
      }
      case RECORD:
        this.skip();
        return;
      case LIST: {
        const length = this.#length();
        for (let i = 0; i < length; i++) this.#skipValue(this.int());
        return;
      }
      default:
        throw new RangeError(`snapshot: unknown value kind ${kind}.`);
    }
  }

  /** A list's length: `new Array` of it would throw a RangeError when it is negative, as here. */
  #length(): number {
    const length = this.int();
    if (length < 0) throw new RangeError('Invalid array length');
    return length;
  }

  /** Adds the values of `keys` from `from` on (`__proto__` as an own key, as it was written). */
  #fill(
    record: Record<string, unknown>,
    keys: readonly string[],
    kinds: readonly number[],
    from: number,
    to = keys.length,
  ): Record<string, unknown> {
    for (let k = from; k < to; k++) {
      const key = keys[k]!;
      const value = this.#value(kinds[k]!);
      if (key === '__proto__')
        Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
      else record[key] = value;
    }
    return record;
  }

  readonly #elementLike: boolean[] = [];

  /**
   * A record shaped as elements are (`id`, `kind`, `name`, ..., `attributes`), the most numerous:
   * built as a literal where it has nothing between name and attributes (one hidden class, no
   * look-ups by key), else the keys between added in their order.
   */
  #element(keys: readonly string[], kinds: readonly number[]): Record<string, unknown> {
    const id = this.string();
    const kind = this.string();
    const name = this.string();
    if (keys.length === 4) return { id, kind, name, attributes: this.record() };
    const record = this.#fill({ id, kind, name }, keys, kinds, 3, keys.length - 1);
    record.attributes = this.record();
    return record;
  }

  #value(kind: number): unknown {
    switch (kind) {
      case STRING:
        return this.string();
      case INT:
        return this.int();
      case NUMBER: {
        const value = this.numbers[this.int()];
        if (value === undefined) throw new RangeError('snapshot: a number index is out of the table.');
        return value;
      }
      case TRUE:
        return true;
      case FALSE:
        return false;
      case NULL:
        return null;
      case UNDEFINED:
        return undefined;
      case STRINGS: {
        const list: string[] = new Array(this.int());
        for (let i = 0; i < list.length; i++) list[i] = this.string();
        return list;
      }
      case RECORD:
        return this.record();
      case LIST: {
        const list: unknown[] = new Array(this.int());
        for (let i = 0; i < list.length; i++) list[i] = this.#value(this.int());
        return list;
      }
      default:
        throw new RangeError(`snapshot: unknown value kind ${kind}.`);
    }
  }
}
