import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Metamodel } from '../metamodel/metamodel.js';
import type { Model } from '../model/model.js';
import type { ElementDraft, RelationDraft } from './model-drafts.js';
import { ModelResolver } from './model-resolver.js';

/** Everything read from a repository's files, ready to be joined into one model. */
export type ModelDrafts = {
  readonly elements: readonly ElementDraft[];
  readonly relations: readonly RelationDraft[];
  readonly brokenIds: ReadonlySet<string>;
  /**
   * Model files that could not be read: a reference to an unknown id may be to an element in one of
   * them, so dangling references are not reported until they load.
   */
  readonly unreadableFiles?: readonly string[];
};

/**
 * Joins the drafts of every file into one model at once, reporting duplicate ids, ids that break
 * their kind's pattern, dangling references, relations between kinds their type does not allow,
 * relations written twice, and partOf cycles (see {@link ModelResolver}, which a load feeds file by
 * file as the files arrive, to the same answer).
 */
export function resolveModel(
  metamodel: Metamodel,
  drafts: ModelDrafts,
): { model: Model; diagnostics: Diagnostic[] } {
  const resolver = new ModelResolver(metamodel);
  resolver.addElements(drafts.elements);
  resolver.addRelations(drafts.relations);
  return resolver.finish(drafts.brokenIds, drafts.unreadableFiles ?? []);
}
