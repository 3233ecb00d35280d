import { z } from 'zod';

/** How bad a diagnostic is. `error` fails validation; `warning` and `info` do not. */
export const SeveritySchema = z.enum(['error', 'warning', 'info']);
/** How bad a diagnostic is: `error` fails validation; `warning` and `info` do not. */
export type Severity = z.infer<typeof SeveritySchema>;

/** A place in a file: 1-based line and column, with an optional end. Paths are relative to the repository. */
export const SourceRefSchema = z.object({
  file: z.string(),
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  endLine: z.number().int().positive().optional(),
  endColumn: z.number().int().positive().optional(),
});
/** Where in a file something is: the file, and 1-based line and column when known. */
export type SourceRef = z.infer<typeof SourceRefSchema>;

/** One problem found in a user's data. Every diagnostic Tracery returns has this shape. */
export const DiagnosticSchema = z.object({
  code: z.string(),
  severity: SeveritySchema,
  message: z.string(),
  elementId: z.string().optional(),
  source: SourceRefSchema.optional(),
  related: z.array(z.object({ message: z.string(), source: SourceRefSchema })).optional(),
});
/** A problem found in the user's data: `{ code, severity, message, elementId?, source? }`, code from {@link DIAGNOSTIC_CODES}. */
export type Diagnostic = z.infer<typeof DiagnosticSchema>;

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/**
 * Orders diagnostics by file, line, column, code and message, so that output is reproducible.
 *
 * @example
 * const sorted = [...diagnostics].sort(compareDiagnostics);
 */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const fa = a.source?.file ?? '';
  const fb = b.source?.file ?? '';
  if (fa !== fb) return fa < fb ? -1 : 1;
  const la = a.source?.line ?? 0;
  const lb = b.source?.line ?? 0;
  if (la !== lb) return la - lb;
  const ca = a.source?.column ?? 0;
  const cb = b.source?.column ?? 0;
  if (ca !== cb) return ca - cb;
  if (a.severity !== b.severity) return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

/**
 * Formats a source reference the way compilers do: `file:line:col`.
 *
 * @example
 * formatSourceRef({ file: 'model/a.yaml', line: 3, column: 5 }) // 'model/a.yaml:3:5'
 */
export function formatSourceRef(source: SourceRef): string {
  return `${source.file}:${source.line}:${source.column}`;
}

/**
 * Renders one diagnostic as a line of text: `file:line:col: severity code: message`.
 *
 * @example
 * formatDiagnostic({ code: 'duplicate-id', severity: 'error', message: 'duplicate id "X"' })
 */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const where = diagnostic.source ? `${formatSourceRef(diagnostic.source)}: ` : '';
  const related = (diagnostic.related ?? [])
    .map((r) => `\n    ${formatSourceRef(r.source)}: ${r.message}`)
    .join('');
  return `${where}${diagnostic.severity} ${diagnostic.code}: ${diagnostic.message}${related}`;
}

/**
 * True when any diagnostic is an error.
 *
 * @example
 * if (hasErrors(repo.diagnostics)) process.exitCode = 1;
 */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
