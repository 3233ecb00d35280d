import type { Diagnostic, Severity, SourceRef } from '@tracery/core';

/**
 * Every diagnostic code that `@tracery/reqif` reports, with its severity and meaning.
 * Codes are kebab-case, prefixed `reqif-`, and stable: scripts and suppressions refer to them.
 */
export const REQIF_DIAGNOSTIC_CODES = {
  'reqif-empty-file': { severity: 'error', summary: 'the file holds no XML' },
  'reqif-doctype-refused': {
    severity: 'error',
    summary: 'the file has a DOCTYPE (entity declarations, external entities); ReqIF needs none',
  },
  'reqif-malformed-xml': { severity: 'error', summary: 'the file is not well-formed XML' },
  'reqif-not-reqif': { severity: 'error', summary: 'the XML is not a ReqIF document (no REQ-IF root)' },
  'reqif-bad-archive': {
    severity: 'error',
    summary: 'a .reqifz archive could not be read or holds no .reqif file',
  },
  'reqif-unknown-type': {
    severity: 'warning',
    summary: 'an object or relation names a spec type the file does not define',
  },
  'reqif-unknown-definition': {
    severity: 'info',
    summary: 'a value fills an attribute definition its type does not declare; it was read by its own id',
  },
  'reqif-unresolved-reference': {
    severity: 'warning',
    summary: 'a relation or hierarchy names a spec object the file does not hold; the link was left out',
  },
  'reqif-unmapped-attribute': {
    severity: 'info',
    summary:
      'an attribute has no place in the kind it maps to; add it to reqif.attributes in tracery.yaml to keep it',
  },
  'reqif-bad-value': {
    severity: 'warning',
    summary: 'a value does not fit the attribute it maps to; it was left out',
  },
  'reqif-unnamed-object': {
    severity: 'warning',
    summary: 'a spec object has no name, title or text; it was named after its identifier',
  },
  'reqif-relation-not-allowed': {
    severity: 'warning',
    summary: 'the metamodel does not allow the mapped relation between these kinds; it was left out',
  },
  'reqif-id-conflict': {
    severity: 'error',
    summary: 'a mapped id belongs to another element of the repository or of the file',
  },
} as const satisfies Readonly<Record<string, { readonly severity: Severity; readonly summary: string }>>;

/** A code of {@link REQIF_DIAGNOSTIC_CODES}. */
export type ReqifDiagnosticCode = keyof typeof REQIF_DIAGNOSTIC_CODES;

/** Builds a diagnostic with the severity that {@link REQIF_DIAGNOSTIC_CODES} gives its code. */
export function reqifDiagnostic(
  code: ReqifDiagnosticCode,
  message: string,
  place: { readonly elementId?: string | undefined; readonly source?: SourceRef | undefined } = {},
): Diagnostic {
  const diagnostic: Diagnostic = { code, severity: REQIF_DIAGNOSTIC_CODES[code].severity, message };
  if (place.elementId !== undefined) diagnostic.elementId = place.elementId;
  if (place.source !== undefined) diagnostic.source = place.source;
  return diagnostic;
}
