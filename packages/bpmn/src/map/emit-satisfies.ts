import type { ModdleElement } from '../parse/moddle-types.js';
import {
  emitRelation,
  extensionOf,
  kindOfReference,
  type MappingContext,
  originOf,
  report,
} from './mapping-context.js';

/**
 * Adds a `satisfies` relation from a mapped element to each requirement that the BPMN element's
 * `tracery:satisfies` attribute lists (ids separated by spaces or commas).
 */
export function emitSatisfies(
  context: MappingContext,
  source: { id: string; kind: string },
  element: ModdleElement,
): void {
  const listed = extensionOf(context, element).satisfies;
  if (listed === undefined) return;
  const { requirement } = context.mapping.kinds;
  const origin = originOf(context, element);
  for (const target of listed.split(/[\s,]+/).filter((id) => id !== '')) {
    const targetKind = kindOfReference(context, target, requirement);
    if (targetKind === undefined) {
      const message = `tracery:satisfies on "${element.id}" names "${target}", which is not in the model; add the requirement or fix the id.`;
      report(context, 'bpmn-unknown-reference', message, { elementId: source.id, source: origin });
      continue;
    }
    const draft = {
      type: context.mapping.relations.satisfies,
      source: source.id,
      sourceKind: source.kind,
      target,
      targetKind,
    };
    emitRelation(context, draft, origin);
  }
}
