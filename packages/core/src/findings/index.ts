export { failsCheck, summariseCounts } from './fails-check.js';
export { renderFindingsJson } from './render-findings-json.js';
export {
  type FindingsJunitOptions,
  findingsJunitPieces,
  renderFindingsJunit,
} from './render-findings-junit.js';
export {
  type FindingsMarkdownOptions,
  findingsMarkdownPieces,
  renderFindingsMarkdown,
} from './render-findings-markdown.js';
export {
  type FindingsTextOptions,
  findingsTextPieces,
  renderFindingsText,
} from './render-findings-text.js';
export { renderSarif, type SarifOptions, sarifPieces } from './render-sarif.js';
