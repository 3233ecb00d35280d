import { createHash, randomBytes } from 'node:crypto';
import { open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic, SourceRef } from '../diagnostics/diagnostic.js';
import type { Metamodel } from '../metamodel/metamodel.js';
import type { Element, Relation } from '../model/element.js';
import { IdTable } from '../model/id-table.js';
import { Model } from '../model/model.js';
import type { RelationRows } from '../model/restored-relations.js';
import { elementRows } from './snapshot-elements.js';
import { RecordReader } from './snapshot-record-reader.js';
import { RecordWriter } from './snapshot-record-writer.js';
import { EMPTY_RECORD, type Shape } from './snapshot-records.js';
import { bytesOf, float64Section, int32Section, readSections, sectionPieces } from './snapshot-sections.js';
import { readStrings, type StringTable, writeStringTable } from './snapshot-strings.js';

/** Bump when the shape of a snapshot changes. */
const SNAPSHOT_FORMAT = 3;
const SUFFIX = '.snapshot';

/**
 * Which snapshot a cache keeps: `model` the working tree's load, `revision` a load of a past git
 * revision's files (diff and impact --since against `git:<rev>`), kept beside it so that reading a
 * revision never evicts the working tree's snapshot. A revision whose files are the working tree's
 * has the same key, and is answered from the working tree's snapshot too.
 */
export type SnapshotSlot = 'model' | 'revision';

/** What a whole load answered, to be answered again while nothing it read has changed. */
export type LoadSnapshot = {
  readonly model: Model;
  readonly diagnostics: readonly Diagnostic[];
  readonly files: readonly string[];
};

/** Integers per origin: file index + 1 (0: none), line, column, end line, end column (0: none). */
const ORIGIN_INTS = 5;

function encodeOrigin(at: Int32Array, index: number, origin: SourceRef | undefined, files: RecordWriter) {
  if (!origin) return;
  const base = index * ORIGIN_INTS;
  at[base] = files.string(origin.file) + 1;
  at[base + 1] = origin.line;
  at[base + 2] = origin.column;
  at[base + 3] = origin.endLine ?? 0;
  at[base + 4] = origin.endColumn ?? 0;
}

function decodeOrigin(at: Int32Array, index: number, files: StringTable): SourceRef | undefined {
  const base = index * ORIGIN_INTS;
  const file = at[base]!;
  if (file === 0) return undefined;
  const origin: { file: string; line: number; column: number; endLine?: number; endColumn?: number } = {
    file: files.at(file - 1)!,
    line: at[base + 1]!,
    column: at[base + 2]!,
  };
  if (at[base + 3]) origin.endLine = at[base + 3]!;
  if (at[base + 4]) origin.endColumn = at[base + 4]!;
  return origin;
}

/**
 * A load's answer as sections of integers over one table of strings (see snapshot-records.ts):
 * [shapes (JSON), strings, string ends, numbers, records, relation ends, relation types, element
 * origins, relation origins, id table]. The records are the elements, then each relation's
 * attributes, then one record of the diagnostics and files. The id table (see `IdTable`) lets the
 * restored model find an element by id without first putting every id into a map.
 */
