import type { Diagnostic, SourceRef } from '../diagnostics/diagnostic.js';
import { formatSourceRef } from '../diagnostics/diagnostic.js';
import { didYouMeanSuffix } from '../diagnostics/did-you-mean.js';
import { describeEnds, isRelationAllowed, type Metamodel } from '../metamodel/metamodel.js';

import type { Element, Relation } from '../model/element.js';
import { findCycles } from '../model/find-cycles.js';
import { freezeInPlace } from '../model/freeze-values.js';
import { describeRelation, Model } from '../model/model.js';
import { AcceptedRelations } from './accepted-relations.js';
import type { ElementDraft, RelationDraft } from './model-drafts.js';

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

/** How a relation was written, for messages: `IF-021 sentBy SDX` when written inline, else `SDX -sends-> IF-021`. */
function asWritten(draft: RelationDraft): string {
  if (draft.writtenBy === undefined || draft.writtenAs === undefined) return describeRelation(draft);
  const other = draft.writtenBy === draft.source ? draft.target : draft.source;
  return `${draft.writtenBy} ${draft.writtenAs} ${other}`;
}

function sameAttributes(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): boolean {
  return JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
}

/** The elements accepted from the drafts (the first of each id), where each was written, and each id's index. */
type AcceptedElements = {
  readonly list: Element[];
  readonly origins: SourceRef[];
  readonly index: Map<string, number>;
};

function acceptElements(
  metamodel: Metamodel,
  drafts: readonly ElementDraft[],
  diagnostics: Diagnostic[],
): AcceptedElements {
  const patterns = new Map<string, RegExp>();
  for (const kind of metamodel.kinds.values())
    if (kind.idPattern) patterns.set(kind.name, new RegExp(kind.idPattern, 'u'));
  const accepted: AcceptedElements = { list: [], origins: [], index: new Map() };
  for (const { element, origin } of drafts) {
    const at = accepted.index.get(element.id);
    if (at !== undefined) {
      diagnostics.push(duplicateId(element.id, origin, accepted.origins[at]));
      continue;
    }
    accepted.index.set(element.id, accepted.list.length);
    accepted.list.push(adopt(element, metamodel));
    accepted.origins.push(origin);
    const pattern = patterns.get(element.kind);
    if (pattern && !pattern.test(element.id)) {
      diagnostics.push({
        code: 'id-pattern',
        severity: 'error',
        elementId: element.id,
        source: origin,
        message: `id "${element.id}" does not match the ${element.kind} pattern /${pattern.source}/; rename it or change metamodel.idPatterns in tracery.yaml.`,
      });
    }
  }
  return accepted;
}

function duplicateId(id: string, origin: SourceRef, first: SourceRef | undefined): Diagnostic {
  return {
    code: 'duplicate-id',
    severity: 'error',
    elementId: id,
    source: origin,
    message: `duplicate id "${id}": it is also defined at ${first ? formatSourceRef(first) : 'another place'}; rename one of them.`,
    ...(first ? { related: [{ message: `first definition of "${id}"`, source: first }] } : {}),
  };
}

function acceptRelations(
  metamodel: Metamodel,
  elements: AcceptedElements,
  drafts: ModelDrafts,
  diagnostics: Diagnostic[],
): AcceptedRelations {
  const accepted = new AcceptedRelations(elements.list.length, drafts.relations.length);
  for (const draft of drafts.relations) {
    const s = elements.index.get(draft.source);
    const t = elements.index.get(draft.target);
    if (s === undefined || t === undefined) {
      const missing = s === undefined ? draft.source : draft.target;
      if (drafts.brokenIds.has(missing) || (drafts.unreadableFiles?.length ?? 0) > 0) continue;
      diagnostics.push(danglingReference(draft, missing, elements.index.keys()));
      continue;
    }
    const from = elements.list[s]!;
    const to = elements.list[t]!;
    if (!isRelationAllowed(metamodel, draft.type, from.kind, to.kind)) {
      const type = metamodel.relationTypes.get(draft.type)!;
      diagnostics.push({
        code: 'relation-not-allowed',
        severity: 'error',
        source: draft.origin,
        ...(draft.writtenBy ? { elementId: draft.writtenBy } : {}),
        message: `${describeRelation(draft)} is not allowed: ${draft.type} goes from ${describeEnds(type.from)} to ${describeEnds(type.to)}, not from ${from.kind} to ${to.kind}.`,
      });
      continue;
    }
    const existing = accepted.find(s, draft.type, t);
    if (existing >= 0) {
      const same = sameAttributes(accepted.relations[existing]!.attributes, draft.attributes);
      reportRepeatedRelation(accepted.originOf(existing), draft, same, diagnostics);
      continue;
    }
    // The ends are the elements' own id strings: a file's parser gives each mention its own copy.
    const relation: Relation = Object.freeze({
      type: draft.type,
      source: from.id,
      target: to.id,
      attributes: frozenAttributes(draft.attributes),
    });
    accepted.add(relation, s, t, draft.origin);
  }
  return accepted;
}

function danglingReference(draft: RelationDraft, missing: string, ids: Iterable<string>): Diagnostic {
  const at = draft.endOrigins
    ? draft.endOrigins[missing === draft.source ? 'source' : 'target']
    : draft.origin;
  const guess = didYouMeanSuffix(missing, ids);
  return {
    code: 'dangling-reference',
    severity: 'error',
    source: at,
    ...(draft.writtenBy ? { elementId: draft.writtenBy } : {}),
    message: `${asWritten(draft)}: no element has the id "${missing}"${guess || '; add the element or correct the id.'}`,
  };
}

