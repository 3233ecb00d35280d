import { isMap, isScalar, isSeq, type LineCounter, type YAMLMap } from 'yaml';
import type { SourceRef } from '../diagnostics/diagnostic.js';
import { SpanNode } from './span-node.js';

/**
 * A node that can be located in its file: a node of the `yaml` package or a {@link SpanNode} of the fast
 * parser. Both have a character `range`.
 */
export type LocatableNode = { readonly range?: readonly number[] | null | undefined };

/** A map node of either parser. */
export type MapNode = YAMLMap.Parsed | SpanNode;

/** True when a node of either parser is a map. */
export function isMapNode(node: unknown): node is MapNode {
  return isMap(node) || (node instanceof SpanNode && node.kind === 'map');
}

/** True when a node of either parser is a sequence. */
export function isSeqNode(node: unknown): node is { readonly items: readonly unknown[] } {
  return isSeq(node) || (node instanceof SpanNode && node.kind === 'seq');
}

/** A parsed YAML file with what is needed to turn node ranges into file positions. */
export type YamlSource = {
  readonly file: string;
  readonly lineCounter: LineCounter;
  /** The text, so that a range's end can skip the blank lines and spaces after a value. */
  readonly text?: string;
};

// The last line found, and in which file: look-ups mostly move forward through one file at a time, so
// the next one is usually on the same line or just after, and needs no binary search.
let lastCounter: LineCounter | undefined;
let lastLine = 0;

/** The 0-based line of an offset: exactly what `LineCounter.linePos` gives, faster on forward reads. */
function lineIndex(counter: LineCounter, offset: number): number {
  const starts = counter.lineStarts;
  if (counter === lastCounter) {
    let line = lastLine;
    // The same line, or one of the next two: no search.
    for (let step = 0; step < 3 && line < starts.length; step++, line++) {
      if (starts[line]! > offset) break;
      if (line + 1 >= starts.length || starts[line + 1]! > offset) {
        lastLine = line;
        return line;
      }
    }
  }
  const found = counter.linePos(offset).line - 1;
  if (found >= 0) {
    lastCounter = counter;
    lastLine = found;
  }
  return found;
}

/** The file position of a character offset. */
export function positionAt(source: YamlSource, offset: number): SourceRef {
  const line = lineIndex(source.lineCounter, offset);
  const starts = source.lineCounter.lineStarts;
  return line < 0
    ? { file: source.file, line: 0, column: offset }
    : { file: source.file, line: line + 1, column: offset - starts[line]! + 1 };
}

/** The end of a node's content: before trailing spaces, blank lines and whole-line comments. */
function contentEnd(text: string, start: number, end: number): number {
  let e = end;
  for (;;) {
    while (e > start && text.charCodeAt(e - 1) <= 32) e--;
    const lineStart = text.lastIndexOf('\n', e - 1) + 1;
    if (lineStart <= start) return e;
    let first = lineStart;
    while (first < e && (text.charCodeAt(first) === 32 || text.charCodeAt(first) === 9)) first++;
    if (text.charCodeAt(first) !== 35 /* # */) return e;
    e = lineStart;
  }
}

/** The file position of a YAML node (its start, and its end on the same line or later). */
export function positionOf(source: YamlSource, node: LocatableNode | null | undefined): SourceRef {
  let startOffset: number;
  let endOffset: number;
  if (node instanceof SpanNode) {
    startOffset = node.start;
    endOffset = node.end;
  } else {
    const range = node?.range;
    if (!range) return { file: source.file, line: 1, column: 1 };
    startOffset = range[0] ?? 0;
    endOffset = range[1] ?? startOffset;
  }
  const text = source.text;
  if (text !== undefined) endOffset = contentEnd(text, startOffset, endOffset);
  const starts = source.lineCounter.lineStarts;
  const line = lineIndex(source.lineCounter, startOffset);
  const endLine = lineIndex(source.lineCounter, endOffset);
  // One literal, not a spread of the start: V8 gives spread copies made here a hidden class each
  // (about 100 bytes more per position; a model keeps one per element and per relation).
  return {
    file: source.file,
    line: line < 0 ? 0 : line + 1,
    column: line < 0 ? startOffset : startOffset - starts[line]! + 1,
    endLine: endLine < 0 ? 0 : endLine + 1,
    endColumn: endLine < 0 ? endOffset : endOffset - starts[endLine]! + 1,
  };
}

/** The key node of `key` in a YAML map, for pointing at a field name. */
export function keyNode(map: unknown, key: string): LocatableNode | undefined {
  if (map instanceof SpanNode) return map.keyOf(key);
  if (!isMap(map)) return undefined;
  for (const pair of map.items) {
    if (isScalar(pair.key) && String(pair.key.value) === key) return pair.key;
  }
  return undefined;
}

/** The node at one key or index under `current`, or undefined when there is none (one step of {@link nodeAtPath}). */
export function childNode(current: unknown, segment: PropertyKey): LocatableNode | undefined {
  const next =
    current !== null && typeof current === 'object' && 'get' in current && typeof current.get === 'function'
      ? (current as { get(k: unknown, keep: boolean): unknown }).get(segment, true)
      : undefined;
  return next === undefined || next === null || typeof next !== 'object'
    ? undefined
    : (next as LocatableNode);
}

/**
 * The deepest node along `path` that exists: the value at the path, or the closest parent.
 * Used to place a schema problem at the offending value.
 */
export function nodeAtPath(root: unknown, path: readonly PropertyKey[]): LocatableNode | undefined {
  let current: unknown = root;
  for (const segment of path) {
    const next = childNode(current, segment);
    if (next === undefined) break;
    current = next;
  }
  return current as LocatableNode | undefined;
}
