import { BPMN_NAMESPACE, type BpmnCountKey, countKeyOfLocalName, TRACERY_NAMESPACE } from './bpmn-counts.js';
import { type StartTag, textIs } from './read-start-tag.js';
import { decodeXmlReferences } from './xml-text.js';

/** What a tag written in a scope is: a counted element's kind and local name, or the diagram interchange. */
export type TagKind = {
  readonly countKey: BpmnCountKey | undefined;
  readonly localName: string;
  /** `bpmndi:BPMNDiagram`: the ids inside are indexed only when asked for (see `PositionIndex`). */
  readonly opensDiagram: boolean;
};

/** The namespace prefixes in scope, and what each tag written under them is (remembered per scope). */
export type Scope = {
  readonly uris: ReadonlyMap<string, string>;
  readonly tags: Map<string, TagKind>;
  /**
   * The prefixes bound to {@link TRACERY_NAMESPACE} that an attribute name can start with (those without
   * a colon: the prefix of `a:b:c` is `a`): most scopes have one or none, so most attributes are passed
   * over without a search for their colon.
   */
  readonly traceryPrefixes: readonly string[];
};

const BPMNDI_NAMESPACE = 'http://www.omg.org/spec/BPMN/20100524/DI';

/** The scope outside the root element: only the `xml` prefix is bound. */
export const XML_SCOPE: Scope = {
  uris: new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]),
  tags: new Map(),
  traceryPrefixes: [],
};

/** What a tag is in a scope (remembered per scope). */
export function tagKind(scope: Scope, tag: string): TagKind {
  let kind = scope.tags.get(tag);
  if (kind !== undefined) return kind;
  const colon = tag.indexOf(':');
  const localName = colon === -1 ? tag : tag.slice(colon + 1);
  const uri = scope.uris.get(colon === -1 ? '' : tag.slice(0, colon));
  kind = {
    countKey: uri === BPMN_NAMESPACE ? countKeyOfLocalName(localName) : undefined,
    localName,
    opensDiagram: uri === BPMNDI_NAMESPACE && localName === 'BPMNDiagram',
  };
  scope.tags.set(tag, kind);
  return kind;
}

/** The scope with this element's `xmlns` and `xmlns:p` declarations added (the same scope when it has none). */
export function declareNamespaces(text: string, scope: Scope, tag: StartTag): Scope {
  let inner: Map<string, string> | undefined;
  const { attributes } = tag;
  for (let k = 0; k < tag.attributeEnd; k += 4) {
    const start = attributes[k] as number;
    const end = attributes[k + 1] as number;
    if (!text.startsWith('xmlns', start) || (end !== start + 5 && text.charCodeAt(start + 5) !== 58))
      continue;
    inner ??= new Map(scope.uris);
    const prefix = end === start + 5 ? '' : text.slice(start + 6, end);
    inner.set(prefix, decodeXmlReferences(text.slice(attributes[k + 2], attributes[k + 3])));
  }
  return inner ? { uris: inner, tags: new Map(), traceryPrefixes: traceryPrefixesOf(inner) } : scope;
}

function traceryPrefixesOf(uris: ReadonlyMap<string, string>): string[] {
  const prefixes: string[] = [];
  for (const [prefix, uri] of uris)
    if (uri === TRACERY_NAMESPACE && !prefix.includes(':')) prefixes.push(prefix);
  return prefixes;
}

/**
 * The `tracery:` attributes of a start tag (whatever prefix the scope binds to {@link TRACERY_NAMESPACE}),
 * by local name, values decoded; undefined when it has none.
 */
export function extensionAttributes(
  text: string,
  scope: Scope,
  tag: StartTag,
): Record<string, string> | undefined {
  const prefixes = scope.traceryPrefixes;
  if (prefixes.length === 0) return undefined;
  let found: Record<string, string> | undefined;
  const { attributes } = tag;
  for (let k = 0; k < tag.attributeEnd; k += 4) {
    const start = attributes[k] as number;
    const end = attributes[k + 1] as number;
    // The attribute's prefix is the text before its first colon: a prefix bound to the namespace, with no
    // colon of its own, followed by one.
    const prefix = boundPrefix(text, start, end, prefixes);
    if (prefix === undefined) continue;
    found ??= {};
    found[text.slice(start + prefix.length + 1, end)] = decodeXmlReferences(
      text.slice(attributes[k + 2], attributes[k + 3]),
    );
  }
  return found;
}

/** The one of `prefixes` that the attribute name from `start` to `end` starts with, followed by a colon. */
function boundPrefix(
  text: string,
  start: number,
  end: number,
  prefixes: readonly string[],
): string | undefined {
  for (const prefix of prefixes)
    if (
      start + prefix.length < end &&
      text.charCodeAt(start + prefix.length) === 58 &&
      textIs(text, start, prefix)
    )
      return prefix;
  return undefined;
}
