import type { Diagnostic, Model, Origin, Relation, SourceRef } from '@tracery/core';
import { bpmnDiagnostic } from '../diagnostics/bpmn-diagnostic.js';
import type { BpmnMapping } from '../map/bpmn-mapping.js';

/** The end of a relation whose list the model files own: the senders of an interface, the performers of a step. */
type Subject = 'source' | 'target';

/**
 * Which end of a diagram's relation is the subject the model files may already describe, or undefined
 * when the diagram may add freely (sequence flows, data, requirements): the senders and receivers of an
 * interface (when the diagram's end is a Service or Role), the interfaces a step sends and receives,
 * the performers of a step or process, and the process a step is part of.
 */
function subjectOf(mapping: BpmnMapping, type: string, sourceKind: string): Subject | undefined {
  const { relations, kinds } = mapping;
  if (type === relations.sends || type === relations.receives)
    return kinds.performers.includes(sourceKind) ? 'target' : 'source';
  if (type === relations.performs) return 'target';
  if (type === relations.partOf) return 'source';
  return undefined;
}

/**
 * A diagnostic when a diagram's relation contradicts the model files: they list the subject's
 * relations of this type to elements of this kind (Services and Roles count as one) (IF-021 sentBy [SDS, ADS]) and the diagram's other
 * end is not among them. The diagnostic points at the diagram and, as `related`, at each listed relation.
 * A diagram that shows fewer relations than the files list agrees: a diagram shows one process.
 */
export function findDisagreement(
  base: Model,
  mapping: BpmnMapping,
  relation: Relation,
  origin: Origin,
): Diagnostic | undefined {
  const source = base.findElement(relation.source);
  const target = base.findElement(relation.target);
  if (!source || !target) return undefined;
  const subject = subjectOf(mapping, relation.type, source.kind);
  if (subject === undefined) return undefined;
  const [subjectId, other] = subject === 'source' ? [source.id, target] : ([target.id, source] as const);
  // Services and Roles are compared together (the senders of IF-021), anything else with its own kind.
  const kinds = mapping.kinds.performers.includes(other.kind) ? mapping.kinds.performers : [other.kind];
  const listed = listedRelations(base, relation.type, subjectId, subject, kinds);
  if (listed.length === 0 || listed.some((r) => endOf(r, subject) === other.id)) return undefined;
  const typeDef = base.metamodel.relationTypes.get(relation.type);
  const name = subject === 'source' ? relation.type : (typeDef?.inverse ?? relation.type);
  const ids = listed.map((r) => endOf(r, subject)).sort();
  const message =
    `the diagram has ${relation.source} -${relation.type}-> ${relation.target}, but the model files write ` +
    `${subjectId} ${name} [${ids.join(', ')}] (${kinds.join(', ')}), without ${other.id}; add ${other.id} there or correct the diagram.`;
  const related = listed.flatMap((r) => {
    const at: SourceRef | undefined = base.originOfRelation(r);
    return at ? [{ message: `${subjectId} ${name} ${endOf(r, subject)} is written here`, source: at }] : [];
  });
  related.sort((a, b) => (a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
  const diagnostic = bpmnDiagnostic('bpmn-model-disagreement', message, {
    elementId: subjectId,
    source: origin,
  });
  return related.length > 0 ? { ...diagnostic, related } : diagnostic;
}

/** The far end of a relation, seen from its subject. */
function endOf(relation: Relation, subject: Subject): string {
  return subject === 'source' ? relation.target : relation.source;
}

function listedRelations(
  base: Model,
  type: string,
  subjectId: string,
  subject: Subject,
  kinds: readonly string[],
): Relation[] {
  const relations = subject === 'source' ? base.outRelations(subjectId) : base.inRelations(subjectId);
  const found: Relation[] = [];
  for (const relation of relations) {
    if (relation.type !== type) continue;
    const kind = base.findElement(endOf(relation, subject))?.kind;
    if (kind !== undefined && kinds.includes(kind)) found.push(relation);
  }
  return found;
}
