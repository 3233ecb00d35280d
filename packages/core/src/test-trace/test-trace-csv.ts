import { toCsv } from '../report/csv.js';
import type { TestTraceReport } from './test-trace-report.js';

/**
 * The test-trace report as CSV for a spreadsheet: one row per requirement, lists joined with `;`, a
 * missing tranche an empty field; texts that a spreadsheet would run as formulas start with `'`
 * (`spreadsheetSafe`).
 *
 * @example
 * await writeFile('out/test-trace.csv', renderTestTraceCsv(report));
 */
export function renderTestTraceCsv(report: TestTraceReport): string {
  return toCsv(
    ['id', 'name', 'tranche', 'artefacts', 'services', 'satisfiedBy', 'verifiedBy', 'results', 'verdict'],
    report.requirements.map((r) => [
      r.id,
      r.name,
      r.tranche,
      r.artefacts,
      r.services,
      r.satisfiedBy,
      r.verifiedBy.map((t) => t.id),
      r.verifiedBy.map((t) => t.status),
      r.verdict,
    ]),
    { spreadsheetSafe: true },
  );
}
