import type { SourceRef } from '@tracery/core';
import type { BpmnCountKey } from './bpmn-counts.js';
import type { LineIndex } from './line-index.js';
import {
  declareNamespaces,
  extensionAttributes,
  type Scope,
  type TagKind,
  tagKind,
  XML_SCOPE,
} from './namespace-scope.js';
import { nextOccurrence } from './next-occurrence.js';
import { PositionIndex } from './position-index.js';
import {
  attributeValue,
  badAmpersand,
  emptyStartTag,
  isXmlName,
  readStartTag,
  type ScanProblem,
  type StartTag,
  type TextMarks,
  textIs,
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
  /**
   * True when some id is on more than one element (not counting the ids in a deferred diagram, which is
   * enough for the comparison with bpmn-moddle: a counted element is never deferred).
   */
  readonly idsRepeat: boolean;
  /** The first well-formedness problem, if any: then the rest of the scan is incomplete. */
  readonly problem: ScanProblem | undefined;
};

type Walk = {
  readonly text: string;
  readonly lines: LineIndex;
  readonly marks: TextMarks;
  /** Filled again for each start tag. */
  readonly tag: StartTag;
  readonly elements: RawElement[];
  readonly positions: PositionIndex;
  readonly extensions: Map<string, Record<string, string>>;
  /**
   * The open elements, outermost first: tag, id and start-tag offset of each (three stacks, so that
   * opening an element allocates nothing), and the scope of each.
   */
  readonly openTags: string[];
  readonly openIds: (string | undefined)[];
  readonly openOffsets: number[];
  readonly scopes: Scope[];
  /**
   * The open elements as `RawAncestor`s, shared by the counted elements recorded while they are open:
   * valid while the elements open when it was made stay open (undefined: none made, or one closed since).
   */
  shared: readonly RawAncestor[] | undefined;
  idsRepeat: boolean;
  /**
   * The open `bpmndi:BPMNDiagram` whose ids are not indexed as the scan goes: how many elements enclose
   * it (-1: none open) and the offset of its start tag. Its elements are open without their id (`openIds`).
   */
  diagramDepth: number;
  diagramStart: number;
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
    tag: emptyStartTag(),
    elements: [],
    positions: new PositionIndex(text, lines),
    extensions: new Map(),
    openTags: [],
    openIds: [],
    openOffsets: [],
    scopes: [],
    shared: undefined,
    idsRepeat: false,
    diagramDepth: -1,
    diagramStart: 0,
  };
  const problem = scan(walk);
  walk.positions.idsRepeat = walk.idsRepeat;
  return {
    elements: walk.elements,
    positions: walk.positions,
    extensionAttributes: walk.extensions,
    idsRepeat: walk.idsRepeat,
    problem,
  };
}

function scan(walk: Walk): ScanProblem | undefined {
  const { text, openTags: stack } = walk;
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
    if (typeof step !== 'number') return step;
    i = step;
  }
  const open = stack.at(-1);
  if (open !== undefined) return { offset: text.length, message: `the file ends before <${open}> is closed` };
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

function skipMarkup(text: string, lt: number, inside: boolean): number | ScanProblem {
  if (text.startsWith('<!--', lt)) {
    const close = text.indexOf('-->', lt + 4);
    return close === -1 ? { offset: lt, message: 'a comment that is not closed' } : close + 3;
  }
  if (text.startsWith('<![CDATA[', lt) && inside) {
    const close = text.indexOf(']]>', lt + 9);
    return close === -1 ? { offset: lt, message: 'a CDATA section that is not closed' } : close + 3;
  }
  return { offset: lt, message: `unexpected markup "${text.slice(lt, lt + 12)}"` };
}

function skipInstruction(text: string, lt: number): number | ScanProblem {
  const close = text.indexOf('?>', lt + 2);
  if (close === -1) return { offset: lt, message: 'a processing instruction that is not closed' };
  const target = /^[^\s?]*/.exec(text.slice(lt + 2, Math.min(close, lt + 42)))?.[0] ?? '';
  if (!isXmlName(target)) return { offset: lt, message: 'a processing instruction without a valid target' };
  if (target.toLowerCase() === 'xml' && lt !== 0)
    return { offset: lt, message: 'an XML declaration that is not at the start of the file' };
  return close + 2;
}

