import { isMap, isScalar, type LineCounter, type Node, type ParsedNode } from 'yaml';
import type { SourceRef } from '../diagnostics/diagnostic.js';

/** A parsed YAML file with what is needed to turn node ranges into file positions. */
export type YamlSource = { readonly file: string; readonly lineCounter: LineCounter };

/** The file position of a character offset. */
export function positionAt(source: YamlSource, offset: number): SourceRef {
  const { line, col } = source.lineCounter.linePos(offset);
  return { file: source.file, line, column: col };
}

/** The file position of a YAML node (its start, and its end on the same line or later). */
export function positionOf(source: YamlSource, node: Node | null | undefined): SourceRef {
  const range = node?.range;
  if (!range) return { file: source.file, line: 1, column: 1 };
  const start = positionAt(source, range[0]);
  const end = source.lineCounter.linePos(range[1]);
  return { ...start, endLine: end.line, endColumn: end.col };
}

/** The key node of `key` in a YAML map, for pointing at a field name. */
export function keyNode(map: ParsedNode | null | undefined, key: string): Node | undefined {
  if (!isMap(map)) return undefined;
  for (const pair of map.items) {
    if (isScalar(pair.key) && String(pair.key.value) === key) return pair.key;
  }
  return undefined;
}

/**
 * The deepest node along `path` that exists: the value at the path, or the closest parent.
 * Used to place a schema problem at the offending value.
 */
export function nodeAtPath(
  root: ParsedNode | null | undefined,
  path: readonly PropertyKey[],
): Node | undefined {
  let current: unknown = root;
  for (const segment of path) {
    const next =
      current !== null && typeof current === 'object' && 'get' in current && typeof current.get === 'function'
        ? (current as { get(k: unknown, keep: boolean): unknown }).get(segment, true)
        : undefined;
    if (next === undefined || next === null || typeof next !== 'object') break;
    current = next;
  }
  return current as Node | undefined;
}
