import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Diagnostic, SourceRef } from '../diagnostics/diagnostic.js';
import type { Metamodel } from '../metamodel/metamodel.js';
import type { AttributeValue, Element, Relation } from '../model/element.js';
import { Model } from '../model/model.js';

/** Bump when the shape of a snapshot changes. */
const SNAPSHOT_FORMAT = 1;
const PREFIX = 'model-';

/** What a whole load answered, to be answered again while nothing it read has changed. */
export type LoadSnapshot = {
  readonly model: Model;
  readonly diagnostics: readonly Diagnostic[];
  readonly files: readonly string[];
};

/**
 * A load's answer in few objects: relations as indexes into the elements and a table of types,
 * origins as five integers each (file index, line, column, end line, end column; 0 for none).
 */
type Encoded = {
  readonly format: number;
  readonly key: string;
  readonly elements: Element[];
  readonly types: string[];
  /** Per relation: source index, target index, type index. */
  readonly ends: Int32Array;
  /** Relation index -> attributes, for the relations that have any. */
  readonly attributes: Array<[number, Readonly<Record<string, AttributeValue>>]>;
  readonly originFiles: string[];
  readonly elementOrigins: Int32Array;
  readonly relationOrigins: Int32Array;
  readonly diagnostics: Diagnostic[];
  readonly files: string[];
};

const EMPTY: Readonly<Record<string, AttributeValue>> = Object.freeze({});

function encodeOrigin(
  at: Int32Array,
  index: number,
  origin: SourceRef | undefined,
  files: Map<string, number>,
) {
  if (!origin) return;
  let file = files.get(origin.file);
  if (file === undefined) {
    file = files.size;
    files.set(origin.file, file);
  }
  const base = index * 5;
  at[base] = file + 1;
  at[base + 1] = origin.line;
  at[base + 2] = origin.column;
  at[base + 3] = origin.endLine ?? 0;
  at[base + 4] = origin.endColumn ?? 0;
}

function decodeOrigin(at: Int32Array, index: number, files: readonly string[]): SourceRef | undefined {
  const base = index * 5;
  const file = at[base]!;
  if (file === 0) return undefined;
  const origin: { file: string; line: number; column: number; endLine?: number; endColumn?: number } = {
    file: files[file - 1]!,
    line: at[base + 1]!,
    column: at[base + 2]!,
  };
  if (at[base + 3]) origin.endLine = at[base + 3]!;
  if (at[base + 4]) origin.endColumn = at[base + 4]!;
  return origin;
}

function encode(key: string, snapshot: LoadSnapshot): Encoded {
  const { model } = snapshot;
  const elements = [...model.elements()];
  const index = new Map<string, number>();
  for (let i = 0; i < elements.length; i++) index.set(elements[i]!.id, i);
  const files = new Map<string, number>();
  const elementOrigins = new Int32Array(elements.length * 5);
  for (let i = 0; i < elements.length; i++)
    encodeOrigin(elementOrigins, i, model.originOfElement(elements[i]!.id), files);
  const types = new Map<string, number>();
  const ends = new Int32Array(model.relationCount * 3);
  const relationOrigins = new Int32Array(model.relationCount * 5);
  const attributes: Encoded['attributes'] = [];
  let r = 0;
  for (const relation of model.relations()) {
    let type = types.get(relation.type);
    if (type === undefined) {
      type = types.size;
      types.set(relation.type, type);
    }
    ends[r * 3] = index.get(relation.source)!;
    ends[r * 3 + 1] = index.get(relation.target)!;
    ends[r * 3 + 2] = type;
    if (Object.keys(relation.attributes).length > 0) attributes.push([r, relation.attributes]);
    encodeOrigin(relationOrigins, r, model.originOfRelation(relation), files);
    r++;
  }
  return {
    format: SNAPSHOT_FORMAT,
    key,
    elements,
    types: [...types.keys()],
    ends,
    attributes,
    originFiles: [...files.keys()],
    elementOrigins,
    relationOrigins,
    diagnostics: [...snapshot.diagnostics],
    files: [...snapshot.files],
  };
}

