export { junitPreflight } from './junit-preflight.js';
export { type LinkedResults, linkResults, type TestCaseResults, type TestRun } from './link-results.js';
export { DEFAULT_RESULT_GLOBS, type LoadedResults, loadResults } from './load-results.js';
export { decodeXml, parseJunit } from './parse-junit.js';
export {
  DEFAULT_ID_TOKEN,
  type ResultLink,
  ResultLinkSchema,
  type ResultsConfig,
  ResultsConfigSchema,
} from './results-config.js';
export {
  isPassing,
  type TestReport,
  TestReportSchema,
  type TestResult,
  TestResultSchema,
  type TestStatus,
  TestStatusSchema,
} from './test-result.js';
