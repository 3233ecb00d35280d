import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { InvalidArgumentError } from '../errors/tracery-error.js';
import type { Model } from '../model/model.js';
import { readReportTime } from './report-time.js';
import { DEFAULT_ID_TOKEN, type ResultLink } from './results-config.js';
import type { TestReport, TestResult, TestStatus } from './test-result.js';

/** One run of a TestCase: the report it came from and what its linked results said. */
export type TestRun = {
  readonly file: string;
  readonly timestamp?: string;
  readonly status: TestStatus;
  readonly results: readonly TestResult[];
};

/** A TestCase with its runs, oldest first; `latest` is the one that counts. */
export type TestCaseResults = {
  readonly testCase: string;
  readonly latest: TestRun;
  readonly history: readonly TestRun[];
};

/** When one report ran, as the ordering used it (see `TestReport`). */
export type ReportTime = Pick<TestReport, 'file' | 'timestamp' | 'startedAt' | 'timeSource' | 'timezone'>;

/** The property of a test case that names the element it tests, as pytest's `record_property` writes it. */
export const REQUIREMENT_PROPERTY = 'requirement';

/**
 * Results joined to TestCases: per TestCase (sorted), the results no TestCase claims, TestCases never
 * run, and the reports in the order they were read (oldest first) with where each one's time came from.
 */
export type LinkedResults = {
  readonly testCases: readonly TestCaseResults[];
  readonly reports: readonly ReportTime[];
  readonly unmatched: readonly TestResult[];
  readonly withoutResults: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
};

const RANK: Readonly<Record<TestStatus, number>> = { error: 0, failed: 1, flaky: 2, passed: 3, skipped: 4 };

/** The status of a TestCase in one report with several linked results: the worst that ran, else skipped. */
function combined(results: readonly TestResult[]): TestStatus {
  return results.map((r) => r.status).sort((a, b) => RANK[a] - RANK[b])[0] ?? 'skipped';
}

/** The instant a report ran: `startedAt`, else its timestamp (read as UTC when it has no zone), else NaN. */
function timeOf(report: TestReport): number {
  const at = report.startedAt ?? (report.timestamp ? readReportTime(report.timestamp)?.startedAt : undefined);
  return at ? Date.parse(at) : Number.NaN;
}

function ordered(reports: readonly TestReport[]): TestReport[] {
  return reports
    .map((report, index) => ({ report, index, time: timeOf(report) }))
    .sort((a, b) => {
      const ta = Number.isNaN(a.time) ? Number.NEGATIVE_INFINITY : a.time;
      const tb = Number.isNaN(b.time) ? Number.NEGATIVE_INFINITY : b.time;
      return ta !== tb ? ta - tb : a.index - b.index;
    })
    .map((entry) => entry.report);
}

function nameIndex(model: Model, attribute: string): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const id of model.idsOfKind('TestCase')) {
    const value = model.getElement(id).attributes[attribute];
    for (const name of typeof value === 'string' ? [value] : Array.isArray(value) ? value : []) {
      const group = index.get(name);
      if (group) group.push(id);
      else index.set(name, [id]);
    }
  }
  return index;
}

/** The ids in a test's `requirement` property (several may be separated by commas or spaces). */
function propertyIds(r: TestResult): string[] {
  return (r.properties[REQUIREMENT_PROPERTY] ?? '').split(/[\s,;]+/).filter((id) => id !== '');
}

/** Why the ids a test names link to nothing, when they name elements of other kinds. */
function otherKinds(model: Model, ids: readonly string[]): string {
  const named = [...new Set(ids)].flatMap((id) => {
    const kind = model.findElement(id)?.kind;
    return kind && kind !== 'TestCase' ? [`${id} is a ${kind}`] : [];
  });
  return named.length === 0
    ? ''
    : ` (it names ${named.join(', ')}: results link to TestCases, which verify requirements)`;
}

/**
 * Links JUnit results to TestCase elements: by the TestCase's `junit` attribute (the test's `name`,
 * `classname.name` or `classname::name`), else by an id token such as `[TC-0042]` in the test's name
 * or classname, or an id in its `requirement` property (pytest's `record_property`), which counts
 * exactly as a token does. Reports are ordered by `startedAt` (a timestamp, else the file's time;
 * reports with neither count as oldest, in the order given); the latest run of each TestCase wins and
 * the earlier ones are kept as its history.
 *
 * @example
 * const linked = linkResults(model, [parseJunit(xml, 'results/a.xml').report!]);
 */
export function linkResults(
  model: Model,
  reports: readonly TestReport[],
  link: Partial<ResultLink> = {},
): LinkedResults {
  let token: RegExp;
  try {
    token = new RegExp(link.idToken ?? DEFAULT_ID_TOKEN, 'g');
  } catch (error) {
    throw new InvalidArgumentError(`link.idToken: not a regular expression (${(error as Error).message}).`);
  }
  const byName = nameIndex(model, link.attribute ?? 'junit');
  const isTestCase = (id: string) => model.findElement(id)?.kind === 'TestCase';
  const candidates = (r: TestResult): string[] => [
    ...[...`${r.classname} ${r.name}`.matchAll(token)].map((m) => m[1] ?? m[0]),
    ...propertyIds(r),
  ];
  const targets = (r: TestResult): string[] => {
    const named = [r.name, `${r.classname}.${r.name}`, `${r.classname}::${r.name}`].flatMap(
      (n) => byName.get(n) ?? [],
    );
    if (named.length > 0) return [...new Set(named)];
    return [...new Set(candidates(r).filter(isTestCase))];
  };
  const history = new Map<string, TestRun[]>();
  const unmatched: TestResult[] = [];
  const inOrder = ordered(reports);
  for (const report of inOrder) {
    const perCase = new Map<string, TestResult[]>();
    for (const result of report.results) {
      const ids = targets(result);
      if (ids.length === 0) unmatched.push(result);
      for (const id of ids) {
        const group = perCase.get(id);
        if (group) group.push(result);
        else perCase.set(id, [result]);
      }
    }
    for (const [id, results] of perCase) {
      const run: TestRun = {
        file: report.file,
        ...(report.timestamp ? { timestamp: report.timestamp } : {}),
        status: combined(results),
        results,
      };
      const group = history.get(id);
      if (group) group.push(run);
      else history.set(id, [run]);
    }
  }
  const testCases = [...history.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([testCase, runs]) => ({ testCase, latest: runs[runs.length - 1]!, history: runs }));
  const key = (r: TestResult) => `${r.file}\u0000${r.classname}\u0000${r.name}`;
  unmatched.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const withoutResults = [...model.idsOfKind('TestCase')].filter((id) => !history.has(id)).sort();
  const diagnostics: Diagnostic[] = unmatched.map((r) => ({
    code: 'junit-unmatched',
    severity: 'info',
    source: { file: r.file, line: 1, column: 1 },
    message: `test "${r.classname ? `${r.classname} > ` : ''}${r.name}" (${r.status}) links to no TestCase${otherKinds(model, candidates(r))}; give a TestCase the junit attribute "${r.classname}.${r.name}", or put its id in brackets in the test name or in its ${REQUIREMENT_PROPERTY} property.`,
  }));
  const times = inOrder.map(({ file, timestamp, startedAt, timeSource, timezone }) => ({
    file,
    ...(timestamp !== undefined ? { timestamp } : {}),
    ...(startedAt !== undefined ? { startedAt } : {}),
    ...(timeSource !== undefined ? { timeSource } : {}),
    ...(timezone !== undefined ? { timezone } : {}),
  }));
  return { testCases, reports: times, unmatched, withoutResults, diagnostics };
}
