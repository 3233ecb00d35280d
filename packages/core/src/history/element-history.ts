import type { LoadOptions } from '../repository/load-repository.js';
import { elementHistories, type HistoryEntry } from './element-histories.js';

/** The history of one element, newest commit first. */
export type ElementHistory = { readonly id: string; readonly entries: readonly HistoryEntry[] };

/**
 * The history of an element from git: every commit (of the repository's files, first parents only) in
 * which the element was added, removed, or changed (field by field) or gained or lost a link, and every
 * commit whose files did not load while the element existed, newest first (see
 * {@link elementHistories}, which this runs for one id).
 *
 * @example
 * const { entries } = await elementHistory('packages/examples/mhhs', 'IF-021');
 */
export async function elementHistory(
  dir: string,
  id: string,
  options: {
    readonly maxCommits?: number;
    readonly loaders?: LoadOptions['loaders'];
    readonly onProgress?: (done: number, total: number) => void;
  } = {},
): Promise<ElementHistory> {
  const histories = await elementHistories(dir, { ...options, ids: [id] });
  return { id, entries: histories.elements.get(id) ?? [] };
}