/**
 * A draft's element as the model keeps it: frozen where it is (a copy would double the elements while
 * the drafts are held), its kind the metamodel's own string (one string per kind, not per element).
 */
function adopt(element: Element, metamodel: Metamodel): Element {
  const kind = metamodel.kinds.get(element.kind)?.name;
  if (kind !== undefined && !Object.isFrozen(element)) (element as { kind: string }).kind = kind;
  return freezeInPlace(element);
}

/** Most relations have no attributes: they share one frozen empty record. */
const NO_ATTRIBUTES: Relation['attributes'] = Object.freeze({});

/** A draft's attributes frozen where they are (the draft is not used after), or the shared empty record. */
function frozenAttributes(attributes: RelationDraft['attributes']): Relation['attributes'] {
  for (const _ in attributes) return Object.freeze(attributes);
  return NO_ATTRIBUTES;
}

/**
 * True when the partOf relations might form a cycle. Peels elements with no partOf parent left
 * (Kahn's algorithm) over the partOf relations only; if all peel off there is none, and the full
 * search over the whole graph is skipped.
 */
function mayHavePartOfCycle(model: Model): boolean {
  const parents = new Map<string, string[]>();
  const children = new Map<string, number>();
  for (const relation of model.relations()) {
    if (relation.type !== 'partOf') continue;
    const list = parents.get(relation.target);
    if (list) list.push(relation.source);
    else parents.set(relation.target, [relation.source]);
    children.set(relation.source, (children.get(relation.source) ?? 0) + 1);
  }
  // Leaves first: an element that is part of nothing is not in a cycle; remove it and repeat.
  const ready: string[] = [];
  for (const id of parents.keys()) if (!children.has(id)) ready.push(id);
  let peeled = 0;
  while (ready.length > 0) {
    const id = ready.pop()!;
    for (const part of parents.get(id) ?? []) {
      const left = children.get(part)! - 1;
      children.set(part, left);
      if (left === 0) {
        peeled++;
        ready.push(part);
      }
    }
  }
  return peeled < children.size;
}

function reportRepeatedRelation(
  first: SourceRef | undefined,
  draft: RelationDraft,
  same: boolean,
  diagnostics: Diagnostic[],
): void {
  if (same) {
    diagnostics.push({
      code: 'duplicate-relation',
      severity: 'warning',
      source: draft.origin,
      ...(draft.writtenBy ? { elementId: draft.writtenBy } : {}),
      message: `${describeRelation(draft)} is written twice${first ? ` (also at ${formatSourceRef(first)})` : ''}; write a relation once, on either end, so the two cannot drift apart.`,
      ...(first ? { related: [{ message: 'also written here', source: first }] } : {}),
    });
    return;
  }
  diagnostics.push({
    code: 'relation-conflict',
    severity: 'warning',
    source: draft.origin,
    ...(draft.writtenBy ? { elementId: draft.writtenBy } : {}),
    message: `${describeRelation(draft)} is written twice with different attributes${first ? ` (first at ${formatSourceRef(first)})` : ''}; the first is kept. Write it once.`,
    ...(first ? { related: [{ message: 'first written here', source: first }] } : {}),
  });
}

function reportPartOfCycles(model: Model, diagnostics: Diagnostic[]): void {
  if (!mayHavePartOfCycle(model)) return;
  for (const group of findCycles(model, 'partOf')) {
    const members = new Set(group);
    const related: { message: string; source: SourceRef }[] = [];
    for (const id of group) {
      for (const relation of model.outRelations(id)) {
        const origin = model.originOfRelation(relation);
        if (relation.type === 'partOf' && members.has(relation.target) && origin)
          related.push({ message: describeRelation(relation), source: origin });
      }
    }
    related.sort((a, b) => (a.message < b.message ? -1 : 1));
    const first = model.originOfElement(group[0]!);
    diagnostics.push({
      code: 'partof-cycle',
      severity: 'error',
      elementId: group[0]!,
      ...(first ? { source: first } : {}),
      message: `${group.join(', ')} are part of each other in a cycle (${related.map((r) => r.message).join('; ')}); remove one of these partOf links.`,
      related,
    });
  }
}

/**
 * Joins the drafts of every file into one model, reporting duplicate ids, ids that break their kind's
 * pattern, dangling references, relations between kinds their type does not allow, and partOf cycles.
 * The drafts' elements and attribute records are frozen in place and become the model's (not copied):
 * the drafts are read once, here.
 */
export function resolveModel(
  metamodel: Metamodel,
  drafts: ModelDrafts,
): { model: Model; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const elements = acceptElements(metamodel, drafts.elements, diagnostics);
  const relations = acceptRelations(metamodel, elements, drafts, diagnostics);
  // Checked here, so the model takes them as they are: adjacency lists laid out at their final
  // length, relation keys built only when first looked up (see Model.restore).
  const origins = { element: (i: number) => elements.origins[i], relation: relations.origins() };
  const model = Model.restore(metamodel, elements.list, relations.relations, origins, relations.ends());
  reportPartOfCycles(model, diagnostics);
  return { model, diagnostics };
}