function isEncoded(value: unknown, key: string): value is Encoded {
  if (value === null || typeof value !== 'object') return false;
  const e = value as Partial<Encoded>;
  return (
    e.format === SNAPSHOT_FORMAT &&
    e.key === key &&
    Array.isArray(e.elements) &&
    Array.isArray(e.types) &&
    e.ends instanceof Int32Array &&
    e.ends.length % 3 === 0 &&
    Array.isArray(e.attributes) &&
    Array.isArray(e.originFiles) &&
    e.elementOrigins instanceof Int32Array &&
    e.elementOrigins.length === e.elements.length * 5 &&
    e.relationOrigins instanceof Int32Array &&
    e.relationOrigins.length === (e.ends.length / 3) * 5 &&
    Array.isArray(e.diagnostics) &&
    Array.isArray(e.files)
  );
}

function decode(metamodel: Metamodel, e: Encoded): LoadSnapshot {
  const count = e.ends.length / 3;
  const withAttributes = new Map(e.attributes);
  const relations: Relation[] = new Array(count);
  const ends = new Int32Array(count * 2);
  for (let r = 0; r < count; r++) {
    ends[2 * r] = e.ends[r * 3]!;
    ends[2 * r + 1] = e.ends[r * 3 + 1]!;
    relations[r] = {
      type: e.types[e.ends[r * 3 + 2]!]!,
      source: e.elements[e.ends[r * 3]!]!.id,
      target: e.elements[e.ends[r * 3 + 1]!]!.id,
      attributes: withAttributes.get(r) ?? EMPTY,
    };
  }
  const model = Model.restore(
    metamodel,
    e.elements,
    relations,
    {
      element: (i) => decodeOrigin(e.elementOrigins, i, e.originFiles),
      relation: (i) => decodeOrigin(e.relationOrigins, i, e.originFiles),
    },
    ends,
  );
  return { model, diagnostics: e.diagnostics, files: e.files };
}

/**
 * The whole-load cache: what a load answered (model, diagnostics, files), kept in the model-file
 * cache's folder (`.tracery/cache/<tool version>/model-<key>.v8`) under a key of everything the load
 * read (see `loadRepository`). One snapshot per repository: writing one deletes the others. A
 * snapshot that does not read back whole is a miss.
 */
export class ModelSnapshotCache {
  constructor(private readonly folder: string) {}

  /** The key of a load: a hash of the parts that decide its answer, in order. */
  static keyOf(parts: readonly string[]): string {
    const hash = createHash('sha256').update(`tracery load snapshot ${SNAPSHOT_FORMAT}\n`);
    for (const part of parts) hash.update(part).update('\0');
    return hash.digest('hex');
  }

  /** The snapshot of a key, or undefined (none, another key, or unreadable). */
  async get(key: string, metamodel: Metamodel): Promise<LoadSnapshot | undefined> {
    let value: unknown;
    try {
      value = deserialize(await readFile(this.pathOf(key)));
    } catch {
      return undefined;
    }
    if (!isEncoded(value, key)) return undefined;
    try {
      return decode(metamodel, value);
    } catch {
      return undefined; // an entry that passed the shape check but does not rebuild: rebuilt by the load
    }
  }

  /** Writes a snapshot (to a temporary file, then renamed) and deletes the other snapshots. */
  async set(key: string, snapshot: LoadSnapshot): Promise<void> {
    const path = this.pathOf(key);
    const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, serialize(encode(key, snapshot)));
      await rename(temporary, path);
      for (const name of await readdir(this.folder))
        if (name.startsWith(PREFIX) && name !== `${PREFIX}${key}.v8`)
          await rm(join(this.folder, name), { force: true });
    } catch {
      await rm(temporary, { force: true }).catch(() => undefined); // the cache only saves time
    }
  }

  private pathOf(key: string): string {
    return join(this.folder, `${PREFIX}${key}.v8`);
  }
}
