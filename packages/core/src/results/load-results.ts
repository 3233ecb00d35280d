import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
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

/**
 * Reads every JUnit report of a repository (the `sources.results` globs, by default `results/**\/*.xml`).
 * A file that cannot be read or parsed is a diagnostic; the others still load.
 *
 * @example
 * const { reports } = await loadResults(loaded.root, loaded.config.sources.results);
 */
export async function loadResults(
  dir: string,
  globs: readonly string[] | undefined = DEFAULT_RESULT_GLOBS,
  maxFileBytes: number = DEFAULT_LIMITS.maxFileBytes,
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
      diagnostics.push(read.diagnostic);
      continue;
    }
    const parsed = parseJunit(read.text, file);
    diagnostics.push(...parsed.diagnostics);
    if (parsed.report) reports.push(parsed.report);
  }
  return { reports, diagnostics: diagnostics.sort(compareDiagnostics), files: files.sort() };
}