function encode(key: string, snapshot: LoadSnapshot): Uint8Array[] {
  const { model } = snapshot;
  const writer = new RecordWriter();
  const elementOrigins = new Int32Array(model.elementCount * ORIGIN_INTS);
  const ends = new Int32Array(model.relationCount * 2);
  const types = new Int32Array(model.relationCount);
  const relationOrigins = new Int32Array(model.relationCount * ORIGIN_INTS);
  const layout = model.restoredLayout();
  let ids: readonly string[];
  if (layout) {
    ids = layout.ids;
    // As the load laid the model out: by index, without a look-up by id or relation key.
    const { elements, relations, origins } = layout;
    for (let i = 0; i < elements.length; i++) {
      writer.record(elements[i]!, true); // ids are unique in a laid-out model
      encodeOrigin(elementOrigins, i, origins.element(i), writer);
    }
    ends.set(layout.ends);
    for (let r = 0; r < relations.length; r++) {
      const relation = relations[r]!;
      types[r] = writer.string(relation.type);
      writer.record(relation.attributes);
      encodeOrigin(relationOrigins, r, origins.relation(r), writer);
    }
  } else {
    const index = new Map<string, number>();
    let i = 0;
    for (const element of model.elements()) {
      index.set(element.id, i);
      writer.record(element);
      encodeOrigin(elementOrigins, i++, model.originOfElement(element.id), writer);
    }
    let r = 0;
    for (const relation of model.relations()) {
      ends[2 * r] = index.get(relation.source)!;
      ends[2 * r + 1] = index.get(relation.target)!;
      types[r] = writer.string(relation.type);
      writer.record(relation.attributes);
      encodeOrigin(relationOrigins, r++, model.originOfRelation(relation), writer);
    }
    ids = [...index.keys()];
  }
  writer.record({ diagnostics: [...snapshot.diagnostics], files: [...snapshot.files] });
  const strings = writeStringTable(writer.strings);
  return sectionPieces(SNAPSHOT_FORMAT, key, [
    Buffer.from(JSON.stringify(writer.shapes)),
    strings.text,
    bytesOf(strings.ends),
    bytesOf(new Float64Array(writer.numbers)),
    bytesOf(writer.ints.view()),
    bytesOf(ends),
    bytesOf(types),
    bytesOf(elementOrigins),
    bytesOf(relationOrigins),
    bytesOf(IdTable.placesOf(ids)),
  ]);
}

function isShape(value: unknown): value is Shape {
  const shape = value as Partial<Shape> | null;
  return (
    Array.isArray(shape?.keys) &&
    Array.isArray(shape.kinds) &&
    shape.keys.length === shape.kinds.length &&
    shape.keys.every((key) => typeof key === 'string') &&
    shape.kinds.every((kind) => Number.isInteger(kind))
  );
}

/**
 * The relations as rows (see `Model.restore`): types renumbered among the types used, attributes kept
 * only for the relations that have any. No relation object is made: the model makes one when asked.
 */
function relationRows(
  reader: RecordReader,
  elementCount: number,
  ends: Int32Array,
  types: Int32Array,
): RelationRows {
  const { strings } = reader;
  // By string number, each type's number + 1 (0: not seen yet): an array read, not a map look-up per relation.
  const numbers = new Int32Array(strings.length);
  const typeNames: string[] = [];
  const rowTypes = new Int32Array(types.length);
  const attributes = new Map<number, Relation['attributes']>();
  for (let r = 0; r < types.length; r++) {
    const source = ends[2 * r]!;
    const target = ends[2 * r + 1]!;
    if (!(source >= 0 && source < elementCount && target >= 0 && target < elementCount))
      throw new RangeError('snapshot: a relation end is out.');
    let t = numbers[types[r]!]! - 1;
    if (!(t >= 0)) {
      const type = strings.at(types[r]!);
      if (type === undefined) throw new RangeError('snapshot: a relation type is out of the table.');
      t = typeNames.push(type) - 1;
      numbers[types[r]!] = t + 1;
    }
    rowTypes[r] = t;
    const record = reader.record();
    if (record !== EMPTY_RECORD) attributes.set(r, record as Relation['attributes']);
  }
  return { types: rowTypes, typeNames, attributes };
}

/** The next `count` records, elements, read whole. */
function readElements(reader: RecordReader, count: number): Element[] {
  const elements: Element[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const element = reader.record() as Element;
    if (typeof element.id !== 'string') throw new RangeError('snapshot: an element without an id.');
    elements[i] = element;
  }
  return elements;
}

