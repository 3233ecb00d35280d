import { createRequire } from 'node:module';
import type { Diagnostic } from '@tracery/core';
import type * as FastXmlParser from 'fast-xml-parser';
import { bpmnDiagnostic } from '../diagnostics/bpmn-diagnostic.js';
import type { LineIndex } from './line-index.js';

const UNCLOSED = /^Invalid '\[(.*)\]' found\.$/s;

let validator: (typeof FastXmlParser)['XMLValidator'] | undefined;

/**
 * fast-xml-parser's validator, loaded when a diagram is first checked, from the package's CommonJS
 * build (one file, about 6 ms) rather than its ES build (38 modules, about 37 ms through the ES module
 * loader), which every import of @tracery/bpmn paid, diagram or not (issue 17: start-up time).
 */
function xmlValidator(): (typeof FastXmlParser)['XMLValidator'] {
  validator ??= (createRequire(import.meta.url)('fast-xml-parser') as typeof FastXmlParser).XMLValidator;
  return validator;
}

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
  const result = xmlValidator().validate(text);
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
