import type { Diagnostic, Model } from '@tracery/core';
import { type BpmnMapping, DEFAULT_BPMN_MAPPING } from '../map/bpmn-mapping.js';
import type { BpmnMappingResult } from '../map/map-bpmn.js';
import type { MappedElement, MappedRelation } from '../map/mapping-context.js';
import { findDisagreement } from './find-disagreement.js';

/** What a diagram adds to a model that it was mapped against, and where it contradicts it. */
export type JoinedDiagram = {
  /** Elements the model did not hold, sorted by id. */
  readonly elements: readonly MappedElement[];
  /** Relations the model did not hold, sorted by source, type and target. */
  readonly relations: readonly MappedRelation[];
  /** A `bpmn-model-disagreement` for each relation that contradicts what `base` lists. */
  readonly diagnostics: readonly Diagnostic[];
};

/** Options of {@link joinDiagram}. */
export type JoinDiagramOptions = {
  /** The model the diagram was mapped against; what the diagram adds is added to it. */
  readonly model: Model;
  /** The model the diagram may not contradict (the hand-written one); defaults to `model`. */
  readonly base?: Model;
  /** The mapping the diagram was mapped with; defaults to {@link DEFAULT_BPMN_MAPPING}. */
  readonly mapping?: BpmnMapping;
};

/**
 * Joins a mapped diagram to a model: adds to `options.model` the elements and relations it does not
 * hold yet (what is already written is merged, not repeated), returns them, and reports each relation
 * that contradicts what `options.base` lists, such as a sender of IF-021 the files do not name.
 *
 * @example
 * const mapped = await importBpmn(bytes, { file, model });
 * const { elements, relations, diagnostics } = joinDiagram(mapped, { model });
 */
export function joinDiagram(mapped: BpmnMappingResult, options: JoinDiagramOptions): JoinedDiagram {
  const { model } = options;
  const base = options.base ?? model;
  const mapping = options.mapping ?? DEFAULT_BPMN_MAPPING;
  const elements: MappedElement[] = [];
  const relations: MappedRelation[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const added of mapped.elements) {
    if (model.hasElement(added.element.id)) continue;
    model.addElement(added.element, added.origin);
    elements.push(added);
  }
  for (const added of mapped.relations) {
    const { relation, origin } = added;
    if (model.hasRelation(relation)) continue;
    const disagreement = findDisagreement(base, mapping, relation, origin);
    if (disagreement) diagnostics.push(disagreement);
    if (model.hasElement(relation.source) && model.hasElement(relation.target))
      model.addRelation(relation, origin);
    relations.push(added);
  }
  return { elements, relations, diagnostics };
}
