import type { SourceRef } from '../diagnostics/diagnostic.js';
import type { AttributeValue } from '../model/element.js';
import type { ElementDraft, ModelFileContents, RelationDraft } from './model-drafts.js';
import type { ModelFileRead } from './model-file-cache.js';

/**
 * A {@link ModelFileRead} laid out for a worker thread to post: positions as numbers, the relations
 * in columns over one table of distinct strings. Posting the drafts as objects costs the main thread
 * more to take in (every key of every position and relation is a string to read back, every id a
 * new copy) than rebuilding them from this; and the ids come back shared, not copied.
 */
export type PackedModelFileRead = {
  readonly file: string;
  readonly diagnostics: ModelFileRead['diagnostics'];
  readonly read?: PackedContents;
};

type PackedContents = {
  readonly elements: ElementDraft['element'][];
  /** Per element: line, column, end line, end column (see {@link packPosition}). */
  readonly elementOrigins: Int32Array;
  readonly strings: string[];
  /** Per relation, {@link RELATION_INTS} numbers: see {@link packRelation}. */
  readonly relations: Int32Array;
  /** The attribute maps that are not empty, and the positions of relation ends, by index from `relations`. */
  readonly extras: unknown[];
  readonly brokenIds: string[];
  readonly diagnostics: ModelFileContents['diagnostics'];
};

const NONE = -1;
const POSITION_INTS = 4;
// type, source, target, writtenBy, writtenAs, attributes, endOrigins, then the origin's 4.
const RELATION_INTS = 7 + POSITION_INTS;

/** Writes a position of `file` as 4 numbers; false when it is not one (another file, other keys). */
function packPosition(at: SourceRef | undefined, file: string, out: Int32Array, offset: number): boolean {
  if (at === null || typeof at !== 'object' || at.file !== file || !isPlainPosition(at)) return false;
  out[offset] = at.line;
  out[offset + 1] = at.column;
  out[offset + 2] = at.endLine ?? NONE;
  out[offset + 3] = at.endColumn ?? NONE;
  return true;
}

const isCount = (value: unknown): boolean =>
  Number.isInteger(value) && (value as number) >= 0 && (value as number) < 2 ** 31;

/** A position with exactly the keys the position look-ups give (with an end or without one). */
function isPlainPosition(at: SourceRef): boolean {
  const keys = Object.keys(at);
  if (keys[0] !== 'file' || keys[1] !== 'line' || keys[2] !== 'column') return false;
  if (!isCount(at.line) || !isCount(at.column)) return false;
  if (keys.length === 3) return true;
  return (
    keys.length === 5 &&
    keys[3] === 'endLine' &&
    keys[4] === 'endColumn' &&
    isCount(at.endLine) &&
    isCount(at.endColumn)
  );
}

function unpackPosition(file: string, ints: Int32Array, offset: number): SourceRef {
  const endLine = ints[offset + 2]!;
  return endLine === NONE
    ? { file, line: ints[offset]!, column: ints[offset + 1]! }
    : { file, line: ints[offset]!, column: ints[offset + 1]!, endLine, endColumn: ints[offset + 3]! };
}

const RELATION_KEYS = [
  'type',
  'source',
  'target',
  'attributes',
  'origin',
  'writtenBy',
  'writtenAs',
  'endOrigins',
];

/** True when the draft has the keys in the order the readers give them, each of its type. */
function isPlainRelation(relation: RelationDraft): boolean {
  let at = 0;
  for (const key of Object.keys(relation)) {
    while (at < RELATION_KEYS.length && RELATION_KEYS[at] !== key) at++;
    if (at === RELATION_KEYS.length) return false;
  }
  return (
    typeof relation.type === 'string' &&
    typeof relation.source === 'string' &&
    typeof relation.target === 'string' &&
    (relation.writtenBy === undefined || typeof relation.writtenBy === 'string') &&
    (relation.writtenAs === undefined || typeof relation.writtenAs === 'string') &&
    relation.attributes !== null &&
    typeof relation.attributes === 'object' &&
    Object.getPrototypeOf(relation.attributes) === Object.prototype &&
    (!('writtenBy' in relation) || relation.writtenBy !== undefined) &&
    (!('writtenAs' in relation) || relation.writtenAs !== undefined) &&
    (!('endOrigins' in relation) || relation.endOrigins !== undefined)
  );
}

