export { type BuiltTestTrace, buildTestTrace } from './build-test-trace.js';
export { renderTestTrace, TEST_TRACE_FORMATS, type TestTraceFormat } from './render-test-trace.js';
export { type SummaryRow, SummaryRowSchema } from './summarise.js';
export { renderTestTraceCsv } from './test-trace-csv.js';
export { renderTestTraceHtml } from './test-trace-html.js';
export { renderTestTraceMarkdown } from './test-trace-markdown.js';
export {
  type RequirementTrace,
  RequirementTraceSchema,
  type TestTraceOptions,
  type TestTraceReport,
  TestTraceReportSchema,
  type TestTraceVerdict,
  TestTraceVerdictSchema,
  testTraceReport,
  VERDICT_LABELS,
  type VerifyingTest,
  VerifyingTestSchema,
} from './test-trace-report.js';
export { renderTestTraceText } from './test-trace-text.js';
