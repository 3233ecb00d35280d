import type { Diagnostic, SourceRef } from '@tracery/core';
import { BPMN_DIAGNOSTIC_CODES, type BpmnDiagnosticCode } from './bpmn-diagnostic-codes.js';

/** Where a diagnostic points: the element it is about and its place in the file. */
export type DiagnosticPlace = {
  readonly elementId?: string | undefined;
  readonly source?: SourceRef | undefined;
};

/** Builds a diagnostic with the severity that {@link BPMN_DIAGNOSTIC_CODES} gives its code. */
export function bpmnDiagnostic(
  code: BpmnDiagnosticCode,
  message: string,
  place: DiagnosticPlace = {},
): Diagnostic {
  const diagnostic: Diagnostic = { code, severity: BPMN_DIAGNOSTIC_CODES[code].severity, message };
  if (place.elementId !== undefined) diagnostic.elementId = place.elementId;
  if (place.source !== undefined) diagnostic.source = place.source;
  return diagnostic;
}
