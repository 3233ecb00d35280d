export { failsCheck, summariseCounts } from './fails-check.js';
export { renderFindingsJson } from './render-findings-json.js';
export { type FindingsJunitOptions, renderFindingsJunit } from './render-findings-junit.js';
export { type FindingsMarkdownOptions, renderFindingsMarkdown } from './render-findings-markdown.js';
export { type FindingsTextOptions, renderFindingsText } from './render-findings-text.js';
export { renderSarif, type SarifOptions } from './render-sarif.js';
