/**
 * A table of strings as one text and where each string ends in it (in UTF-16 code units): read back
 * with one decode and a slice per string. Written as UTF-8 when every string is well formed, else as
 * UTF-16 (a lone surrogate does not survive UTF-8); the first byte says which.
 */

const UTF8 = 8;
const UTF16 = 16;

/** The text of a table of strings and the end of each. */
export function writeStringTable(strings: readonly string[]): { text: Buffer; ends: Int32Array } {
  const ends = new Int32Array(strings.length);
  let end = 0;
  for (let i = 0; i < strings.length; i++) {
    end += strings[i]!.length;
    ends[i] = end;
  }
  const joined = strings.join('');
  const wellFormed = !/\p{Surrogate}/u.test(joined);
  const body = Buffer.from(joined, wellFormed ? 'utf8' : 'utf16le');
  return { text: Buffer.concat([Buffer.from([wellFormed ? UTF8 : UTF16]), body]), ends };
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * A table of strings read back, each cut from the one text when first asked for and kept (so a string
 * is one object however often it is asked for): a load from the cache whose elements are made only
 * when read never cuts their names.
 */
export class StringTable {
  readonly length: number;
  readonly #joined: string;
  readonly #ends: Int32Array;
  readonly #cut: (string | undefined)[];

  /** Checks that `ends` go forwards and end with the text (throws a RangeError, else). */
  constructor(joined: string, ends: Int32Array) {
    if ((ends.length === 0 ? 0 : ends[ends.length - 1]) !== joined.length)
      throw new RangeError('snapshot: the strings do not end where the table says.');
    let start = 0;
    for (let i = 0; i < ends.length; i++) {
      if (ends[i]! < start) throw new RangeError('snapshot: the string ends go backwards.');
      start = ends[i]!;
    }
    // Sized, not pushed: pushed one at a time, a list is copied at each growth (13 MB made for 400k
    // strings, in a heap sample of the warm trace); a sized list of holes stays a fast one here.
    this.#cut = new Array(ends.length);
    this.length = ends.length;
    this.#joined = joined;
    this.#ends = ends;
  }

  /** A table of strings given as a list (each string kept as it is). */
  static of(strings: readonly string[]): StringTable {
    const ends = new Int32Array(strings.length);
    let end = 0;
    strings.forEach((text, i) => {
      end += text.length;
      ends[i] = end;
    });
    const table = new StringTable(strings.join(''), ends);
    strings.forEach((text, i) => {
      table.#cut[i] = text;
    });
    return table;
  }

  /** String `i`, or undefined when `i` is outside the table. */
  at(i: number): string | undefined {
    const cut = this.#cut[i];
    if (cut !== undefined || i < 0 || i >= this.length) return cut;
    const text = this.#joined.slice(i === 0 ? 0 : this.#ends[i - 1]!, this.#ends[i]!);
    this.#cut[i] = text;
    return text;
  }
}

/** The strings {@link writeStringTable} wrote, cut when first asked for; throws a RangeError when text and ends disagree. */
export function readStrings(text: Uint8Array, ends: Int32Array): StringTable {
  const body = text.subarray(1);
  let joined: string;
  if (text[0] === UTF8) joined = utf8.decode(body);
  else if (text[0] === UTF16 && body.length % 2 === 0)
    joined = Buffer.from(body.buffer, body.byteOffset, body.length).toString('utf16le');
  else throw new RangeError('snapshot: the strings are in no known encoding.');
  return new StringTable(joined, ends);
}

/** The strings {@link writeStringTable} wrote, as a list; throws a RangeError when text and ends disagree. */
export function readStringTable(text: Uint8Array, ends: Int32Array): string[] {
  const table = readStrings(text, ends);
  return Array.from({ length: table.length }, (_, i) => table.at(i)!);
}
