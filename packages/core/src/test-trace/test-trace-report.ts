import { z } from 'zod';
import type { Model } from '../model/model.js';
import { related } from '../model/model-queries.js';
import type { LinkedResults } from '../results/link-results.js';
import { ReportTimeSourceSchema, TestStatusSchema } from '../results/test-result.js';
import {
  type CoverageResult,
  computeCoverage,
  type ElementCoverage,
} from '../trace-coverage/compute-coverage.js';
import { type CoveragePolicy, DEFAULT_COVERAGE_POLICY } from '../trace-coverage/coverage-policy.js';
import { SummaryRowSchema, summarise, summaryRow } from './summarise.js';

/** The verdict of one requirement, from its design coverage and the latest results of its tests. */
export const TestTraceVerdictSchema = z.enum([
  'passing',
  'failing',
  'not-run',
  'not-verified',
  'not-satisfied',
  'not-covered',
]);
/** The verdict of the test trace on one requirement (verified, failing, not run, not satisfied, not covered ...). */
export type TestTraceVerdict = z.infer<typeof TestTraceVerdictSchema>;

/** How each verdict reads in a report. */
export const VERDICT_LABELS: Readonly<Record<TestTraceVerdict, string>> = {
  passing: 'covered and passing',
  failing: 'covered but failing',
  'not-run': 'covered but not run',
  'not-verified': 'not verified',
  'not-satisfied': 'not satisfied',
  'not-covered': 'not covered',
};

/** A test that verifies a requirement, with its latest result (`not-run` when it has none). */
export const VerifyingTestSchema = z.object({
  id: z.string(),
  status: z.union([TestStatusSchema, z.literal('not-run')]),
  file: z.string().optional(),
  timestamp: z.string().optional(),
  message: z.string().optional(),
  runs: z.number().int().nonnegative(),
});
/** A test case that verifies a requirement, with the outcome of its latest run. */
export type VerifyingTest = z.infer<typeof VerifyingTestSchema>;

/** One row of the test-trace report: a requirement, what satisfies and verifies it, and its verdict. */
export const RequirementTraceSchema = z.object({
  id: z.string(),
  name: z.string(),
  tranche: z.string().optional(),
  artefacts: z.array(z.string()),
  services: z.array(z.string()),
  satisfiedBy: z.array(z.string()),
  verifiedBy: z.array(VerifyingTestSchema),
  verdict: TestTraceVerdictSchema,
  /** The verdict of the coverage policy (absent when the policy names no need for requirements). */
  coverage: z.enum(['covered', 'covered-shallow', 'uncovered', 'cycle']).optional(),
  /** The needs of the policy that nothing meets. */
  missing: z.array(z.string()),
  /** Relations that read like coverage but do not count: an unwanted kind, an outdated link, an excluded element. */
  ignored: z.array(
    z.object({ relation: z.string(), by: z.string(), reason: z.enum(['unwanted', 'outdated', 'excluded']) }),
  ),
});
/** One requirement in the test trace: what satisfies it, the tests that verify it, and its verdict. */
export type RequirementTrace = z.infer<typeof RequirementTraceSchema>;

/** A JUnit result that no TestCase claims. */
export const UnmatchedResultSchema = z.object({
  file: z.string(),
  classname: z.string(),
  name: z.string(),
  status: TestStatusSchema,
});

/**
 * A results file as the report ordered it: its timestamp as written and, for a timestamp, the instant
 * it was read as (in UTC) and the zone a timestamp without one was read in. A report without a
 * timestamp is ordered by its file's modification time (`timeSource: 'file-time'`; the time itself is
 * left out, as it changes with every checkout).
 */
export const ResultFileSchema = z.object({
  file: z.string(),
  timestamp: z.string().optional(),
  startedAt: z.string().optional(),
  timeSource: ReportTimeSourceSchema.optional(),
  timezone: z.string().optional(),
});

/** The test-trace report as data: a stable JSON shape, rendered to text, Markdown, CSV and HTML. */
export const TestTraceReportSchema = z.object({
  title: z.string(),
  summary: SummaryRowSchema,
  byArtefact: z.array(SummaryRowSchema),
  byTranche: z.array(SummaryRowSchema),
  byService: z.array(SummaryRowSchema),
  requirements: z.array(RequirementTraceSchema),
  /** Requirements whose status leaves them out of coverage (`coverage.Requirement.exclude`). */
  excludedRequirements: z.array(z.string()),
  testCasesWithoutResults: z.array(z.string()),
  orphanTestCases: z.array(z.string()),
  unmatchedResults: z.array(UnmatchedResultSchema),
  /** The results files, oldest first (the latest run of a TestCase counts), with where each time came from. */
  resultFiles: z.array(ResultFileSchema),
});
/** The test trace of a repository: every requirement with its verdict, the summary, orphan tests and unmatched results. */
export type TestTraceReport = z.infer<typeof TestTraceReportSchema>;

