import type { SourceRef } from '../diagnostics/diagnostic.js';
import type { AttributeValue } from '../model/element.js';
import type { ElementDraft, RelationDraft } from './model-drafts.js';
import type { ModelFileRead } from './model-file-cache.js';
import {
  NONE,
  type PackedContents,
  type PackedModelFileRead,
  POSITION_INTS,
  RELATION_INTS,
} from './packed-layout.js';
import { PackedReadBuilder } from './packed-read-builder.js';

export type { PackedModelFileRead } from './packed-layout.js';

/** True when `at` is a position in `file` that packs (see {@link isPlainPosition}). */
function isPositionIn(at: SourceRef | undefined, file: string): at is SourceRef {
  return at !== null && typeof at === 'object' && at.file === file && isPlainPosition(at);
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
  const builder = new PackedReadBuilder();
  for (const { element, origin } of elements) {
    if (!isPositionIn(origin, read.file)) return undefined;
    builder.element(element, origin.line, origin.column, origin.endLine ?? NONE, origin.endColumn ?? NONE);
  }
  for (const relation of relations) {
    const at = relation.origin;
    if (!isPlainRelation(relation) || !isPositionIn(at, read.file)) return undefined;
    const { type, source, target, writtenBy, writtenAs, attributes, endOrigins } = relation;
    const o = builder.relation(type, source, target, writtenBy, writtenAs, attributes, endOrigins);
    builder.relationAt(o, at.line, at.column, at.endLine ?? NONE, at.endColumn ?? NONE);
  }
  return builder.finish(read.file, read.diagnostics, brokenIds, diagnostics);
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
