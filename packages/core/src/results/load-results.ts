import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import { compareDiagnostics } from '../diagnostics/diagnostic.js';
import { discoverFiles } from '../repository/discover-files.js';
import { readSourceFile, repositoryPath } from '../repository/read-source-file.js';
import { DEFAULT_LIMITS } from '../repository/repository-config.js';
import { parseJunit } from './parse-junit.js';
import type { TestReport } from './test-result.js';

/** Where JUnit reports are when tracery.yaml does not say (`sources.results`). */
export const DEFAULT_RESULT_GLOBS: readonly string[] = ['results/**/*.xml'];

/** The reports read from a repository (in file order), with every problem found in them. */
export type LoadedResults = {
  readonly reports: readonly TestReport[];
  readonly diagnostics: readonly Diagnostic[];
  /** Repository paths of the report files, sorted. */
  readonly files: readonly string[];
};

/** A results file with no test in it: the usual trace of a test run that crashed before it reported. */
function emptyResults(file: string, severity: Severity): Diagnostic {
  return {
    code: 'results-empty',
    severity,
    source: { file, line: 1, column: 1 },
    message: `"${file}" holds no test results: a test run that crashed leaves such a file; rerun the tests, or delete the file (results.problems: warning in tracery.yaml makes this a warning).`,
  };
}

/** A report without a time of its own is ordered by when its file was last written. */
async function withFileTime(report: TestReport, path: string): Promise<TestReport> {
  if (report.startedAt !== undefined) return report;
  const { mtime } = await stat(path);
  return { ...report, startedAt: mtime.toISOString(), timeSource: 'file-time' };
}

/** A results file that failed (refused, unreadable, not JUnit) counts at the severity the repository says. */
function atSeverity(diagnostic: Diagnostic, severity: Severity): Diagnostic {
  return diagnostic.severity === 'error' ? { ...diagnostic, severity } : diagnostic;
}

/**
 * Reads every JUnit report of a repository (the `sources.results` globs, by default `results/**\/*.xml`).
 * A file that cannot be read or parsed, or that holds no test, is a diagnostic (an error unless
 * `problems` is `warning`: a broken or empty report must not pass CI as "not run"); the others still load.
 * Timestamps without a zone are read in `timezone` (UTC unless tracery.yaml's `results.timezone` says
 * otherwise); a report without a timestamp is ordered by its file's modification time (`timeSource:
 * 'file-time'`).
 *
 * @example
 * const { reports } = await loadResults(loaded.root, loaded.config.sources.results);
 */
export async function loadResults(
  dir: string,
  globs: readonly string[] | undefined = DEFAULT_RESULT_GLOBS,
  maxFileBytes: number = DEFAULT_LIMITS.maxFileBytes,
  problems: Severity = 'error',
  timezone = 'UTC',
): Promise<LoadedResults> {
  const root = resolve(dir);
  const discovered = await discoverFiles(root, globs);
  const diagnostics: Diagnostic[] = [...discovered.diagnostics];
  const reports: TestReport[] = [];
  const files: string[] = [];
  for (const path of discovered.files) {
    const file = repositoryPath(root, path);
    files.push(file);
    const read = await readSourceFile(root, path, maxFileBytes);
    if ('diagnostic' in read) {
      const empty = read.diagnostic.code === 'file-empty';
      diagnostics.push(empty ? emptyResults(file, problems) : atSeverity(read.diagnostic, problems));
      continue;
    }
    const parsed = parseJunit(read.text, file, { timezone });
    for (const d of parsed.diagnostics) diagnostics.push(atSeverity(d, problems));
    if (parsed.report?.results.length === 0) diagnostics.push(emptyResults(file, problems));
    if (parsed.report) reports.push(await withFileTime(parsed.report, path));
  }
  return { reports, diagnostics: diagnostics.sort(compareDiagnostics), files: files.sort() };
}
