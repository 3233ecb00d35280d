import { InvalidArgumentError } from '../errors/tracery-error.js';
import { type CanonicalModel, canonicalElement } from '../model/canonical-model.js';
import { type AttributeValue, type Element, type Relation, relationKey } from '../model/element.js';
import { canonicalRelation } from './content-hash.js';
import type { FieldChange, LinkReview, ModelDiff, RelationChange } from './diff-snapshots.js';

function applyFields(
  target: Record<string, unknown>,
  changes: readonly FieldChange[],
  prefix: string,
  where: string,
): void {
  for (const change of changes) {
    if (!change.field.startsWith(prefix))
      throw new InvalidArgumentError(
        `diff: ${where} has a change to "${change.field}" that cannot be applied here.`,
      );
    const key = change.field.slice(prefix.length);
    if (change.after === undefined) delete target[key];
    else target[key] = Array.isArray(change.after) ? [...change.after] : change.after;
  }
}

function patchElement(element: Element, changes: readonly FieldChange[]): Element {
  const copy: Record<string, unknown> = { ...element };
  const attributes: Record<string, AttributeValue> = { ...element.attributes };
  applyFields(
    attributes,
    changes.filter((c) => c.field.startsWith('attributes.')),
    'attributes.',
    element.id,
  );
  applyFields(
    copy,
    changes.filter((c) => !c.field.startsWith('attributes.')),
    '',
    element.id,
  );
  copy.attributes = attributes;
  return canonicalElement(copy as Element);
}

function patchRelation(
  relations: Map<string, Relation>,
  change: RelationChange | LinkReview,
  what: string,
): void {
  const key = relationKey(change);
  const relation = relations.get(key);
  if (!relation) throw new InvalidArgumentError(`diff: ${what} relation "${key}" is not in the model.`);
  const attributes: Record<string, unknown> = { ...relation.attributes };
  applyFields(attributes, change.changes, '', key);
  relations.set(key, canonicalRelation({ ...relation, attributes: attributes as Relation['attributes'] }));
}

/**
 * Applies a diff to a model in canonical form: `applyDiff(canonical(a), diffSnapshots(a, b))` equals
 * `canonical(b)`. Throws {@link InvalidArgumentError} when the diff does not fit the model.
 *
 * @example
 * expect(applyDiff(canonicalModel(a), diff)).toEqual(canonicalModel(b));
 */
export function applyDiff(model: CanonicalModel, diff: ModelDiff): CanonicalModel {
  const elements = new Map(model.elements.map((e) => [e.id, e] as const));
  for (const e of diff.elements.removed) elements.delete(e.id);
  for (const e of diff.elements.added) elements.set(e.id, canonicalElement(e));
  for (const change of diff.elements.changed) {
    const element = elements.get(change.id);
    if (!element) throw new InvalidArgumentError(`diff: changed element "${change.id}" is not in the model.`);
    elements.set(change.id, patchElement(element, change.changes));
  }
  const relations = new Map(model.relations.map((r) => [relationKey(r), r] as const));
  for (const r of diff.relations.removed) relations.delete(relationKey(r));
  for (const r of diff.relations.added) relations.set(relationKey(r), canonicalRelation(r));
  for (const change of diff.relations.changed) patchRelation(relations, change, 'changed');
  for (const review of diff.reviews) patchRelation(relations, review, 'reviewed');
  const sorted = <T>(map: Map<string, T>) =>
    [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
  return { elements: sorted(elements), relations: sorted(relations) as Relation[] };
}
