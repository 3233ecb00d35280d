import type { SourceRef } from '@tracery/core';
import { BPMN_NAMESPACE, type BpmnCountKey, countKeyOfLocalName, TRACERY_NAMESPACE } from './bpmn-counts.js';
import type { LineIndex } from './line-index.js';
import { nextOccurrence } from './next-occurrence.js';
import {
  badAmpersand,
  isXmlName,
  readStartTag,
  type ScanProblem,
  type StartTag,
  type TextMarks,
} from './read-start-tag.js';
import { decodeXmlReferences } from './xml-text.js';

export type { ScanProblem } from './read-start-tag.js';

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
  /** True when some id is on more than one element. */
  readonly idsRepeat: boolean;
  /** The first well-formedness problem, if any: then the rest of the scan is incomplete. */
  readonly problem: ScanProblem | undefined;
};

/** A counted element's kind and local name, by its tag as written. */
type TagKind = { readonly countKey: BpmnCountKey; readonly localName: string };

/** The namespace prefixes in scope, and what each tag written under them is (remembered per scope). */
type Scope = { readonly uris: ReadonlyMap<string, string>; readonly tags: Map<string, TagKind | null> };

type Walk = {
  readonly text: string;
  readonly lines: LineIndex;
  readonly marks: TextMarks;
  /** Filled again for each start tag. */
  readonly tag: StartTag;
  readonly elements: RawElement[];
  readonly positions: Map<string, SourceRef>;
  readonly extensions: Map<string, Record<string, string>>;
  /** The open elements, outermost first, and the scope of each. */
  readonly ancestors: RawAncestor[];
  readonly scopes: Scope[];
  /** A copy of `ancestors` that siblings share, until the next push or pop (undefined: none yet). */
  shared: readonly RawAncestor[] | undefined;
  idsRepeat: boolean;
};

const XML_SCOPE: Scope = {
  uris: new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]),
  tags: new Map(),
};

/**
 * One pass over the text that checks it is well-formed XML (tags nest and match, attributes are
 * quoted and unique, references are valid, one root, nothing but comments and white space outside it)
 * and records every counted BPMN element (resolved by namespace URI, so any prefix works) with its id,
 * name and position, and the position and `tracery:` attributes of every id. It builds no tree.
 */
export function scanRawXml(text: string, lines: LineIndex): RawScan {
  const walk: Walk = {
    text,
    lines,
    marks: { lt: nextOccurrence(text, '<'), amp: nextOccurrence(text, '&') },
    tag: { name: '', names: [], attributes: [], end: 0, selfClosing: false },
    elements: [],
    positions: new Map(),
    extensions: new Map(),
    ancestors: [],
    scopes: [],
    shared: undefined,
    idsRepeat: false,
  };
  const problem = scan(walk);
  return {
    elements: walk.elements,
    positions: walk.positions,
    extensionAttributes: walk.extensions,
    idsRepeat: walk.idsRepeat,
    problem,
  };
}

function scan(walk: Walk): ScanProblem | undefined {
  const { text, ancestors: stack } = walk;
  let i = 0;
  let roots = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const end = lt === -1 ? text.length : lt;
    const textProblem = checkText(walk, i, end, stack.length === 0);
    if (textProblem) return textProblem;
    if (lt === -1) break;
    const next = text.charCodeAt(lt + 1);
    const isStartTag = next !== 33 && next !== 63 && next !== 47;
    if (isStartTag && stack.length === 0 && roots++ > 0)
      return { offset: lt, message: 'a second root element' };
    const step =
      next === 33
        ? skipMarkup(text, lt, stack.length > 0)
        : next === 63
          ? skipInstruction(text, lt)
          : next === 47
            ? closeElement(walk, lt)
            : openElement(walk, lt);
    if ('message' in step) return step;
    i = step.end;
  }
  const open = stack.at(-1);
  if (open) return { offset: text.length, message: `the file ends before <${open.tag}> is closed` };
  if (roots === 0) return { offset: 0, message: 'the file has no root element' };
  return undefined;
}

function checkText(walk: Walk, start: number, end: number, outside: boolean): ScanProblem | undefined {
  if (start >= end) return undefined;
  const { text } = walk;
  if (outside) {
    for (let k = start; k < end; k++) {
      const code = text.charCodeAt(k);
      if (code !== 32 && code !== 10 && code !== 9 && code !== 13)
        return { offset: k, message: 'text outside the root element' };
    }
    return undefined;
  }
  const amp = badAmpersand(text, start, end, walk.marks.amp);
  return amp === -1 ? undefined : { offset: amp, message: '"&" that starts no reference' };
}