/** Reads the sections back; throws a RangeError when they do not hold a whole answer. */
function decode(metamodel: Metamodel, sections: readonly Uint8Array[]): LoadSnapshot {
  if (sections.length !== 10) throw new RangeError('snapshot: expected 10 sections.');
  const shapes: unknown = JSON.parse(Buffer.from(sections[0]!).toString('utf8'));
  if (!Array.isArray(shapes) || !shapes.every(isShape)) throw new RangeError('snapshot: bad shapes.');
  // Every section is viewed in place, not copied: the model keeps the file's bytes (the strings' text
  // aside, the sections it keeps are most of them), and copying them took about 15 ms of a 200k load.
  const strings = readStrings(sections[1]!, int32Section(sections[2]!));
  const records = int32Section(sections[4]!);
  const reader = new RecordReader(records, strings, float64Section(sections[3]!), shapes);
  const ends = int32Section(sections[5]!);
  const types = int32Section(sections[6]!);
  const elementOrigins = int32Section(sections[7]!);
  const relationOrigins = int32Section(sections[8]!);
  const idPlaces = int32Section(sections[9]!);
  const count = elementOrigins.length / ORIGIN_INTS;
  if (!Number.isInteger(count) || types.length * 2 !== ends.length)
    throw new RangeError('snapshot: sections of different lengths.');
  if (relationOrigins.length !== types.length * ORIGIN_INTS)
    throw new RangeError('snapshot: sections of different lengths.');
  const elements = elementRows(reader, count) ?? readElements(reader, count);
  const relations = relationRows(reader, count, ends, types);
  reader.shareEmpty = false;
  const { diagnostics, files } = reader.record() as { diagnostics: Diagnostic[]; files: string[] };
  if (!Array.isArray(diagnostics) || !Array.isArray(files) || reader.at !== records.length)
    throw new RangeError('snapshot: the records do not end where they should.');
  const origins = {
    element: (i: number) => decodeOrigin(elementOrigins, i, strings),
    relation: (i: number) => decodeOrigin(relationOrigins, i, strings),
  };
  const model = Model.restore(metamodel, elements, relations, origins, ends, idPlaces);
  return { model, diagnostics, files };
}

/** Writes a new file of these pieces in order, in one call; throws when any byte was not written. */
async function writePieces(path: string, pieces: readonly Uint8Array[]): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    let total = 0;
    for (const piece of pieces) total += piece.byteLength;
    const { bytesWritten } = await handle.writev(pieces as Uint8Array[]);
    if (bytesWritten !== total) throw new Error(`snapshot: ${bytesWritten} of ${total} bytes written.`);
  } finally {
    await handle.close();
  }
}

/**
 * The whole-load cache: what a load answered (model, diagnostics, files), kept in the model-file
 * cache's folder (`.tracery/cache/<tool version>/model-<key>.snapshot`) under a key of everything the
 * load read (see `loadRepository`). One snapshot per slot ({@link SnapshotSlot}): writing one deletes the others of its slot. A
 * snapshot that does not read back whole (another format or key, cut short, changed) is a miss.
 */
export class ModelSnapshotCache {
  constructor(
    private readonly folder: string,
    private readonly slot: SnapshotSlot = 'model',
  ) {}

  /** The key of a load: a hash of the parts that decide its answer, in order. */
  static keyOf(parts: readonly string[]): string {
    const hash = createHash('sha256').update(`tracery load snapshot ${SNAPSHOT_FORMAT}\n`);
    for (const part of parts) hash.update(part).update('\0');
    return hash.digest('hex');
  }

  /** The snapshot of a key, or undefined (none, another key, or unreadable). */
  async get(key: string, metamodel: Metamodel): Promise<LoadSnapshot | undefined> {
    const slots: SnapshotSlot[] = this.slot === 'model' ? ['model'] : ['revision', 'model'];
    for (const slot of slots) {
      const found = await this.read(this.pathOf(key, slot), key, metamodel);
      if (found) return found;
    }
    return undefined;
  }

  private async read(path: string, key: string, metamodel: Metamodel): Promise<LoadSnapshot | undefined> {
    let sections: Uint8Array[] | undefined;
    try {
      sections = readSections(await readFile(path), SNAPSHOT_FORMAT, key);
    } catch {
      return undefined;
    }
    if (!sections) return undefined;
    try {
      return decode(metamodel, sections);
    } catch {
      return undefined; // an entry that passed the checksum but does not rebuild: rebuilt by the load
    }
  }

  /** Writes a snapshot (to a temporary file, then renamed) and deletes the other snapshots of its slot. */
  async set(key: string, snapshot: LoadSnapshot): Promise<void> {
    const path = this.pathOf(key, this.slot);
    const prefix = `${this.slot}-`;
    const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await writePieces(temporary, encode(key, snapshot));
      await rename(temporary, path);
      for (const name of await readdir(this.folder))
        if (name.startsWith(prefix) && name !== `${prefix}${key}${SUFFIX}`)
          await rm(join(this.folder, name), { force: true });
    } catch {
      await rm(temporary, { force: true }).catch(() => undefined); // the cache only saves time
    }
  }

  private pathOf(key: string, slot: SnapshotSlot): string {
    return join(this.folder, `${slot}-${key}${SUFFIX}`);
  }
}
