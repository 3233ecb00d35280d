import type { Severity } from '@tracery/core';

/** One entry of {@link BPMN_DIAGNOSTIC_CODES}: the default severity and what the code means. */
export type BpmnDiagnosticCodeInfo = { readonly severity: Severity; readonly summary: string };

/**
 * Every diagnostic code that `@tracery/bpmn` reports, with its severity and meaning.
 * Codes are kebab-case, prefixed `bpmn-`, and stable: scripts and suppressions refer to them.
 *
 * @example
 * BPMN_DIAGNOSTIC_CODES['bpmn-doctype-refused'].severity // 'error'
 */
export const BPMN_DIAGNOSTIC_CODES = {
  // Reading the bytes.
  'bpmn-unsupported-encoding': {
    severity: 'error',
    summary: 'the declared encoding is not one this runtime can decode',
  },
  'bpmn-invalid-encoding': { severity: 'error', summary: 'the bytes are not valid in the declared encoding' },
  'bpmn-suspect-encoding': {
    severity: 'warning',
    summary: 'the file declares a single-byte encoding but its bytes read as UTF-8',
  },
  // Reading the XML.
  'bpmn-empty-file': { severity: 'error', summary: 'the file holds no XML' },
  'bpmn-doctype-refused': {
    severity: 'error',
    summary: 'the file has a DOCTYPE (entity declarations, external entities); BPMN needs none',
  },
  'bpmn-malformed-xml': { severity: 'error', summary: 'the file is not well-formed XML' },
  'bpmn-not-bpmn': { severity: 'error', summary: 'the XML is not a BPMN 2.0 definitions document' },
  // What bpmn-moddle made of it.
  'bpmn-element-dropped': {
    severity: 'error',
    summary: 'an element in the XML did not survive the import (bpmn-moddle dropped it or its parent)',
  },
  'bpmn-illegal-id': {
    severity: 'warning',
    summary: 'an id is not a valid XML name, so its element was dropped',
  },
  'bpmn-duplicate-id': {
    severity: 'warning',
    summary: 'an id is used twice, so the second element was dropped',
  },
  'bpmn-unrecognized-element': { severity: 'warning', summary: 'an element is not allowed where it stands' },
  'bpmn-unknown-type': { severity: 'warning', summary: 'an xsi:type names a type that BPMN does not define' },
  'bpmn-unknown-attribute': {
    severity: 'info',
    summary: 'an attribute that BPMN does not define was ignored',
  },
  'bpmn-unresolved-reference': {
    severity: 'warning',
    summary: 'a reference names an id that the file does not hold',
  },
  'bpmn-moddle-warning': { severity: 'warning', summary: 'another warning from bpmn-moddle' },
  // Mapping to the model.
  'bpmn-process-without-id': {
    severity: 'error',
    summary: 'no business process id was found for a process (naming convention or tracery:id)',
  },
  'bpmn-process-id-shared': {
    severity: 'warning',
    summary:
      'two processes of one diagram would take the same business process id; with createMissing each gets its own',
  },
  'bpmn-unmatched-performer': { severity: 'warning', summary: 'a lane or pool matches no Service or Role' },
  'bpmn-ambiguous-match': { severity: 'warning', summary: 'a name matches several elements of the model' },
  'bpmn-unmatched-data': {
    severity: 'warning',
    summary: 'a data object or data store matches no data element',
  },
  'bpmn-message-flow-without-interface': {
    severity: 'warning',
    summary: 'a message flow names no interface (IF-nnn in its name, its message, or tracery:interface)',
  },
  'bpmn-message-end-unmapped': {
    severity: 'warning',
    summary: 'an end of a message flow is neither a step nor a pool or lane that maps to a Service or Role',
  },
  'bpmn-unknown-reference': {
    severity: 'warning',
    summary: 'a tracery: attribute names an id the model does not hold',
  },
  'bpmn-kind-conflict': {
    severity: 'error',
    summary: 'an id from the diagram belongs to a model element of another kind',
  },
  'bpmn-unmapped-type': { severity: 'info', summary: 'a flow node type has no rule in the mapping table' },
  // Notation conventions (checkBpmnNotation; rules of the same ids).
  'bpmn-unlabelled-task': { severity: 'warning', summary: 'an activity has no label' },
  'bpmn-disconnected-flow-node': {
    severity: 'warning',
    summary: 'a flow node has no incoming and no outgoing sequence flow',
  },
  'bpmn-start-event-required': {
    severity: 'warning',
    summary: 'a process or sub-process has no start event',
  },
  'bpmn-end-event-required': { severity: 'warning', summary: 'a process or sub-process has no end event' },
  // Loading diagrams with a repository.
  'bpmn-file-unreadable': {
    severity: 'error',
    summary: 'a diagram file could not be read, or is over the repository size limit',
  },
  'bpmn-model-disagreement': {
    severity: 'warning',
    summary: 'the diagram relates an element to one that the model files do not list among its own',
  },
} as const satisfies Readonly<Record<string, BpmnDiagnosticCodeInfo>>;

/** A diagnostic code from {@link BPMN_DIAGNOSTIC_CODES}. */
export type BpmnDiagnosticCode = keyof typeof BPMN_DIAGNOSTIC_CODES;
