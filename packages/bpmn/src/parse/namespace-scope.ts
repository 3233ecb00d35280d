import { BPMN_NAMESPACE, type BpmnCountKey, countKeyOfLocalName, TRACERY_NAMESPACE } from './bpmn-counts.js';
import { decodeXmlReferences } from './xml-text.js';

/** What a tag written in a scope is: a counted element's kind and local name, or the diagram interchange. */
export type TagKind = {
  readonly countKey: BpmnCountKey | undefined;
  readonly localName: string;
  /** `bpmndi:BPMNDiagram`: the ids inside are indexed only when asked for (see `PositionIndex`). */
  readonly opensDiagram: boolean;
};

/** The namespace prefixes in scope, and what each tag written under them is (remembered per scope). */
export type Scope = { readonly uris: ReadonlyMap<string, string>; readonly tags: Map<string, TagKind> };

const BPMNDI_NAMESPACE = 'http://www.omg.org/spec/BPMN/20100524/DI';

/** The scope outside the root element: only the `xml` prefix is bound. */
export const XML_SCOPE: Scope = {
  uris: new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]),
  tags: new Map(),
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
export function declareNamespaces(text: string, scope: Scope, attributes: readonly number[]): Scope {
  let inner: Map<string, string> | undefined;
  for (let k = 0; k < attributes.length; k += 4) {
    const start = attributes[k] as number;
    const end = attributes[k + 1] as number;
    if (!text.startsWith('xmlns', start) || (end !== start + 5 && text.charCodeAt(start + 5) !== 58))
      continue;
    inner ??= new Map(scope.uris);
    const prefix = end === start + 5 ? '' : text.slice(start + 6, end);
    inner.set(prefix, decodeXmlReferences(text.slice(attributes[k + 2], attributes[k + 3])));
  }
  return inner ? { uris: inner, tags: new Map() } : scope;
}

export function extensionAttributes(
  text: string,
  scope: Scope,
  attributes: readonly number[],
): Record<string, string> | undefined {
  let found: Record<string, string> | undefined;
  for (let k = 0; k < attributes.length; k += 4) {
    const start = attributes[k] as number;
    const end = attributes[k + 1] as number;
    let colon = start;
    while (colon < end && text.charCodeAt(colon) !== 58) colon++;
    if (colon === end || scope.uris.get(text.slice(start, colon)) !== TRACERY_NAMESPACE) continue;
    found ??= {};
    found[text.slice(colon + 1, end)] = decodeXmlReferences(text.slice(attributes[k + 2], attributes[k + 3]));
  }
  return found;
}
