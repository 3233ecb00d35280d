import { type Metamodel, Model } from '@tracery/core';
import { type ElementDraft, isRelationAllowed, type RelationDraft } from '@tracery/core/advanced';

/**
 * A model of the drafts read from the model files so far, for diagrams to be matched against.
 * It is a best effort: the repository loader reports duplicate ids, dangling references and forbidden
 * relations itself, so here the first of duplicates wins and what cannot be added is skipped quietly.
 */
export function modelOfDrafts(
  metamodel: Metamodel,
  elements: readonly ElementDraft[],
  relations: readonly RelationDraft[],
): Model {
  const model = new Model(metamodel);
  for (const { element, origin } of elements) {
    if (!model.hasElement(element.id) && metamodel.kinds.has(element.kind)) model.addElement(element, origin);
  }
  for (const draft of relations) {
    const source = model.findElement(draft.source);
    const target = model.findElement(draft.target);
    if (!source || !target) continue;
    if (!isRelationAllowed(metamodel, draft.type, source.kind, target.kind)) continue;
    model.addRelation(
      { type: draft.type, source: draft.source, target: draft.target, attributes: draft.attributes },
      draft.origin,
    );
  }
  return model;
}
