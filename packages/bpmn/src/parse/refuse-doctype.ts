import type { Diagnostic } from '@tracery/core';
import { bpmnDiagnostic } from '../diagnostics/bpmn-diagnostic.js';
import type { LineIndex } from './line-index.js';

const MARKUP_DECLARATION = /^<!(DOCTYPE|ENTITY)\b/i;

/**
 * A diagnostic when the text holds a DOCTYPE or an entity declaration outside comments and CDATA.
 * They are refused, not parsed: entities can read local files (XXE) or expand without bound
 * (billion laughs), and no BPMN file needs one.
 */
export function refuseDoctype(text: string, lines: LineIndex): Diagnostic | undefined {
  for (let at = text.indexOf('<!'); at !== -1; at = text.indexOf('<!', at + 2)) {
    if (text.startsWith('<!--', at)) {
      const end = text.indexOf('-->', at + 4);
      if (end === -1) return undefined;
      at = end;
    } else if (text.startsWith('<![CDATA[', at)) {
      const end = text.indexOf(']]>', at + 9);
      if (end === -1) return undefined;
      at = end;
    } else if (MARKUP_DECLARATION.test(text.slice(at, at + 10))) {
      return bpmnDiagnostic('bpmn-doctype-refused', describe(text, at), { source: lines.sourceAt(at) });
    }
  }
  return undefined;
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
