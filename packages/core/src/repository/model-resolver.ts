import type { Diagnostic, SourceRef } from '../diagnostics/diagnostic.js';
import { describeEnds, isRelationAllowed, type Metamodel } from '../metamodel/metamodel.js';

import type { Element, Relation } from '../model/element.js';
import { freezeInPlace } from '../model/freeze-values.js';
import { describeRelation, Model } from '../model/model.js';
import { OriginTable } from '../model/origin-table.js';
import { AcceptedRelations } from './accepted-relations.js';
import type { ElementDraft, RelationDraft } from './model-drafts.js';
import {
  danglingReference,
  duplicateId,
  reportPartOfCycles,
  reportRepeatedRelation,
} from './resolver-diagnostics.js';

function sameAttributes(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): boolean {
  return JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
}

/**
 * The elements accepted from the drafts (the first of each id), where each was written (packed in
 * `table`: a number, or the position as given), and each id's index.
 */
type AcceptedElements = {
  readonly list: Element[];
  readonly origins: (number | SourceRef)[];
  readonly table: OriginTable;
  readonly index: Map<string, number>;
};

/** Where accepted element `at` was written. */
function originAt(accepted: AcceptedElements, at: number): SourceRef {
  const origin = accepted.origins[at]!;
  return typeof origin === 'number' ? accepted.table.get(origin) : origin;
}

/** Id patterns by kind name. */
function idPatterns(metamodel: Metamodel): Map<string, RegExp> {
  const patterns = new Map<string, RegExp>();
  for (const kind of metamodel.kinds.values())
    if (kind.idPattern) patterns.set(kind.name, new RegExp(kind.idPattern, 'u'));
  return patterns;
}

