import type { Diagnostic } from '@tracery/core';
import { findMarkupDeclaration } from '@tracery/core/advanced';
import { bpmnDiagnostic } from '../diagnostics/bpmn-diagnostic.js';
import type { LineIndex } from './line-index.js';

/**
 * A diagnostic when the text holds a DOCTYPE or an entity declaration (core's one guard,
 * `findMarkupDeclaration`: never inside comments or CDATA). They are refused, not parsed: entities can
 * read local files (XXE) or expand without bound (billion laughs), and no BPMN file needs one.
 */
export function refuseDoctype(text: string, lines: LineIndex): Diagnostic | undefined {
  const found = findMarkupDeclaration(text);
  return found
    ? bpmnDiagnostic('bpmn-doctype-refused', describe(text, found.offset), {
        source: lines.sourceAt(found.offset),
      })
    : undefined;
}

function describe(text: string, at: number): string {
  const declaration = text.slice(at, findDeclarationEnd(text, at));
  const entities = declaration.match(/<!ENTITY\b/gi)?.length ?? 0;
  const external = /<!ENTITY\s+%?\s*[^\s>]+\s+(SYSTEM|PUBLIC)\b[^>]*/i.exec(declaration);
  const what =
    entities === 0
      ? 'a DOCTYPE'
      : `a DOCTYPE that declares ${entities} ${entities === 1 ? 'entity' : 'entities'}` +
        (external ? `, one of them external (${external[0].replace(/\s+/g, ' ').slice(0, 80)})` : '');
  return (
    `the file has ${what}; it was refused and nothing was read, because entities can read local files (XXE) ` +
    'or expand without bound (entity bombs). BPMN files need no DOCTYPE: remove it and use the characters themselves.'
  );
}

/** The end of a DOCTYPE, past its internal subset when it has one. */
function findDeclarationEnd(text: string, at: number): number {
  const subsetEnd = text.indexOf(']>', at);
  const tagEnd = text.indexOf('>', at);
  const openSubset = text.indexOf('[', at);
  if (openSubset !== -1 && openSubset < tagEnd && subsetEnd !== -1) return subsetEnd + 2;
  return tagEnd === -1 ? text.length : tagEnd + 1;
}