/** Options for {@link testTraceReport}. */
export type TestTraceOptions = {
  readonly title?: string;
  /** The coverage policy; a requirement is `not satisfied` only when its kind needs `satisfiedBy`. */
  readonly policy?: CoveragePolicy;
  /** The coverage already computed (with outdated links, see `repositoryCoverage`); else computed from `policy`. */
  readonly coverage?: CoverageResult;
  /** Test results linked to TestCases; without them every covered requirement is `not run`. */
  readonly results?: LinkedResults;
};

const NONE = '(none)';
const sorted = (ids: Iterable<string>) => [...new Set(ids)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

function servicesOf(model: Model, satisfiers: readonly string[]): string[] {
  const services: string[] = [];
  for (const id of satisfiers) {
    const kind = model.getElement(id).kind;
    if (kind === 'Service') services.push(id);
    else if (kind === 'ProcessStep' || kind === 'BusinessProcess')
      services.push(
        ...related(model, id, 'performedBy').filter((s) => model.getElement(s).kind === 'Service'),
      );
  }
  return sorted(services);
}

function verdictOf(coverage: ElementCoverage | undefined, tests: readonly VerifyingTest[]): TestTraceVerdict {
  if (coverage?.missing.includes('satisfiedBy')) return 'not-satisfied';
  if (coverage?.missing.includes('verifiedBy') || tests.length === 0) return 'not-verified';
  if (coverage && coverage.verdict !== 'covered') return 'not-covered';
  if (tests.some((t) => t.status === 'failed' || t.status === 'error')) return 'failing';
  return tests.every((t) => t.status === 'passed' || t.status === 'flaky') ? 'passing' : 'not-run';
}

/** The elements that count for one relation name: the need's when the policy has one, else those not ignored. */
function countedBy(model: Model, id: string, name: string, coverage: ElementCoverage | undefined): string[] {
  const need = coverage?.needs.find((n) => n.relation === name);
  if (need) return [...need.by];
  const ignored = new Set(coverage?.ignored.filter((i) => i.relation === name).map((i) => i.by));
  return related(model, id, name).filter((other) => !ignored.has(other));
}

/**
 * The test-trace report: for every requirement, what satisfies it, which tests verify it and what
 * their latest run said, its verdict, and summaries by artefact, tranche and service.
 *
 * @example
 * const report = testTraceReport(model, { results: linkResults(model, reports) });
 */
export function testTraceReport(model: Model, options: TestTraceOptions = {}): TestTraceReport {
  const coverage = options.coverage ?? computeCoverage(model, options.policy ?? DEFAULT_COVERAGE_POLICY);
  const byRequirement = new Map(coverage.elements.map((e) => [e.id, e]));
  const excluded = new Set(coverage.excluded);
  const latest = new Map((options.results?.testCases ?? []).map((t) => [t.testCase, t]));
  const ids = sorted(model.idsOfKind('Requirement'));
  const requirements: RequirementTrace[] = ids
    .filter((id) => !excluded.has(id))
    .map((id) => {
      const element = model.getElement(id);
      const covered = byRequirement.get(id);
      const satisfiedBy = countedBy(model, id, 'satisfiedBy', covered);
      const verifiedBy = countedBy(model, id, 'verifiedBy', covered).map((test): VerifyingTest => {
        const found = latest.get(test);
        if (!found) return { id: test, status: 'not-run', runs: 0 };
        const message = found.latest.results.find((r) => r.message !== undefined)?.message;
        return {
          id: test,
          status: found.latest.status,
          file: found.latest.file,
          ...(found.latest.timestamp ? { timestamp: found.latest.timestamp } : {}),
          ...(message !== undefined ? { message } : {}),
          runs: found.history.length,
        };
      });
      return {
        id,
        name: element.name,
        ...(element.tranche !== undefined ? { tranche: element.tranche } : {}),
        artefacts: related(model, id, 'documentedIn'),
        services: servicesOf(model, satisfiedBy),
        satisfiedBy,
        verifiedBy,
        verdict: verdictOf(covered, verifiedBy),
        ...(covered ? { coverage: covered.verdict } : {}),
        missing: [...(covered?.missing ?? [])],
        ignored: [...(covered?.ignored ?? [])],
      };
    });
  const group = (keys: (r: RequirementTrace) => readonly string[]) =>
    summarise(requirements, (r) => (keys(r).length > 0 ? keys(r) : [NONE]));
  const orphans = coverage.orphans.filter((o) => o.kind === 'TestCase').map((o) => o.id);
  return {
    title: options.title ?? 'Test trace',
    summary: summaryRow('all', requirements),
    byArtefact: group((r) => r.artefacts),
    byTranche: group((r) => (r.tranche ? [r.tranche] : [])),
    byService: group((r) => r.services),
    requirements,
    excludedRequirements: ids.filter((id) => excluded.has(id)),
    testCasesWithoutResults: [...(options.results?.withoutResults ?? sorted(model.idsOfKind('TestCase')))],
    orphanTestCases: orphans,
    unmatchedResults: (options.results?.unmatched ?? []).map((r) => ({
      file: r.file,
      classname: r.classname,
      name: r.name,
      status: r.status,
    })),
    resultFiles: (options.results?.reports ?? []).map(({ startedAt, ...file }) =>
      file.timeSource === 'file-time' || startedAt === undefined ? file : { ...file, startedAt },
    ),
  };
}
