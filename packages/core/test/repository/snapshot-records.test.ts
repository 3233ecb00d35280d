import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { elementRows } from '../../src/repository/snapshot-elements.js';
import { RecordReader } from '../../src/repository/snapshot-record-reader.js';
import { RecordWriter } from '../../src/repository/snapshot-record-writer.js';
import { EMPTY_RECORD, UnencodableValue } from '../../src/repository/snapshot-records.js';
import { readSections, sectionPieces, writeSections } from '../../src/repository/snapshot-sections.js';
import { readStrings, readStringTable, writeStringTable } from '../../src/repository/snapshot-strings.js';

// The whole-load snapshot writes records (elements, attributes, diagnostics) as integers over one
// table of strings. Read back, a record must be the same value with its keys in the same order
// (what JSON output and key-order-sensitive readers see), whatever the strings hold.

// Any string: lone surrogates, a byte order mark, NUL; and keys that look like element keys.
const text = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('\uFEFFx', '\uD800', 'a\u0000b', ''));
const key = fc.oneof(
  fc.constantFrom('id', 'kind', 'name', 'attributes', 'tags', '__proto__', '__proto__x'),
  text,
);
const leaf = fc.oneof(
  text,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(text),
);
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, tie('record'), fc.array(tie('value'), { maxLength: 3 })),
  record: fc.dictionary(key, tie('value'), { maxKeys: 5 }),
}));
const element = fc.record({
  id: text,
  kind: text,
  name: text,
  ...{ description: fc.option(text, { nil: undefined }) },
  attributes: fc.dictionary(key, leaf, { maxKeys: 3 }),
});
const record = fc.oneof(element, fc.dictionary(key, value, { maxKeys: 5 }));

function roundTrip(records: readonly object[]): unknown[] {
  const writer = new RecordWriter();
  for (const r of records) writer.record(r);
  const table = writeStringTable(writer.strings);
  const strings = readStringTable(table.text, table.ends);
  const reader = new RecordReader(
    writer.ints.view(),
    strings,
    Float64Array.from(writer.numbers),
    writer.shapes,
  );
  reader.shareEmpty = false;
  const read = records.map(() => reader.record());
  expect(reader.at).toBe(writer.ints.length);
  return read;
}

/** Keys in order, all the way down (toEqual alone ignores order and undefined values). */
const keyed = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(keyed)
    : v !== null && typeof v === 'object'
      ? [
          Object.getPrototypeOf(v) === null ? 'bare' : 'plain',
          Object.entries(v).map(([k, x]) => [k, keyed(x)]),
        ]
      : Object.is(v, -0)
        ? '-0'
        : v;

describe('snapshot records', () => {
  test('read back as the same values with keys in the same order', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 8 }), (records) => {
        const read = roundTrip(records);
        expect(read).toEqual(records);
        expect(read.map(keyed)).toEqual(records.map(keyed));
      }),
      { numRuns: 300 },
    );
  });

  test('an empty record is the shared frozen one unless asked for a new one', () => {
    const writer = new RecordWriter();
    writer.record({});
    const reader = new RecordReader(writer.ints.view(), [], new Float64Array(0), writer.shapes);
    expect(reader.record()).toBe(EMPTY_RECORD);
    expect(Object.isFrozen(EMPTY_RECORD)).toBe(true);
  });

  test('values a snapshot cannot hold are refused, not written wrong', () => {
    // biome-ignore lint/suspicious/noSparseArray: a list with a hole is what is refused
    for (const bad of [{ at: new Date(0) }, { f: () => 1 }, { list: [1, , 2] }, { big: 1n }])
      expect(() => new RecordWriter().record(bad)).toThrow(UnencodableValue);
  });

  test('a record table pointing outside its tables throws instead of reading something else', () => {
    const writer = new RecordWriter();
    writer.record({ id: 'A', kind: 'K', name: 'n', attributes: {} });
    const ints = writer.ints.view().slice();
    ints[1] = 99; // the id's string index
    expect(() => new RecordReader(ints, writer.strings, new Float64Array(0), writer.shapes).record()).toThrow(
      RangeError,
    );
    const cut = writer.ints.view().slice(0, 3);
    expect(() => new RecordReader(cut, writer.strings, new Float64Array(0), writer.shapes).record()).toThrow(
      RangeError,
    );
  });
});

/** A reader over what `records` are written as, its strings cut when first asked for. */
function readerOf(records: readonly object[]): { reader: RecordReader; writer: RecordWriter } {
  const writer = new RecordWriter();
  for (const r of records) writer.record(r);
  const table = writeStringTable(writer.strings);
  const strings = readStrings(table.text, table.ends);
  const reader = new RecordReader(
    writer.ints.view(),
    strings,
    Float64Array.from(writer.numbers),
    writer.shapes,
  );
  return { reader, writer };
}

/** Where reading stops and whether it throws, for `read` over the reader's records. */
function outcome(reader: RecordReader, count: number, read: () => unknown): [number, boolean] {
  reader.at = 0;
  try {
    for (let i = 0; i < count; i++) read();
    return [reader.at, false];
  } catch (error) {
    expect(error).toBeInstanceOf(RangeError);
    return [-1, true];
  }
}