function closeElement(walk: Walk, lt: number): number | ScanProblem {
  const { text } = walk;
  const close = text.indexOf('>', lt + 2);
  if (close === -1) return { offset: lt, message: 'an end tag that is not closed' };
  const open = walk.openTags.pop();
  walk.openIds.pop();
  walk.openOffsets.pop();
  walk.scopes.pop();
  if (walk.shared !== undefined && walk.openTags.length < walk.shared.length) walk.shared = undefined;
  // The common case, `</tag>` closing <tag>, is compared in place; anything else is read as a name.
  if (open !== undefined && close - (lt + 2) === open.length && textIs(text, lt + 2, open))
    return closed(walk, close + 1);
  const name = text.slice(lt + 2, close).trimEnd();
  if (open === undefined) return { offset: lt, message: `</${name}> closes no element` };
  if (open !== name) return { offset: lt, message: `</${name}> closes <${open}>` };
  return closed(walk, close + 1);
}

/** After an end tag: a diagram closed by it leaves its ids to the index, to read when asked. */
function closed(walk: Walk, end: number): number {
  if (walk.openTags.length === walk.diagramDepth) {
    walk.positions.defer(walk.diagramStart, end);
    walk.diagramDepth = -1;
  }
  return end;
}

function openElement(walk: Walk, lt: number): number | ScanProblem {
  const { text, tag } = walk;
  const problem = readStartTag(text, lt, tag, walk.marks);
  if (problem) return problem;
  const scope = declareNamespaces(text, walk.scopes.at(-1) ?? XML_SCOPE, tag);
  const kind = tagKind(scope, tag.name);
  if (kind.opensDiagram && walk.diagramDepth === -1 && !tag.selfClosing) {
    walk.diagramDepth = walk.openTags.length;
    walk.diagramStart = lt;
  }
  let id: string | undefined;
  // In a diagram, only a counted element or a `tracery:` attribute (neither belongs there) needs indexing:
  // then the diagram is indexed as the scan goes from here on, and its open elements get their ids.
  const deferred =
    walk.diagramDepth !== -1 &&
    kind.countKey === undefined &&
    extensionAttributes(text, scope, tag) === undefined;
  if (!deferred) {
    if (walk.diagramDepth !== -1) indexDiagramFrom(walk, lt);
    const rawId = attributeValue(text, tag, 'id');
    id = rawId === undefined ? undefined : decodeXmlReferences(rawId);
    record(walk, scope, kind, id, lt);
  }
  if (!tag.selfClosing) {
    walk.openTags.push(tag.name);
    walk.openIds.push(id);
    walk.openOffsets.push(lt);
    walk.scopes.push(scope);
  }
  return tag.end;
}

/**
 * Stops deferring the open diagram at `offset`: what came before is left to the index, and the diagram's
 * open elements, which were opened without their ids, get them.
 */
function indexDiagramFrom(walk: Walk, offset: number): void {
  walk.positions.defer(walk.diagramStart, offset);
  const tag = emptyStartTag();
  for (let k = walk.diagramDepth; k < walk.openTags.length; k++) {
    readStartTag(walk.text, walk.openOffsets[k] as number, tag, walk.marks);
    const rawId = attributeValue(walk.text, tag, 'id');
    walk.openIds[k] = rawId === undefined ? undefined : decodeXmlReferences(rawId);
  }
  walk.shared = undefined;
  walk.diagramDepth = -1;
}

function record(walk: Walk, scope: Scope, kind: TagKind, id: string | undefined, offset: number): void {
  const { text, tag } = walk;
  let source: SourceRef | undefined;
  if (id !== undefined) {
    if (walk.positions.has(id)) walk.idsRepeat = true;
    else {
      source = walk.lines.sourceAt(offset);
      walk.positions.set(id, source);
    }
    const extension = extensionAttributes(text, scope, tag);
    if (extension !== undefined && !walk.extensions.has(id)) walk.extensions.set(id, extension);
  }
  if (kind.countKey === undefined) return;
  const rawName = attributeValue(text, tag, 'name');
  const name = rawName === undefined ? undefined : decodeXmlReferences(rawName);
  source ??= walk.lines.sourceAt(offset);
  if (walk.shared === undefined || walk.shared.length !== walk.openTags.length)
    walk.shared = ancestorsOf(walk);
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

/** The open elements as the `ancestors` of a counted element. */
function ancestorsOf(walk: Walk): RawAncestor[] {
  const ancestors: RawAncestor[] = [];
  for (let k = 0; k < walk.openTags.length; k++)
    ancestors.push({
      tag: walk.openTags[k] as string,
      id: walk.openIds[k],
      offset: walk.openOffsets[k] as number,
    });
  return ancestors;
}
