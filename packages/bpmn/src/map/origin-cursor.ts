import type { Origin } from '@tracery/core';
import { countKeyOfType } from '../parse/bpmn-counts.js';
import type { ModdleElement } from '../parse/moddle-types.js';
import { PositionIndex } from '../parse/position-index.js';
import type { RawElement } from '../parse/scan-raw-xml.js';
import { type MappingContext, originOf } from './mapping-context.js';

/** How far past the last raw element found the cursor looks: lanes, data objects and drops lie between. */
const LOOKAHEAD = 16;

/**
 * The origins of the elements of a walk over bpmn-moddle's tree in document order (the flow elements
 * of each process, sub-processes' inside their own), read from the raw elements, which are in document
 * order and hold each one's position, rather than looked up by id: the raw element with the id is at
 * most a few places past the last one found. Only when no id is on two elements, so that the raw
 * element with an id has the position {@link originOf} gives; an element the window does not hold (the
 * walk left document order, or its kind is not counted) is looked up as before. The answers are
 * {@link originOf}'s in every case.
 */
export function createOriginCursor(
  context: MappingContext,
): (element: ModdleElement, type: string, id?: string) => Origin {
  const { positions, rawElements: raw } = context.parsed;
  if (!(positions instanceof PositionIndex) || positions.idsRepeat)
    return (element) => originOf(context, element);
  let next = 0;
  // `id`, when the caller has read it already: the element's own (a read of each element costs).
  return (element, type, id = element.id) => {
    if (id === undefined || countKeyOfType(type) === undefined) return originOf(context, element);
    for (let k = next, stop = Math.min(raw.length, next + LOOKAHEAD); k < stop; k++) {
      const candidate = raw[k] as RawElement;
      if (candidate.id === id) {
        next = k + 1;
        return candidate.source;
      }
    }
    // Not in the window (the walk moved to another process, or past many lanes): look it up by id, and
    // go on from its raw element, found by its position (raw elements are in document order).
    const origin = originOf(context, element);
    const k = indexAt(raw, origin);
    if (k !== -1 && raw[k]?.id === id) next = k + 1;
    return origin;
  };
}

/** The index of the raw element at a position, by binary search; -1 when none is there. */
function indexAt(raw: readonly RawElement[], at: Origin): number {
  let lo = 0;
  let hi = raw.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const { line, column } = (raw[mid] as RawElement).source;
    if (line === at.line && column === at.column) return mid;
    if (line < at.line || (line === at.line && column < at.column)) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
