import type { SourceRef } from '@tracery/core';

/** Turns offsets in a text into 1-based line and column positions in a file. */
export type LineIndex = {
  /** The position of the character at `offset` (a UTF-16 index into the text). */
  readonly sourceAt: (offset: number) => SourceRef;
  /** The offset of a 0-based line and column, as saxen (inside bpmn-moddle) reports them. */
  readonly offsetOf: (line0: number, column0: number) => number;
};

/**
 * Indexes the line starts of a text once, so that each position is a binary search.
 * Lines end at `\n` (so `\r\n` too), which is how both fast-xml-parser and saxen count them.
 */
export function createLineIndex(text: string, file: string): LineIndex {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  // The scan asks in increasing order, a line or two apart: try the lines after the last answer first.
  let last = 0;
  const lineOf = (offset: number): number => {
    if ((starts[last] ?? 0) <= offset) {
      for (let line = last, stop = Math.min(last + 4, starts.length - 1); ; line++) {
        if (line === starts.length - 1 || (starts[line + 1] ?? 0) > offset) {
          last = line;
          return line;
        }
        if (line === stop) break;
      }
    }
    last = search(offset);
    return last;
  };
  const search = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return {
    sourceAt: (offset) => {
      const line = lineOf(offset);
      return { file, line: line + 1, column: offset - (starts[line] ?? 0) + 1 };
    },
    offsetOf: (line0, column0) => (starts[line0] ?? text.length) + column0,
  };
}
