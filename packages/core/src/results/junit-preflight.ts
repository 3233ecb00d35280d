import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { fastXmlParser } from '../xml/fast-xml-parser.js';
import { findMarkupDeclaration } from '../xml/find-markup-declaration.js';

const at1 = (n: number) => (Number.isFinite(n) && n >= 1 ? n : 1);

/** Line and column (1-based) of a character offset in a text. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Checks a JUnit file before it is parsed: a DOCTYPE or an entity declaration in the prolog is
 * refused (an entity bomb is never expanded; JUnit reports need neither), one after the root element
 * starts is not well-formed XML, and XML that is not well formed gives a diagnostic with its line and
 * column. Text in CDATA and comments is never a declaration: a test that prints an HTML page keeps
 * its report. Returns undefined when the file may be parsed.
 */
export function junitPreflight(text: string, file: string): Diagnostic | undefined {
  const declaration = findMarkupDeclaration(text);
  if (declaration) {
    const at = positionAt(text, declaration.offset);
    return declaration.inProlog
      ? {
          code: 'junit-doctype',
          severity: 'error',
          source: { file, ...at },
          message: `${file}: the report declares a ${declaration.keyword}, which Tracery refuses (entities could read local files or expand without bound); JUnit reports need none, so remove it.`,
        }
      : {
          code: 'junit-syntax',
          severity: 'error',
          source: { file, ...at },
          message: `${file}: not well-formed XML: <!${declaration.keyword} inside the root element (a declaration belongs before it; text that shows one belongs in CDATA or escaped as &lt;!${declaration.keyword}).`,
        };
  }
  const valid = fastXmlParser().XMLValidator.validate(text);
  if (valid === true) return undefined;
  const { line, col, msg } = valid.err;
  return {
    code: 'junit-syntax',
    severity: 'error',
    // The validator gives no position for some inputs (an empty text, `<?>`): the start of the file then.
    source: { file, line: at1(line), column: at1(col) },
    message: `${file}: not well-formed XML: ${msg}`,
  };
}
