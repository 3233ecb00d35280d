import type { SourceRef } from '@tracery/core';
import { XMLParser } from 'fast-xml-parser';
import { BPMN_NAMESPACE, type BpmnCountKey, countKeyOfLocalName, TRACERY_NAMESPACE } from './bpmn-counts.js';
import type { LineIndex } from './line-index.js';
import { decodeXmlReferences } from './xml-text.js';

/** An element that encloses a counted element, as the XML wrote it. */
export type RawAncestor = { readonly tag: string; readonly id: string | undefined; readonly offset: number };

/** A counted BPMN element as the raw XML holds it, before bpmn-moddle reads the file. */
export type RawElement = {
  readonly countKey: BpmnCountKey;
  /** The local name in the BPMN namespace, such as `userTask`. */
  readonly localName: string;
  /** The tag as written, with its prefix (`bpmn2:userTask`). */
  readonly tag: string;
  readonly id: string | undefined;
  readonly name: string | undefined;
  /** The offset of the start tag's `<` in the decoded text. */
  readonly offset: number;
  readonly source: SourceRef;
  /** The enclosing elements, outermost first. */
  readonly ancestors: readonly RawAncestor[];
};

/** What the raw pass over the XML learned: the counted elements, and positions and extension attributes by id. */
export type RawScan = {
  readonly elements: readonly RawElement[];
  /** The start-tag position of the first element with each id. */
  readonly positions: ReadonlyMap<string, SourceRef>;
  /** The `tracery:` attributes (by local name) of each element with an id that has some. */
  readonly extensionAttributes: ReadonlyMap<string, Readonly<Record<string, string>>>;
};

type OrderedNode = Record<string | symbol, unknown>;
type Scope = ReadonlyMap<string, string>;
type Walk = {
  readonly lines: LineIndex;
  readonly elements: RawElement[];
  readonly positions: Map<string, SourceRef>;
  readonly extensions: Map<string, Record<string, string>>;
};

const ATTRIBUTES = ':@';
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  allowBooleanAttributes: true,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  captureMetaData: true,
});

/**
 * Reads well-formed XML with fast-xml-parser and records every counted BPMN element
 * (resolved by namespace URI, so any prefix works) with its id, name and position.
 * Throws what fast-xml-parser throws; the caller turns that into a diagnostic.
 */
export function scanRawXml(text: string, lines: LineIndex): RawScan {
  const walk: Walk = { lines, elements: [], positions: new Map(), extensions: new Map() };
  const tree = parser.parse(text) as unknown;
  if (Array.isArray(tree))
    walkNodes(tree as OrderedNode[], new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]), [], walk);
  return { elements: walk.elements, positions: walk.positions, extensionAttributes: walk.extensions };
}

function walkNodes(
  nodes: readonly OrderedNode[],
  scope: Scope,
  ancestors: readonly RawAncestor[],
  walk: Walk,
): void {
  for (const node of nodes) {
    const tag = Object.keys(node).find((key) => key !== ATTRIBUTES);
    if (tag === undefined || tag.startsWith('#') || tag.startsWith('?')) continue;
    const attributes = (node[ATTRIBUTES] ?? {}) as Record<string, string>;
    const inner = declareNamespaces(scope, attributes);
    const offset = (node[META] as { startIndex?: number } | undefined)?.startIndex ?? 0;
    const id = attributes.id === undefined ? undefined : decodeXmlReferences(attributes.id);
    const self: RawAncestor = { tag, id, offset };
    record(walk, tag, inner, attributes, self, ancestors);
    const children = node[tag];
    if (Array.isArray(children) && children.length > 0)
      walkNodes(children as OrderedNode[], inner, [...ancestors, self], walk);
  }
}

function record(
  walk: Walk,
  tag: string,
  scope: Scope,
  attributes: Readonly<Record<string, string>>,
  self: RawAncestor,
  ancestors: readonly RawAncestor[],
): void {
  const { id, offset } = self;
  if (id !== undefined) {
    if (!walk.positions.has(id)) walk.positions.set(id, walk.lines.sourceAt(offset));
    const extension = extensionAttributes(scope, attributes);
    if (extension !== undefined && !walk.extensions.has(id)) walk.extensions.set(id, extension);
  }
  const colon = tag.indexOf(':');
  const localName = colon === -1 ? tag : tag.slice(colon + 1);
  if (scope.get(colon === -1 ? '' : tag.slice(0, colon)) !== BPMN_NAMESPACE) return;
  const countKey = countKeyOfLocalName(localName);
  if (countKey === undefined) return;
  const name = attributes.name === undefined ? undefined : decodeXmlReferences(attributes.name);
  const source = walk.lines.sourceAt(offset);
  walk.elements.push({ countKey, localName, tag, id, name, offset, source, ancestors });
}

/** The scope with this element's `xmlns` and `xmlns:p` declarations added (the same scope when it has none). */
function declareNamespaces(scope: Scope, attributes: Readonly<Record<string, string>>): Scope {
  let inner: Map<string, string> | undefined;
  for (const [key, value] of Object.entries(attributes)) {
    if (key !== 'xmlns' && !key.startsWith('xmlns:')) continue;
    inner ??= new Map(scope);
    inner.set(key === 'xmlns' ? '' : key.slice(6), decodeXmlReferences(value));
  }
  return inner ?? scope;
}

function extensionAttributes(
  scope: Scope,
  attributes: Readonly<Record<string, string>>,
): Record<string, string> | undefined {
  let found: Record<string, string> | undefined;
  for (const [key, value] of Object.entries(attributes)) {
    const colon = key.indexOf(':');
    if (colon === -1 || scope.get(key.slice(0, colon)) !== TRACERY_NAMESPACE) continue;
    found ??= {};
    found[key.slice(colon + 1)] = decodeXmlReferences(value);
  }
  return found;
}
