export {
  type ElementHistories,
  type ElementHistoriesOptions,
  elementHistories,
  type HistoryEntry,
  type NotLoadedCommit,
} from './element-histories.js';
export { type ElementHistory, elementHistory } from './element-history.js';
export type { HistoryCommit } from './history-walk.js';
export { renderHistoryText } from './render-history.js';
