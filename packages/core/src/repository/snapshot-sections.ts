import { createHash } from 'node:crypto';
import * as zlib from 'node:zlib';

/**
 * A snapshot file: a header (a magic string, the format, the byte order, a checksum, the key), a
 * table of sections, then the sections, each at an offset that is a multiple of 8 so that typed
 * arrays are read in place. The checksum covers the table and the sections: a file cut short or
 * changed anywhere is not read.
 */

const MAGIC = 'TRACERY SNAPSHOT';
const KEY_BYTES = 64;
/** Magic, format, byte order, checksum, section count, then the key. */
const HEADER = 16 + 4 * 4 + KEY_BYTES;
const BYTE_ORDER = 0x01020304;

const align8 = (offset: number) => (offset + 7) & ~7;

// CRC-32 where the runtime has it (Node >= 20.15, 22.2), else the first 4 bytes of a SHA-256: a
// snapshot written by the one is a miss for the other, never misread. Both are taken piece by piece.
const crc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
function checksum(pieces: readonly Uint8Array[]): number {
  if (crc32) {
    let crc = 0;
    // Empty pieces are skipped: Node 20's crc32 gives 0, not the value it was given, for an empty
    // array over an empty ArrayBuffer (an empty section such as a model without numbers).
    for (const piece of pieces) if (piece.byteLength > 0) crc = crc32(piece, crc);
    return crc >>> 0;
  }
  const hash = createHash('sha256');
  for (const piece of pieces) hash.update(piece);
  return hash.digest().readUInt32LE(0) ^ 0x80000000;
}

const PADDING = new Uint8Array(8);

/**
 * The file {@link writeSections} gives, as pieces in order (the header with the table, then each
 * section and the zeros that align the next): written one after another they are that file, and the
 * sections are never copied into one buffer.
 */
export function sectionPieces(format: number, key: string, sections: readonly Uint8Array[]): Uint8Array[] {
  if (key.length > KEY_BYTES || !/^[\x20-\x7e]*$/.test(key)) throw new RangeError('snapshot: bad key.');
  const tableAt = HEADER;
  const head = Buffer.alloc(align8(tableAt + sections.length * 8));
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(format, 16);
  new Uint32Array(head.buffer, head.byteOffset + 20, 1)[0] = BYTE_ORDER;
  head.writeUInt32LE(sections.length, 28);
  head.write(key, 32, 'latin1');
  const pieces: Uint8Array[] = [head];
  let offset = head.length;
  sections.forEach((section, i) => {
    head.writeUInt32LE(offset, tableAt + 8 * i);
    head.writeUInt32LE(section.byteLength, tableAt + 8 * i + 4);
    pieces.push(section);
    const end = offset + section.byteLength;
    offset = align8(end);
    if (offset > end) pieces.push(PADDING.subarray(0, offset - end));
  });
  head.writeUInt32LE(checksum([head.subarray(tableAt), ...pieces.slice(1)]), 24);
  return pieces;
}

/** One file of sections under a format and a key (a string of at most 64 ASCII characters). */
export function writeSections(format: number, key: string, sections: readonly Uint8Array[]): Buffer {
  return Buffer.concat(sectionPieces(format, key, sections));
}

/**
 * The sections of a file written by {@link writeSections} under this format and key, or undefined
 * when it is anything else (another format or key, another byte order, cut short, changed).
 */
export function readSections(file: Buffer, format: number, key: string): Uint8Array[] | undefined {
  if (file.length < HEADER || file.toString('latin1', 0, 16) !== MAGIC) return undefined;
  if (file.readUInt32LE(16) !== format) return undefined;
  const bytes = file.byteOffset % 8 === 0 ? file : Buffer.from(file); // typed arrays read in place
  if (new Uint32Array(bytes.buffer, bytes.byteOffset + 20, 1)[0] !== BYTE_ORDER) return undefined;
  if (bytes.toString('latin1', 32, 32 + KEY_BYTES).replace(/\0+$/, '') !== key) return undefined;
  if (checksum([bytes.subarray(HEADER)]) !== bytes.readUInt32LE(24)) return undefined;
  const count = bytes.readUInt32LE(28);
  if (HEADER + count * 8 > bytes.length) return undefined;
  const sections: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const at = bytes.readUInt32LE(HEADER + 8 * i);
    const length = bytes.readUInt32LE(HEADER + 8 * i + 4);
    if (at % 8 !== 0 || at + length > bytes.length) return undefined;
    sections.push(new Uint8Array(bytes.buffer, bytes.byteOffset + at, length));
  }
  return sections;
}

/** A section as 32-bit integers (read in place). */
export function int32Section(section: Uint8Array): Int32Array {
  if (section.byteLength % 4 !== 0) throw new RangeError('snapshot: a section of integers is cut.');
  return new Int32Array(section.buffer, section.byteOffset, section.byteLength / 4);
}

/** A section as 64-bit floats (read in place). */
export function float64Section(section: Uint8Array): Float64Array {
  if (section.byteLength % 8 !== 0) throw new RangeError('snapshot: a section of numbers is cut.');
  return new Float64Array(section.buffer, section.byteOffset, section.byteLength / 8);
}

/** The bytes of a typed array, as a section. */
export function bytesOf(array: Int32Array | Float64Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}
