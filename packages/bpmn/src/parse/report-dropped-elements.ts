import type { Diagnostic } from '@tracery/core';
import { bpmnDiagnostic } from '../diagnostics/bpmn-diagnostic.js';
import type { ConvertedWarning } from './convert-moddle-warning.js';
import type { LineIndex } from './line-index.js';
import type { RawAncestor, RawElement } from './scan-raw-xml.js';

/** The drops found, and the warnings they absorbed (they are reported once, as the drop). */
export type DroppedReport = {
  readonly diagnostics: Diagnostic[];
  readonly absorbed: ReadonlySet<ConvertedWarning>;
};

/**
 * Reports each raw element that bpmn-moddle dropped (as `findDroppedElements` finds them), with the warning
 * that explains it: its own, or the one of the enclosing element whose drop took it along.
 */
export function reportDroppedElements(
  dropped: readonly RawElement[],
  warnings: readonly ConvertedWarning[],
  lines: LineIndex,
): DroppedReport {
  const diagnostics: Diagnostic[] = [];
  const absorbed = new Set<ConvertedWarning>();
  if (dropped.length === 0) return { diagnostics, absorbed };
  const byOffset = new Map<number, ConvertedWarning>();
  for (const warning of warnings) if (warning.offset !== undefined) byOffset.set(warning.offset, warning);
  for (const element of dropped) {
    const own = byOffset.get(element.offset);
    if (own) absorbed.add(own);
    const message = `${describe(element)} was not imported: ${because(element, own, byOffset, lines)}; the model will miss it and what it holds, so fix the file in the modelling tool.`;
    diagnostics.push(
      bpmnDiagnostic('bpmn-element-dropped', message, { elementId: element.id, source: element.source }),
    );
  }
  return { diagnostics, absorbed };
}

function describe(element: RawElement): string {
  const id = element.id === undefined ? ' without an id' : ` "${element.id}"`;
  const name =
    element.name === undefined || element.name.trim() === '' ? '' : ` (${JSON.stringify(element.name)})`;
  return `${element.localName}${id}${name}`;
}

function because(
  element: RawElement,
  own: ConvertedWarning | undefined,
  byOffset: ReadonlyMap<number, ConvertedWarning>,
  lines: LineIndex,
): string {
  if (own) return `bpmn-moddle dropped it because ${own.cause}`;
  for (let i = element.ancestors.length - 1; i >= 0; i--) {
    const ancestor = element.ancestors[i] as RawAncestor;
    const warning = byOffset.get(ancestor.offset);
    if (!warning) continue;
    const at = lines.sourceAt(ancestor.offset);
    const id = ancestor.id === undefined ? '' : ` id="${ancestor.id}"`;
    return `it is inside <${ancestor.tag}${id}> (line ${at.line}, column ${at.column}), which bpmn-moddle dropped because ${warning.cause}`;
  }
  return 'bpmn-moddle left it out without saying why';
}
