export { csvField, toCsv } from './csv.js';
export { escapeControlCharacters } from './escape-control-characters.js';
export { escapeHtml, htmlPage, REPORT_CSS } from './html.js';
export { jsonPieces } from './json-pieces.js';
export { markdownCell, markdownTable } from './markdown-table.js';
export { textTable } from './text-table.js';
