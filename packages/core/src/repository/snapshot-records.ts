import { NO_ATTRIBUTES } from '../model/freeze-values.js';

/**
 * Plain records (elements, attribute maps) written as integers: each record as the index of its
 * shape (its keys, in order, with the kind of each value) followed by its values, strings as indexes
 * into one table. Reading a record back builds it key by key in the order written, so it has the
 * same keys in the same order (and V8 gives records of one shape one hidden class) without a
 * serializer building a map per object.
 */

/** The kind of a value in a shape. */
export const STRING = 0;
export const INT = 1;
export const NUMBER = 2;
export const TRUE = 3;
export const FALSE = 4;
export const NULL = 5;
export const UNDEFINED = 6;
export const STRINGS = 7;
export const RECORD = 8;
export const LIST = 9;

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

/** True for a number a snapshot holds as a 32-bit integer (not -0). */
export const isInt32 = (value: number) => (value | 0) === value && !Object.is(value, -0);

/** True for a shape that starts with string `id`, `kind` and `name` and ends with a record `attributes`. */
export function isElementLike({ keys, kinds }: Shape): boolean {
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
