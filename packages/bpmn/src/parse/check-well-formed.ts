import type { Diagnostic } from '@tracery/core';
import { XMLValidator } from 'fast-xml-parser';
import { bpmnDiagnostic } from '../diagnostics/bpmn-diagnostic.js';
import type { LineIndex } from './line-index.js';

const UNCLOSED = /^Invalid '\[(.*)\]' found\.$/s;

/**
 * A diagnostic with file, line and column when the text is not well-formed XML
 * (fast-xml-parser's validator), or undefined when it is.
 */
export function checkWellFormed(text: string, file: string, lines: LineIndex): Diagnostic | undefined {
  if (text.trim() === '') {
    return bpmnDiagnostic(
      'bpmn-empty-file',
      'the file is empty; a BPMN file starts with <bpmn:definitions>.',
      {
        source: { file, line: 1, column: 1 },
      },
    );
  }
  const result = XMLValidator.validate(text);
  if (result === true) return undefined;
  const { msg, line, col } = result.err;
  const unclosed = UNCLOSED.exec(msg);
  if (unclosed) {
    const tags = parseTagList(unclosed[1] ?? '');
    const message =
      `the file ends before ${tags.map((t) => `<${t}>`).join(', ')} ${tags.length === 1 ? 'is' : 'are'} closed; ` +
      'it looks truncated: save or copy it again.';
    return bpmnDiagnostic('bpmn-malformed-xml', message, { source: lines.sourceAt(text.trimEnd().length) });
  }
  const message = `not well-formed XML: ${msg.replace(/\.$/, '')}; fix the XML (a modelling tool will not write this).`;
  return bpmnDiagnostic('bpmn-malformed-xml', message, { source: { file, line, column: col ?? 1 } });
}

function parseTagList(list: string): string[] {
  try {
    const parsed: unknown = JSON.parse(`[${list}]`);
    if (Array.isArray(parsed)) return parsed.map(String);
  } catch {
    // fall through to the raw text
  }
  return [list.trim()];
}
