import type { SourceRef } from '../diagnostics/diagnostic.js';
import type { Metamodel } from '../metamodel/metamodel.js';
import type { AttributeValue } from '../model/element.js';
import { fastCheckOf } from './element-fast-check.js';
import { type IdRule, idRule } from './id-safety.js';
import type { ModelFileContents, SchemaCache } from './model-drafts.js';
import { buildElement, classifyKeys, kindSchema, NOTHING_INVALID } from './read-element.js';
import type { ScannedModelYaml } from './scan-model-yaml.js';

type Record_ = Record<string, unknown>;

/** What reading a scanned file needs besides the scan: the file, the metamodel and the schemas. */
type ScanReader = {
  readonly file: string;
  readonly positions: Int32Array;
  readonly metamodel: Metamodel;
  readonly cache: SchemaCache;
  readonly ids: IdRule;
  readonly out: ModelFileContents;
};

/**
 * The elements and inline relations of a scanned model file, exactly as {@link readModelFile} reads
 * them from the parsed file when every element is sound: or undefined as soon as one element would
 * get a diagnostic or be dropped (no id, an unsafe id, an unknown kind, an unknown key that is not
 * tolerated, a value its kind's schema refuses), so that the file is read the usual way, which words
 * the diagnostics. The scanner reads no control character, so no text-safety check can report one.
 */
export function readScannedModel(
  file: string,
  scan: ScannedModelYaml,
  metamodel: Metamodel,
  cache: SchemaCache,
): ModelFileContents | undefined {
  const out: ModelFileContents = { elements: [], relations: [], brokenIds: [], diagnostics: [] };
  const reader: ScanReader = {
    file,
    positions: scan.positions,
    metamodel,
    cache,
    ids: cache.ids ?? idRule(),
    out,
  };
  for (const { item, at } of scan.elements) if (!readScannedElement(item, at, reader)) return undefined;
  return out;
}

function positionAt(reader: ScanReader, at: number): SourceRef {
  const p = reader.positions;
  return { file: reader.file, line: p[at]!, column: p[at + 1]!, endLine: p[at + 2]!, endColumn: p[at + 3]! };
}

/** The known keys of an item, or undefined when it has a key that would be reported. */
function knownKeys(
  item: Record_,
  shape: Record_,
  tolerated: ReadonlySet<string> | undefined,
): Record_ | undefined {
  for (const key in item) {
    if (Object.hasOwn(shape, key)) continue;
    if (!tolerated?.has(key)) return undefined;
    return classifyKeys(item, shape).known;
  }
  return item;
}

function readScannedElement(item: Record_, at: number, reader: ScanReader): boolean {
  const { metamodel, cache } = reader;
  const id = item.id;
  if (typeof id !== 'string' || id.trim() === '' || !reader.ids.test(id)) return false;
  const kind = item.kind;
  if (typeof kind !== 'string' || !metamodel.kinds.has(kind)) return false;
  const schema = kindSchema(metamodel, kind, cache);
  const known = knownKeys(item, schema.shape, cache.tolerated);
  if (known === undefined) return false;
  // As readElement: zod only when the fast check does not vouch for the element.
  if (!fastCheckOf(metamodel, metamodel.kinds.get(kind)!, schema)(known) && !schema.safeParse(known).success)
    return false;
  const element = buildElement(known, id, kind, NOTHING_INVALID, metamodel);
  reader.out.elements.push({ element, origin: positionAt(reader, at) });
  readRelations(item, known, id, at + 4, reader);
  return true;
}

/**
 * The inline relations of an element, as readElement's collectInlineRelations makes them; each
 * entry's position is the next in the scan, entries of every key in file order.
 */
function readRelations(item: Record_, known: Record_, id: string, from: number, reader: ScanReader): void {
  let at = from;
  for (const key in item) {
    const value = item[key];
    const list = Array.isArray(value);
    const count = list ? value.length : 1;
    const resolved =
      known === item || Object.hasOwn(known, key) ? reader.metamodel.relationNames.get(key) : undefined;
    if (resolved === undefined) {
      at += 4 * count;
      continue;
    }
    const type = resolved.type.name;
    for (let index = 0; index < count; index++, at += 4) {
      const entry = list ? value[index] : value;
      const isObject = typeof entry === 'object' && entry !== null;
      const other = isObject ? String((entry as Record_).id) : String(entry);
      const attributes: Record<string, AttributeValue> = {};
      if (isObject)
        for (const [k, v] of Object.entries(entry as Record_))
          if (k !== 'id' && v !== undefined) attributes[k] = v as AttributeValue;
      reader.out.relations.push({
        type,
        source: resolved.inverse ? other : id,
        target: resolved.inverse ? id : other,
        attributes,
        origin: positionAt(reader, at),
        writtenBy: id,
        writtenAs: key,
      });
    }
  }
}