/** Packs what reading a model file gave; {@link unpackModelFileRead} gives back an equal read. */
export function packModelFileRead(read: ModelFileRead): PackedModelFileRead | undefined {
  if (!read.read) return 'read' in read ? undefined : { file: read.file, diagnostics: read.diagnostics };
  const { elements, relations, brokenIds, diagnostics } = read.read;
  const elementOrigins = new Int32Array(elements.length * POSITION_INTS);
  for (let i = 0; i < elements.length; i++)
    if (!packPosition(elements[i]!.origin, read.file, elementOrigins, i * POSITION_INTS)) return undefined;
  const strings: string[] = [];
  const index = new Map<string, number>();
  const intern = (text: string | undefined): number => {
    if (text === undefined) return NONE;
    let at = index.get(text);
    if (at === undefined) {
      at = strings.push(text) - 1;
      index.set(text, at);
    }
    return at;
  };
  const ints = new Int32Array(relations.length * RELATION_INTS);
  const extras: unknown[] = [];
  for (let i = 0; i < relations.length; i++) {
    const relation = relations[i]!;
    const o = i * RELATION_INTS;
    if (!isPlainRelation(relation) || !packPosition(relation.origin, read.file, ints, o + 7))
      return undefined;
    ints[o] = intern(relation.type);
    ints[o + 1] = intern(relation.source);
    ints[o + 2] = intern(relation.target);
    ints[o + 3] = intern(relation.writtenBy);
    ints[o + 4] = intern(relation.writtenAs);
    ints[o + 5] = Object.keys(relation.attributes).length === 0 ? NONE : extras.push(relation.attributes) - 1;
    ints[o + 6] = relation.endOrigins === undefined ? NONE : extras.push(relation.endOrigins) - 1;
  }
  return {
    file: read.file,
    diagnostics: read.diagnostics,
    read: {
      elements: elements.map((e) => e.element),
      elementOrigins,
      strings,
      relations: ints,
      extras,
      brokenIds,
      diagnostics,
    },
  };
}

/** The read that {@link packModelFileRead} packed. */
export function unpackModelFileRead(packed: PackedModelFileRead): ModelFileRead {
  const { file, read } = packed;
  if (!read) return { file, diagnostics: packed.diagnostics };
  const elements: ElementDraft[] = new Array(read.elements.length);
  for (let i = 0; i < elements.length; i++)
    elements[i] = {
      element: read.elements[i]!,
      origin: unpackPosition(file, read.elementOrigins, i * POSITION_INTS),
    };
  const { strings, relations: ints, extras } = read;
  const relations: RelationDraft[] = new Array(ints.length / RELATION_INTS);
  for (let i = 0; i < relations.length; i++) {
    const o = i * RELATION_INTS;
    const relation: Record<string, unknown> = {
      type: strings[ints[o]!],
      source: strings[ints[o + 1]!],
      target: strings[ints[o + 2]!],
      attributes: ints[o + 5] === NONE ? {} : (extras[ints[o + 5]!] as Record<string, AttributeValue>),
      origin: unpackPosition(file, ints, o + 7),
    };
    if (ints[o + 3] !== NONE) relation.writtenBy = strings[ints[o + 3]!];
    if (ints[o + 4] !== NONE) relation.writtenAs = strings[ints[o + 4]!];
    if (ints[o + 6] !== NONE) relation.endOrigins = extras[ints[o + 6]!];
    relations[i] = relation as RelationDraft;
  }
  return {
    file,
    diagnostics: packed.diagnostics,
    read: { elements, relations, brokenIds: read.brokenIds, diagnostics: read.diagnostics },
  };
}

const isList = (value: unknown): value is unknown[] => Array.isArray(value);

/**
 * True when a value read back from disk is a whole packed read: the lists where they belong, and every
 * number in the columns within the tables it points into, so that unpacking it cannot fail or point
 * anywhere else.
 */
export function isPackedModelFileRead(value: unknown): value is PackedModelFileRead {
  if (value === null || typeof value !== 'object') return false;
  const packed = value as Partial<PackedModelFileRead>;
  if (typeof packed.file !== 'string' || !isList(packed.diagnostics)) return false;
  if (packed.read === undefined) return !('read' in packed);
  const read = packed.read as Partial<PackedContents> | null;
  if (read === null || typeof read !== 'object') return false;
  const { elements, elementOrigins, strings, relations, extras, brokenIds, diagnostics } = read;
  if (!isList(elements) || !isList(strings) || !isList(extras) || !isList(brokenIds) || !isList(diagnostics))
    return false;
  if (!(elementOrigins instanceof Int32Array) || elementOrigins.length !== elements.length * POSITION_INTS)
    return false;
  if (!(relations instanceof Int32Array) || relations.length % RELATION_INTS !== 0) return false;
  if (!strings.every((s) => typeof s === 'string')) return false;
  if (!extras.every((e) => e !== null && typeof e === 'object')) return false;
  for (let o = 0; o < relations.length; o += RELATION_INTS) {
    for (let i = 0; i < 5; i++) {
      const at = relations[o + i]!;
      if (at >= strings.length || at < (i < 3 ? 0 : NONE)) return false;
    }
    for (let i = 5; i < 7; i++) {
      const at = relations[o + i]!;
      if (at >= extras.length || at < NONE) return false;
    }
  }
  return true;
}