function acceptElements(
  accepted: AcceptedElements,
  patterns: ReadonlyMap<string, RegExp>,
  drafts: readonly ElementDraft[],
  diagnostics: Diagnostic[],
): void {
  for (const { element, origin } of drafts) {
    const at = accepted.index.get(element.id);
    if (at !== undefined) {
      diagnostics.push(duplicateId(element.id, origin, originAt(accepted, at)));
      continue;
    }
    accepted.index.set(element.id, accepted.list.length);
    accepted.list.push(element);
    accepted.origins.push(accepted.table.pack(origin));
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
}

/** What deciding on the relations needs besides the elements: the drafts and the ends found so far. */
type RelationsToDecide = {
  readonly drafts: readonly RelationDraft[];
  /** Source and target element index of draft `i` at `2 * i` and `2 * i + 1`, -1 where not found yet. */
  readonly ends: readonly number[];
  readonly brokenIds: ReadonlySet<string>;
  readonly unreadableFiles: readonly string[];
};

function acceptRelations(
  metamodel: Metamodel,
  elements: AcceptedElements,
  pending: RelationsToDecide,
  diagnostics: Diagnostic[],
): AcceptedRelations {
  const { drafts, ends } = pending;
  const accepted = new AcceptedRelations(elements.list.length, drafts.length);
  for (let i = 0; i < drafts.length; i++) {
    const draft = drafts[i]!;
    // An end found when its file arrived stays found (an id keeps its index); one not found then may
    // be an element of a later file.
    const s = ends[2 * i]! >= 0 ? ends[2 * i] : elements.index.get(draft.source);
    const t = ends[2 * i + 1]! >= 0 ? ends[2 * i + 1] : elements.index.get(draft.target);
    if (s === undefined || t === undefined) {
      const missing = s === undefined ? draft.source : draft.target;
      if (pending.brokenIds.has(missing) || pending.unreadableFiles.length > 0) continue;
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

/**
 * A draft's element as the model keeps it: frozen where it is (a copy would double the elements while
 * the drafts are held), its kind the metamodel's own string (one string per kind, not per element).
 */
function adopt(element: Element, metamodel: Metamodel): Element {
  if (Object.isFrozen(element)) return freezeInPlace(element);
  const kind = metamodel.kinds.get(element.kind)?.name;
  if (kind !== undefined) (element as { kind: string }).kind = kind;
  // Most elements have no attributes: they share one frozen empty record, as relations do.
  if (isEmptyRecord(element.attributes))
    (element as { attributes: Element['attributes'] }).attributes = NO_ATTRIBUTES;
  return freezeInPlace(element);
}

/** True for a plain record without keys (not one of another prototype, which is kept as it is). */
function isEmptyRecord(record: object): boolean {
  for (const _ in record) return false;
  return Object.getPrototypeOf(record) === Object.prototype;
}

/** Most relations have no attributes: they share one frozen empty record. */
const NO_ATTRIBUTES: Relation['attributes'] = Object.freeze({});

/** A draft's attributes frozen where they are (the draft is not used after), or the shared empty record. */
function frozenAttributes(attributes: RelationDraft['attributes']): Relation['attributes'] {
  for (const _ in attributes) return Object.freeze(attributes);
  return NO_ATTRIBUTES;
}

/**
 * Joins the drafts of a repository's files into one model, as the files arrive: elements are taken
 * in the order they are given (the first of an id wins) and each relation's ends looked up when it is
 * given; {@link finish} looks up the ends not found yet (elements of later files, of loaders) and
 * decides on every relation in the order given. It reports duplicate ids, ids that break their kind's
 * pattern, dangling references, relations between kinds their type does not allow, relations written
 * twice and partOf cycles: exactly what joining all the drafts at once gives (resolveModel). The
 * drafts' elements and attribute records are frozen in place and become the model's (not copied).
 */
export class ModelResolver {
  readonly #metamodel: Metamodel;
  readonly #patterns: Map<string, RegExp>;
  readonly #elements: AcceptedElements = {
    list: [],
    origins: [],
    table: new OriginTable(),
    index: new Map(),
  };
  readonly #relations: RelationDraft[] = [];
  readonly #ends: number[] = [];
  readonly #diagnostics: Diagnostic[] = [];

  constructor(metamodel: Metamodel) {
    this.#metamodel = metamodel;
    this.#patterns = idPatterns(metamodel);
  }

  /** Takes elements, after every element given before. */
  addElements(drafts: readonly ElementDraft[]): void {
    acceptElements(this.#elements, this.#patterns, drafts, this.#diagnostics);
  }

  /** Takes relations, after every relation given before; their ends are looked up among the elements so far. */
  addRelations(drafts: readonly RelationDraft[]): void {
    const index = this.#elements.index;
    for (const draft of drafts) {
      this.#relations.push(draft);
      this.#ends.push(index.get(draft.source) ?? -1, index.get(draft.target) ?? -1);
    }
  }

  /**
   * The model and the diagnostics of joining everything given. `brokenIds` are ids of elements too
   * broken to load and `unreadableFiles` model files that could not be read: a reference to an
   * unknown id may be to one of those, so it is not reported.
   */
  finish(
    brokenIds: ReadonlySet<string>,
    unreadableFiles: readonly string[],
  ): { model: Model; diagnostics: Diagnostic[] } {
    const metamodel = this.#metamodel;
    const elements = this.#elements;
    const diagnostics = this.#diagnostics;
    // Adopted only now: until the load is whole, loaders read the drafts as the files gave them.
    for (let i = 0; i < elements.list.length; i++) elements.list[i] = adopt(elements.list[i]!, metamodel);
    const pending = { drafts: this.#relations, ends: this.#ends, brokenIds, unreadableFiles };
    const relations = acceptRelations(metamodel, elements, pending, diagnostics);
    // Checked here, so the model takes them as they are: adjacency lists laid out at their final
    // length, relation keys built only when first looked up (see Model.restore).
    const origins = { element: (i: number) => originAt(elements, i), relation: relations.origins() };
    const { list, index } = elements;
    const model = Model.restore(metamodel, list, relations.relations, origins, relations.ends(), index);
    reportPartOfCycles(model, relations, diagnostics);
    return { model, diagnostics };
  }
}
