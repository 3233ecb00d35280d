import type { SourceRef } from '../diagnostics/diagnostic.js';

/** The keys of a position, in the order every reader of the files writes them. */
const KEYS = ['file', 'line', 'column', 'endLine', 'endColumn'] as const;
/** Integers per position: file index, how many keys, line, column, end line, end column. */
const WIDTH = 6;

const isInt32 = (value: unknown): value is number => typeof value === 'number' && (value | 0) === value;

/** How many of {@link KEYS} a position has, in that order and nothing else (3 to 5), or -1. */
function keyCount(origin: SourceRef): number {
  let count = 0;
  for (const key in origin) {
    if (key !== KEYS[count]) return -1;
    count++;
  }
  return count >= 3 ? count : -1;
}

/**
 * Positions kept as integers in one growing array rather than as an object each (about 64 bytes
 * apiece on the heap; a model of a million relations keeps a million of them, and reads few). A
 * position is given back as an equal object, its keys in the same order; a position of another shape
 * is not packed ({@link pack} gives it back to keep as it is). Append-only: an index stays valid.
 */
export class OriginTable {
  #ints = new Int32Array(WIDTH * 1024);
  #length = 0;
  readonly #files: string[] = [];
  readonly #fileIndex = new Map<string, number>();

  /** Packs a position and gives its index, or gives the position itself when it cannot be packed. */
  pack(origin: SourceRef): number | SourceRef {
    const count = keyCount(origin);
    const { file, line, column, endLine, endColumn } = origin;
    if (count < 0 || typeof file !== 'string' || !isInt32(line) || !isInt32(column)) return origin;
    if ((count >= 4 && !isInt32(endLine)) || (count === 5 && !isInt32(endColumn))) return origin;
    if (this.#length === this.#ints.length) {
      const grown = new Int32Array(this.#ints.length * 2);
      grown.set(this.#ints);
      this.#ints = grown;
    }
    let fileIndex = this.#fileIndex.get(file);
    if (fileIndex === undefined) {
      fileIndex = this.#files.push(file) - 1;
      this.#fileIndex.set(file, fileIndex);
    }
    const at = this.#length;
    const ints = this.#ints;
    ints[at] = fileIndex;
    ints[at + 1] = count;
    ints[at + 2] = line;
    ints[at + 3] = column;
    ints[at + 4] = endLine ?? 0;
    ints[at + 5] = endColumn ?? 0;
    this.#length += WIDTH;
    return at / WIDTH;
  }

  /** The position at an index {@link pack} gave, as a new object equal to the one packed. */
  get(index: number): SourceRef {
    const at = index * WIDTH;
    const ints = this.#ints;
    const count = ints[at + 1]!;
    const origin: { file: string; line: number; column: number; endLine?: number; endColumn?: number } = {
      file: this.#files[ints[at]!]!,
      line: ints[at + 2]!,
      column: ints[at + 3]!,
    };
    if (count >= 4) origin.endLine = ints[at + 4]!;
    if (count === 5) origin.endColumn = ints[at + 5]!;
    return origin;
  }
}
