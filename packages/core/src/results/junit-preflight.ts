import { XMLValidator } from 'fast-xml-parser';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

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
 * Checks a JUnit file before it is parsed: a DOCTYPE or an entity declaration is refused (an entity
 * bomb is never expanded; JUnit reports do not need either), and XML that is not well formed gives a
 * diagnostic with its line and column. Returns undefined when the file may be parsed.
 */
export function junitPreflight(text: string, file: string): Diagnostic | undefined {
  const declaration = /<!(DOCTYPE|ENTITY)\b/i.exec(text);
  if (declaration) {
    const at = positionAt(text, declaration.index);
    return {
      code: 'junit-doctype',
      severity: 'error',
      source: { file, ...at },
      message: `${file}: the report declares a ${declaration[1]!.toUpperCase()}, which Tracery refuses (entities could expand without bound); JUnit reports need none, so remove it.`,
    };
  }
  const valid = XMLValidator.validate(text);
  if (valid === true) return undefined;
  const { line, col, msg } = valid.err;
  return {
    code: 'junit-syntax',
    severity: 'error',
    source: { file, line: Math.max(1, line), column: Math.max(1, col) },
    message: `${file}: not well-formed XML: ${msg}`,
  };
}
