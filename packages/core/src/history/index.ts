export { type ElementHistory, elementHistory, type HistoryEntry } from './element-history.js';
export { renderHistoryText } from './render-history.js';
