import { z } from 'zod';

/**
 * The outcome of one test: `flaky` passed only after failing runs (Surefire's flakyFailure), so it
 * counts as passed; `error` is an error outside the assertions (an exception, a crash).
 */
export const TestStatusSchema = z.enum(['passed', 'flaky', 'failed', 'error', 'skipped']);
/** The outcome of one test run: `passed`, `flaky`, `failed`, `error` or `skipped`. */
export type TestStatus = z.infer<typeof TestStatusSchema>;

/** One test case's result as a JUnit report gives it. */
export const TestResultSchema = z.object({
  /** The report file, relative to the repository when it was loaded from one. */
  file: z.string(),
  /** The names of the test suites it sits in, outermost first. */
  suites: z.array(z.string()),
  classname: z.string(),
  name: z.string(),
  status: TestStatusSchema,
  /** Seconds, when the report gives it. */
  time: z.number().optional(),
  /** The failure, error or skip message. */
  message: z.string().optional(),
  /** The failure or error type (an exception class, an assertion kind). */
  type: z.string().optional(),
  /** Failed runs before the last one (Surefire's flakyFailure, flakyError, rerunFailure, rerunError). */
  reruns: z.number().int().nonnegative(),
  properties: z.record(z.string(), z.string()),
  /** The start of system-out, when the test wrote any. */
  output: z.string().optional(),
  /** The start of system-err, when the test wrote any. */
  errorOutput: z.string().optional(),
});
/** One test case's result from a JUnit file: its name, status, duration and message. */
export type TestResult = z.infer<typeof TestResultSchema>;

/**
 * Where the time that orders a report comes from: its timestamp with a zone (`zoned`), its timestamp
 * without one, read in `results.timezone` (`unzoned`), or its file's modification time (`file-time`).
 */
export const ReportTimeSourceSchema = z.enum(['zoned', 'unzoned', 'file-time']);

/** A parsed JUnit report: its file, when it ran (if it says), and its results in file order. */
export const TestReportSchema = z.object({
  file: z.string(),
  /** The report's timestamp attribute as written, when it has one. */
  timestamp: z.string().optional(),
  /** The instant the report is ordered by, as an ISO time in UTC (see `timeSource`). */
  startedAt: z.string().optional(),
  /** Where `startedAt` comes from. */
  timeSource: ReportTimeSourceSchema.optional(),
  /** The zone a timestamp without one was read in (`unzoned` only). */
  timezone: z.string().optional(),
  results: z.array(TestResultSchema),
});
export type TestReport = z.infer<typeof TestReportSchema>;

/** True when a status counts as passing (a flaky test passed in the end). */
export function isPassing(status: TestStatus): boolean {
  return status === 'passed' || status === 'flaky';
}
