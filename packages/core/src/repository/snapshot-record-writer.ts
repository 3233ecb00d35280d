import {
  FALSE,
  INT,
  IntList,
  isInt32,
  LIST,
  NULL,
  NUMBER,
  RECORD,
  type Shape,
  STRING,
  STRINGS,
  TRUE,
  UNDEFINED,
  UnencodableValue,
} from './snapshot-records.js';

// The writing half of the snapshot's records (see snapshot-records.ts for the format).

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
