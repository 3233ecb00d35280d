/**
 * `@tracery/core/render`: renderers of results as text, Markdown, HTML, CSV, JSON, SARIF and JUnit,
 * and the table helpers they share. The data comes from the root API; these only present it.
 *
 * @example
 * const repo = await openRepository('.');
 * console.log(renderImpactText(await repo.impact(['DI-0023'])));
 *
 * @packageDocumentation
 */
export {
  renderDiffMarkdown,
  renderDiffText,
  renderReviewsText,
} from './baseline/index.js';
export {
  partyPathsDiagram,
  renderAssessmentMarkdown,
  renderAssessmentText,
  renderComparisonMarkdown,
  renderComparisonText,
} from './change-request/index.js';
export { renderCommentFile } from './comments/index.js';
export {
  type FindingsJunitOptions,
  type FindingsMarkdownOptions,
  type FindingsTextOptions,
  findingsJunitPieces,
  findingsMarkdownPieces,
  findingsTextPieces,
  renderFindingsJson,
  renderFindingsJunit,
  renderFindingsMarkdown,
  renderFindingsText,
  renderSarif,
  type SarifOptions,
  sarifPieces,
  summariseCounts,
} from './findings/index.js';
export { renderHistoryText } from './history/index.js';
export {
  type RenderImpactOptions,
  renderImpactMarkdown,
  renderImpactText,
} from './impact/index.js';
export {
  csvField,
  escapeControlCharacters,
  escapeHtml,
  htmlPage,
  jsonPieces,
  markdownCell,
  markdownTable,
  textTable,
  toCsv,
} from './report/index.js';
export {
  renderTestTrace,
  renderTestTraceCsv,
  renderTestTraceHtml,
  renderTestTraceMarkdown,
  renderTestTraceText,
  TEST_TRACE_FORMATS,
  type TestTraceFormat,
  VERDICT_LABELS,
} from './test-trace/index.js';
export {
  artefactTable,
  renderTrackerCsv,
  renderTrackerHtml,
  renderTrackerJson,
  renderTrackerMarkdown,
  renderTrackerText,
  type TrackerTable,
  trackerTables,
} from './tracker/index.js';
