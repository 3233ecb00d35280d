import type { SourceRef } from '../diagnostics/diagnostic.js';
import type { Metamodel } from '../metamodel/metamodel.js';
import type { AttributeValue, Element } from '../model/element.js';
import { type IdRule, idRule } from './id-safety.js';
import { ATTRIBUTE_KEY, BASE_KEY, type KindReadPlan, kindReadPlan } from './kind-read-plan.js';
import type { ModelFileContents, SchemaCache } from './model-drafts.js';
import type { PackedModelFileRead } from './pack-model-file-read.js';
import { PackedReadBuilder } from './packed-read-builder.js';
import { classifyKeys } from './read-element.js';
import type { ScannedModelYaml } from './scan-model-yaml.js';

type Record_ = Record<string, unknown>;

/** Where the reader puts what it reads: drafts, or the packed form a worker posts. */
type Sink = {
  element(element: Element, positions: Int32Array, at: number): void;
  relation(
    type: string,
    source: string,
    target: string,
    attributes: Readonly<Record<string, AttributeValue>>,
    writtenBy: string,
    writtenAs: string,
    positions: Int32Array,
    at: number,
  ): void;
};

function positionAt(file: string, p: Int32Array, at: number): SourceRef {
  return { file, line: p[at]!, column: p[at + 1]!, endLine: p[at + 2]!, endColumn: p[at + 3]! };
}

class DraftSink implements Sink {
  readonly out: ModelFileContents = { elements: [], relations: [], brokenIds: [], diagnostics: [] };
  constructor(private readonly file: string) {}

  element(element: Element, positions: Int32Array, at: number): void {
    this.out.elements.push({ element, origin: positionAt(this.file, positions, at) });
  }

  relation(
    type: string,
    source: string,
    target: string,
    attributes: Readonly<Record<string, AttributeValue>>,
    writtenBy: string,
    writtenAs: string,
    positions: Int32Array,
    at: number,
  ): void {
    const origin = positionAt(this.file, positions, at);
    this.out.relations.push({ type, source, target, attributes, origin, writtenBy, writtenAs });
  }
}

class PackSink implements Sink {
  readonly builder = new PackedReadBuilder();

  element(element: Element, p: Int32Array, at: number): void {
    this.builder.element(element, p[at]!, p[at + 1]!, p[at + 2]!, p[at + 3]!);
  }

  relation(
    type: string,
    source: string,
    target: string,
    attributes: Readonly<Record<string, AttributeValue>>,
    writtenBy: string,
    writtenAs: string,
    p: Int32Array,
    at: number,
  ): void {
    const o = this.builder.relation(type, source, target, writtenBy, writtenAs, attributes, undefined);
    this.builder.relationAt(o, p[at]!, p[at + 1]!, p[at + 2]!, p[at + 3]!);
  }
}

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
  const sink = new DraftSink(file);
  return readInto(sink, scan, metamodel, cache) ? sink.out : undefined;
}

/**
 * What {@link readScannedModel} reads, packed as a worker posts it: equal to packing the drafts
 * (`packModelFileRead`), without making them.
 */
export function packScannedModel(
  file: string,
  scan: ScannedModelYaml,
  metamodel: Metamodel,
  cache: SchemaCache,
): PackedModelFileRead | undefined {
  const sink = new PackSink();
  return readInto(sink, scan, metamodel, cache) ? sink.builder.finish(file, [], [], []) : undefined;
}

type Reader = {
  readonly sink: Sink;
  readonly positions: Int32Array;
  readonly metamodel: Metamodel;
  readonly cache: SchemaCache;
  readonly ids: IdRule;
};

function readInto(sink: Sink, scan: ScannedModelYaml, metamodel: Metamodel, cache: SchemaCache): boolean {
  const reader: Reader = { sink, positions: scan.positions, metamodel, cache, ids: cache.ids ?? idRule() };
  for (const { item, at } of scan.elements) if (!readScannedElement(item, at, reader)) return false;
  return true;
}

/** The known keys of an item, or undefined when it has a key that would be reported. */
function knownKeys(item: Record_, plan: KindReadPlan, tolerated: ReadonlySet<string> | undefined) {
  for (const key in item) {
    if (Object.hasOwn(plan.shape, key)) continue;
    if (!tolerated?.has(key)) return undefined;
    return classifyKeys(item, plan.shape).known;
  }
  return item;
}

function readScannedElement(item: Record_, at: number, reader: Reader): boolean {
  const { metamodel, cache } = reader;
  const id = item.id;
  if (typeof id !== 'string' || id.trim() === '' || !reader.ids.test(id)) return false;
  // A line break in a name (a literal block scalar) is a text-safety error: the parsers report it.
  if (typeof item.name === 'string' && item.name.includes('\n')) return false;
  const kind = item.kind;
  if (typeof kind !== 'string' || !metamodel.kinds.has(kind)) return false;
  const plan = kindReadPlan(metamodel, kind, cache);
  const known = knownKeys(item, plan, cache.tolerated);
  // As readElement: zod only when the fast check does not vouch for the element.
  if (known === undefined || (!plan.check(known) && !plan.schema.safeParse(known).success)) return false;
  reader.sink.element(elementOf(known, id, kind, plan), reader.positions, at);
  readRelations(item, id, plan, at + 4, reader);
  return true;
}

/** The element of a sound item: what readElement's buildElement makes of it. */
function elementOf(known: Record_, id: string, kind: string, plan: KindReadPlan): Element {
  const element: Record_ = { id, kind, name: known.name };
  const attributes: Record<string, AttributeValue> = {};
  for (const key in known) {
    const role = plan.roles.get(key);
    if (role === BASE_KEY) element[key] = known[key];
    else if (role === ATTRIBUTE_KEY) attributes[key] = known[key] as AttributeValue;
  }
  element.attributes = attributes;
  return element as Element;
}

/**
 * The inline relations of an element, as readElement's collectInlineRelations makes them; each
 * entry's position is the next in the scan, entries of every key in file order.
 */
function readRelations(item: Record_, id: string, plan: KindReadPlan, from: number, reader: Reader): void {
  let at = from;
  for (const key in item) {
    const value = item[key];
    const list = Array.isArray(value);
    const count = list ? value.length : 1;
    const resolved = plan.relations.get(key);
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
        for (const k in entry as Record_) {
          const v = (entry as Record_)[k];
          if (k !== 'id' && v !== undefined) attributes[k] = v as AttributeValue;
        }
      const source = resolved.inverse ? other : id;
      const target = resolved.inverse ? id : other;
      reader.sink.relation(type, source, target, attributes, id, key, reader.positions, at);
    }
  }
}