describe('snapshot records read in place', () => {
  test('skipping a record ends where reading it ends, and throws where reading it throws, for any integers', () => {
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: -3, max: 40 })), { maxLength: 3 }),
        (records, changes) => {
          const { reader: whole, writer } = readerOf(records);
          const ints = writer.ints.view().slice();
          for (const [at, value] of changes) if (ints.length > 0) ints[at % ints.length] = value;
          const strings = readStrings(
            writeStringTable(writer.strings).text,
            writeStringTable(writer.strings).ends,
          );
          const numbers = Float64Array.from(writer.numbers);
          const reader = new RecordReader(ints, strings, numbers, writer.shapes);
          expect(outcome(reader, records.length, () => reader.skip())).toEqual(
            outcome(reader, records.length, () => reader.record()),
          );
          expect(whole.at).toBe(0);
        },
      ),
      { numRuns: 400 },
    );
  });

  test('element records read as columns give the ids, kinds and statuses of the elements, and make each as read whole', () => {
    const status = fc.option(fc.constantFrom('withdrawn', 'draft', ''), { nil: undefined });
    const elementWithStatus = fc.record({
      id: text,
      kind: fc.constantFrom('Requirement', 'Design', 'x'),
      name: text,
      ...{ description: fc.option(text, { nil: undefined }), status },
      attributes: fc.dictionary(key, leaf, { maxKeys: 3 }),
    });
    fc.assert(
      fc.property(fc.array(elementWithStatus, { maxLength: 8 }), (elements) => {
        const { reader } = readerOf([...elements, { after: 1 }]);
        const rows = elementRows(reader, elements.length)!;
        expect(rows).toBeDefined();
        expect(reader.record()).toEqual({ after: 1 }); // the reader is past the elements
        expect(rows.ids).toEqual(elements.map((e) => e.id));
        expect([...rows.kinds].map((k) => rows.kindNames[k])).toEqual(elements.map((e) => e.kind));
        const statuses = new Map<number, string>();
        elements.forEach((e, i) => {
          if (e.status !== undefined) statuses.set(i, e.status);
        });
        expect(rows.statuses).toEqual(statuses);
        for (let i = elements.length - 1; i >= 0; i--)
          expect(keyed(rows.make(i))).toEqual(keyed(elements[i]));
      }),
      { numRuns: 300 },
    );
  });

  test('records not shaped as elements are left to be read whole, the reader where it was', () => {
    const { reader } = readerOf([
      { id: 'A', kind: 'K', name: 'a', attributes: {} },
      { id: 'B', kind: 'K' },
    ]);
    expect(elementRows(reader, 2)).toBeUndefined();
    expect(reader.at).toBe(0);
    const status = readerOf([{ id: 'A', kind: 'K', name: 'a', status: 3, attributes: {} }]);
    expect(elementRows(status.reader, 1)).toBeUndefined();
  });
});

describe('snapshot strings', () => {
  test('are cut when first asked for, once: the same string object whoever asks', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 10 }), (strings) => {
        const { text: bytes, ends } = writeStringTable(strings);
        const table = readStrings(bytes, ends);
        expect(table.length).toBe(strings.length);
        strings.forEach((s, i) => {
          expect(table.at(i)).toBe(s);
        });
        expect([table.at(-1), table.at(strings.length)]).toEqual([undefined, undefined]);
        expect(readStringTable(bytes, ends)).toEqual(strings);
      }),
      { numRuns: 200 },
    );
  });

  test('ends that go backwards or past the text are refused', () => {
    const { text: bytes } = writeStringTable(['ab', 'cd']);
    expect(() => readStrings(bytes, Int32Array.of(3, 1, 4))).toThrow(/go backwards/);
    expect(() => readStrings(bytes, Int32Array.of(2, 5))).toThrow(/do not end where the table says/);
  });
});

describe('snapshot sections', () => {
  // The last is empty over an empty ArrayBuffer (a model without numbers gives one): Node's crc32
  // answered 0 for it whatever value it was given, which once made every written snapshot a miss.
  const sections = [
    Buffer.from('one'),
    new Uint8Array(new Int32Array([1, -2, 3]).buffer),
    new Uint8Array(new Float64Array([]).buffer),
  ];
  const file = writeSections(7, 'k'.repeat(64), sections);

  test('lays each section out at a multiple of 8 after the 96-byte header and the table', () => {
    // Header: 16 magic + 4 format + 4 byte order + 4 checksum + 4 count + 64 key = 96; table: 8 per section.
    const table = (i: number) => [file.readUInt32LE(96 + 8 * i), file.readUInt32LE(96 + 8 * i + 4)];
    expect([table(0), table(1), table(2)]).toEqual([
      [120, 3],
      [128, 12],
      [144, 0],
    ]);
    expect(file.length).toBe(144);
    expect(Buffer.concat(sectionPieces(7, 'k'.repeat(64), sections))).toEqual(file);
  });

  test('read back whole under the same format and key', () => {
    const read = readSections(file, 7, 'k'.repeat(64))!;
    expect(read.map((s) => [...s])).toEqual(sections.map((s) => [...s]));
  });

  test('any changed byte, a cut, another format or another key is a miss', () => {
    expect(readSections(file, 8, 'k'.repeat(64))).toBeUndefined();
    expect(readSections(file, 7, 'j'.repeat(64))).toBeUndefined();
    expect(readSections(file.subarray(0, file.length - 1), 7, 'k'.repeat(64))).toBeUndefined();
    for (let at = 0; at < file.length; at++) {
      const changed = Buffer.from(file);
      changed[at]! ^= 0x10;
      expect(readSections(changed, 7, 'k'.repeat(64)), `byte ${at}`).toBeUndefined();
    }
  });
});
