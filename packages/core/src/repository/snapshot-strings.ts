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

/** The strings {@link writeStringTable} wrote; throws a RangeError when text and ends disagree. */
export function readStringTable(text: Uint8Array, ends: Int32Array): string[] {
  const body = text.subarray(1);
  let joined: string;
  if (text[0] === UTF8) joined = utf8.decode(body);
  else if (text[0] === UTF16 && body.length % 2 === 0)
    joined = Buffer.from(body.buffer, body.byteOffset, body.length).toString('utf16le');
  else throw new RangeError('snapshot: the strings are in no known encoding.');
  if ((ends.length === 0 ? 0 : ends[ends.length - 1]) !== joined.length)
    throw new RangeError('snapshot: the strings do not end where the table says.');
  const strings: string[] = new Array(ends.length);
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    const end = ends[i]!;
    if (end < start) throw new RangeError('snapshot: the string ends go backwards.');
    strings[i] = joined.slice(start, end);
    start = end;
  }
  return strings;
}
