import {
  EMPTY_RECORD,
  FALSE,
  INT,
  isElementLike,
  LIST,
  NULL,
  NUMBER,
  RECORD,
  type Shape,
  STRING,
  STRINGS,
  TRUE,
  UNDEFINED,
} from './snapshot-records.js';
import { StringTable } from './snapshot-strings.js';

// The reading half of the snapshot's records (see snapshot-records.ts for the format).

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
