import { bpmnSourceLoader } from '@tracery/bpmn';
import { type ElementHistory, type LoadedRepository, TraceryError } from '@tracery/core';
import { elementHistories } from '@tracery/core/advanced';

/** How many commits the element pages' history looks back at, by default. */
export const HISTORY_COMMITS = 200;

/**
 * The git history of every element of the model, from one walk of the last `maxCommits` commits (core's
 * `elementHistories`). A folder outside git has no history: the answer is empty.
 */
export async function readHistories(
  loaded: LoadedRepository,
  maxCommits = HISTORY_COMMITS,
): Promise<Map<string, ElementHistory>> {
  const ids = [...loaded.model.elements()].map((e) => e.id);
  try {
    const { elements } = await elementHistories(loaded.root, {
      maxCommits,
      ids,
      loaders: [bpmnSourceLoader()],
    });
    return new Map([...elements].map(([id, entries]) => [id, { id, entries }]));
  } catch (error) {
    if (error instanceof TraceryError) return new Map();
    throw error;
  }
}