function skipMarkup(text: string, lt: number, inside: boolean): { end: number } | ScanProblem {
  if (text.startsWith('<!--', lt)) {
    const close = text.indexOf('-->', lt + 4);
    return close === -1 ? { offset: lt, message: 'a comment that is not closed' } : { end: close + 3 };
  }
  if (text.startsWith('<![CDATA[', lt) && inside) {
    const close = text.indexOf(']]>', lt + 9);
    return close === -1 ? { offset: lt, message: 'a CDATA section that is not closed' } : { end: close + 3 };
  }
  return { offset: lt, message: `unexpected markup "${text.slice(lt, lt + 12)}"` };
}

function skipInstruction(text: string, lt: number): { end: number } | ScanProblem {
  const close = text.indexOf('?>', lt + 2);
  if (close === -1) return { offset: lt, message: 'a processing instruction that is not closed' };
  const target = /^[^\s?]*/.exec(text.slice(lt + 2, Math.min(close, lt + 42)))?.[0] ?? '';
  if (!isXmlName(target)) return { offset: lt, message: 'a processing instruction without a valid target' };
  if (target.toLowerCase() === 'xml' && lt !== 0)
    return { offset: lt, message: 'an XML declaration that is not at the start of the file' };
  return { end: close + 2 };
}

function closeElement(walk: Walk, lt: number): { end: number } | ScanProblem {
  const { text } = walk;
  const close = text.indexOf('>', lt + 2);
  if (close === -1) return { offset: lt, message: 'an end tag that is not closed' };
  const open = walk.ancestors.pop();
  walk.scopes.pop();
  walk.shared = undefined;
  // The common case, `</tag>` closing <tag>, is compared in place; anything else is read as a name.
  if (open && close - (lt + 2) === open.tag.length && text.startsWith(open.tag, lt + 2))
    return { end: close + 1 };
  const name = text.slice(lt + 2, close).trimEnd();
  if (!open) return { offset: lt, message: `</${name}> closes no element` };
  if (open.tag !== name) return { offset: lt, message: `</${name}> closes <${open.tag}>` };
  return { end: close + 1 };
}

function openElement(walk: Walk, lt: number): { end: number } | ScanProblem {
  const { text, tag } = walk;
  const problem = readStartTag(text, lt, tag, walk.marks);
  if (problem) return problem;
  const scope = declareNamespaces(text, walk.scopes.at(-1) ?? XML_SCOPE, tag.attributes);
  const rawId = attribute(text, tag.attributes, 'id');
  const id = rawId === undefined ? undefined : decodeXmlReferences(rawId);
  record(walk, scope, id, lt);
  if (!tag.selfClosing) {
    walk.ancestors.push({ tag: tag.name, id, offset: lt });
    walk.scopes.push(scope);
    walk.shared = undefined;
  }
  return { end: tag.end };
}

/** The raw value of the attribute called `name`, if the tag has it. */
function attribute(text: string, attributes: readonly number[], name: string): string | undefined {
  for (let k = 0; k < attributes.length; k += 4) {
    const start = attributes[k] as number;
    if ((attributes[k + 1] as number) - start === name.length && text.startsWith(name, start))
      return text.slice(attributes[k + 2], attributes[k + 3]);
  }
  return undefined;
}

function record(walk: Walk, scope: Scope, id: string | undefined, offset: number): void {
  const { text, tag } = walk;
  let source: SourceRef | undefined;
  if (id !== undefined) {
    if (walk.positions.has(id)) walk.idsRepeat = true;
    else {
      source = walk.lines.sourceAt(offset);
      walk.positions.set(id, source);
    }
    const extension = extensionAttributes(text, scope, tag.attributes);
    if (extension !== undefined && !walk.extensions.has(id)) walk.extensions.set(id, extension);
  }
  const kind = tagKind(scope, tag.name);
  if (kind === null) return;
  const rawName = attribute(text, tag.attributes, 'name');
  const name = rawName === undefined ? undefined : decodeXmlReferences(rawName);
  source ??= walk.lines.sourceAt(offset);
  walk.shared ??= [...walk.ancestors];
  const { countKey, localName } = kind;
  walk.elements.push({
    countKey,
    localName,
    tag: tag.name,
    id,
    name,
    offset,
    source,
    ancestors: walk.shared,
  });
}

/** What a tag is in a scope: a counted BPMN element's kind and local name, or null (remembered per scope). */
function tagKind(scope: Scope, tag: string): TagKind | null {
  let kind = scope.tags.get(tag);
  if (kind !== undefined) return kind;
  const colon = tag.indexOf(':');
  const localName = colon === -1 ? tag : tag.slice(colon + 1);
  const countKey =
    scope.uris.get(colon === -1 ? '' : tag.slice(0, colon)) === BPMN_NAMESPACE
      ? countKeyOfLocalName(localName)
      : undefined;
  kind = countKey === undefined ? null : { countKey, localName };
  scope.tags.set(tag, kind);
  return kind;
}

/** The scope with this element's `xmlns` and `xmlns:p` declarations added (the same scope when it has none). */
function declareNamespaces(text: string, scope: Scope, attributes: readonly number[]): Scope {
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

function extensionAttributes(
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
