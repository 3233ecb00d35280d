/// <reference path="../bpmn-moddle.d.ts" />
import type { Diagnostic, SourceRef } from '@tracery/core';
import type { ModdleWarning } from 'bpmn-moddle';
import { bpmnDiagnostic } from '../diagnostics/bpmn-diagnostic.js';
import type { BpmnDiagnosticCode } from '../diagnostics/bpmn-diagnostic-codes.js';
import type { LineIndex } from './line-index.js';
import { isModdleElement } from './moddle-types.js';

/** A bpmn-moddle warning as a diagnostic, with the offset of the start tag it concerns when it gave one. */
export type ConvertedWarning = {
  readonly diagnostic: Diagnostic;
  readonly offset: number | undefined;
  readonly cause: string;
};

/** What the conversion needs to know about the file. */
export type WarningContext = {
  readonly file: string;
  readonly lines: LineIndex;
  readonly positions: ReadonlyMap<string, SourceRef>;
};

const UNPARSABLE =
  /^unparsable content (.*?) ?detected\n\tline: (\d+)\n\tcolumn: (\d+)\n\tnested error: (.*)$/s;
const NESTED: readonly (readonly [RegExp, BpmnDiagnosticCode])[] = [
  [/^illegal ID <(.*)>$/s, 'bpmn-illegal-id'],
  [/^duplicate ID <(.*)>$/s, 'bpmn-duplicate-id'],
  [/^unrecognized element <(.*)>$/s, 'bpmn-unrecognized-element'],
  [/^unknown type <(.*)>$/s, 'bpmn-unknown-type'],
];

/**
 * Turns one bpmn-moddle warning into a diagnostic that says what was lost and how to fix it.
 * Returns undefined for the encoding warning: the preflight decoded the file itself.
 */
export function convertModdleWarning(
  warning: ModdleWarning,
  context: WarningContext,
): ConvertedWarning | undefined {
  const { message } = warning;
  if (message.startsWith('unsupported document encoding')) return undefined;
  const unparsable = UNPARSABLE.exec(message);
  if (unparsable) return convertUnparsable(unparsable, context);
  const element = isModdleElement(warning.element) ? warning.element : undefined;
  const what = element
    ? `${element.$type}${element.id === undefined ? '' : ` "${element.id}"`}`
    : 'an element';
  const source = element?.id === undefined ? undefined : context.positions.get(element.id);
  const place = { elementId: element?.id, source };
  if (message.startsWith('unresolved reference')) {
    const text = `${what} refers in ${warning.property ?? 'a reference'} to "${warning.value ?? ''}", which the file does not hold; the reference was dropped.`;
    return {
      diagnostic: bpmnDiagnostic('bpmn-unresolved-reference', text, place),
      offset: undefined,
      cause: text,
    };
  }
  if (message.startsWith('unknown attribute')) {
    const text = `${message.replace(/^unknown attribute/, 'attribute')} on ${what} is not part of BPMN and was ignored.`;
    return {
      diagnostic: bpmnDiagnostic('bpmn-unknown-attribute', text, place),
      offset: undefined,
      cause: text,
    };
  }
  const text = `bpmn-moddle: ${message.replace(/\s+/g, ' ')}`;
  return { diagnostic: bpmnDiagnostic('bpmn-moddle-warning', text, place), offset: undefined, cause: text };
}

function convertUnparsable(match: RegExpExecArray, context: WarningContext): ConvertedWarning {
  const [, rawTag = '', line0 = '0', column0 = '0', nested = ''] = match;
  const offset = context.lines.offsetOf(Number(line0), Number(column0));
  const source = context.lines.sourceAt(offset);
  const tag = rawTag.startsWith('<') ? rawTag : `"${rawTag}"`;
  for (const [pattern, code] of NESTED) {
    const value = pattern.exec(nested)?.[1];
    if (value === undefined) continue;
    const { text, cause, elementId } = explain(code, tag, value, context);
    return { diagnostic: bpmnDiagnostic(code, text, { elementId, source }), offset, cause };
  }
  const text = `${tag} could not be read (bpmn-moddle: ${nested}), so it and everything inside it were ignored.`;
  return {
    diagnostic: bpmnDiagnostic('bpmn-moddle-warning', text, { source }),
    offset,
    cause: `of an error (${nested})`,
  };
}

function explain(
  code: BpmnDiagnosticCode,
  tag: string,
  value: string,
  context: WarningContext,
): { text: string; cause: string; elementId: string | undefined } {
  if (code === 'bpmn-illegal-id') {
    const cause = `its id "${value}" is not a valid XML name`;
    const text = `${tag} was not imported: ${cause} (use letters, digits, "_", "-" and "." only, not starting with a digit), so bpmn-moddle dropped it and everything inside it; rename the id in the modelling tool.`;
    return { text, cause, elementId: value };
  }
  if (code === 'bpmn-duplicate-id') {
    const first = context.positions.get(value);
    const where = first ? ` by the element at line ${first.line}, column ${first.column}` : '';
    const cause = `its id "${value}" is already used${where}`;
    const text = `${tag} was not imported: ${cause}, so bpmn-moddle dropped it and everything inside it; give it a unique id.`;
    return { text, cause, elementId: value };
  }
  if (code === 'bpmn-unknown-type') {
    const cause = `its xsi:type <${value}> is not a BPMN type`;
    return { text: `${tag} was ignored: ${cause}.`, cause, elementId: undefined };
  }
  const cause = `BPMN does not allow <${value}> where it stands`;
  return { text: `${tag} was ignored, with everything inside it: ${cause}.`, cause, elementId: undefined };
}
