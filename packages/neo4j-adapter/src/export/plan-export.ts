import { InvalidArgumentError, type Model, type Relation } from '@tracery/core';
import { nameProblem, relationshipTypeOf } from '../cypher/cypher-name.js';
import { relationshipTypeMap } from '../cypher/relationship-type-map.js';
import type { Properties } from '../mapping/attribute-properties.js';
import { HASH_PROPERTY, sealProperties } from '../mapping/attribute-properties.js';
import { unsealedElementProperties } from '../mapping/element-properties.js';
import { relationProperties } from '../mapping/relation-properties.js';
import { drain } from './in-slices.js';

/** A node to write: its id, the hash of its properties, and the properties. */
export type NodeRow = { readonly id: string; readonly hash: unknown; readonly props: Properties };

/**
 * A planned node whose content is hashed when its hash or properties are first read: a first
 * export into an empty label needs no hash to decide what to write, so each batch hashes its own
 * rows just before it goes out, while the server writes the batch before it, rather than all rows
 * before the first write (about 0.2 s of the client's on 100k elements, the server idle meanwhile).
 */
class PlannedNode implements NodeRow {
  #props: Properties;
  #sealed = false;
  constructor(
    readonly id: string,
    props: Properties,
  ) {
    this.#props = props;
  }
  get props(): Properties {
    if (!this.#sealed) {
      sealProperties(this.#props);
      this.#sealed = true;
    }
    return this.#props;
  }
  get hash(): unknown {
    return this.props[HASH_PROPERTY];
  }
}

/**
 * A relationship to write, by the ids of its ends; its hash null for a relation without attributes,
 * which is written with no properties (and so equals a stored relationship without a hash).
 */
export type RelationshipRow = {
  readonly source: string;
  readonly target: string;
  readonly hash: unknown;
  readonly props: Properties;
};

/** The nodes of an export, planned (and every name of the model checked) before anything is written. */
export type NodePlan = {
  readonly nodes: ReadonlyMap<string, readonly NodeRow[]>;
  readonly nodeCount: number;
  readonly relationshipCount: number;
  /**
   * The relationship type of every relation type of the metamodel, sorted: between nodes under the
   * label, relationships of these types belong to the export (`prune` deletes those the model lacks).
   */
  readonly ownedTypes: readonly string[];
  /** The element ids, sorted: the order the relationships are planned in. */
  readonly ids: readonly string[];
};

/** What an export writes: nodes grouped by kind, relationships grouped by relationship type, sorted. */
export type ExportPlan = Omit<NodePlan, 'ids'> & {
  readonly relationships: ReadonlyMap<string, readonly RelationshipRow[]>;
};

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Turns a model into rows, checking every name first so that a bad one stops the export before
 * anything is written. Every problem is reported in one {@link InvalidArgumentError}.
 */
export function planExport(model: Model): ExportPlan {
  const nodes = planNodes(model);
  return withRelationships(nodes, drain(planRelationships(model, nodes.ids)));
}

/** The whole plan, from the nodes' and the relationships' (see {@link planRelationships}). */
export function withRelationships(
  nodes: NodePlan,
  relationships: ReadonlyMap<string, readonly RelationshipRow[]>,
): ExportPlan {
  const { ids: _ids, ...rest } = nodes;
  return { ...rest, relationships };
}

/**
 * Plans the nodes and checks every name the export will write: kinds, element attributes and the
 * attributes of every relation, so that once this returns, planning the relationships cannot fail
 * (the export writes nodes while it plans them). Every problem is reported in one {@link InvalidArgumentError}.
 */
export function planNodes(model: Model): NodePlan {
  const problems: string[] = [];
  const ownedTypes = [...relationshipTypeMap(model.metamodel).keys()].sort(byText);
  // Elements in id order: every kind's nodes come out sorted by id.
  const ids = [...model.elementIds()].sort(byText);
  const nodes = new Map<string, NodeRow[]>();
  const kindProblems = new Map<string, string | undefined>();
  for (const id of ids) {
    const element = model.getElement(id);
    if (!kindProblems.has(element.kind)) kindProblems.set(element.kind, nameProblem(element.kind, 'label'));
    const kindProblem = kindProblems.get(element.kind);
    if (kindProblem !== undefined) problems.push(`element "${element.id}": kind: ${kindProblem}`);
    const props = collect(problems, () => unsealedElementProperties(element, model.metamodel));
    if (props !== undefined && kindProblem === undefined)
      push(nodes, element.kind, new PlannedNode(id, props));
    // Only a relation with attributes can hold a name Neo4j refuses (reported in target order).
    const out = model.outRelations(id);
    if (!out.some(hasAttributes)) continue;
    for (const relation of byTarget(out)) {
      if (hasAttributes(relation)) collect(problems, () => relationProperties(relation, model.metamodel));
    }
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 20).join('\n  ');
    const more = problems.length > 20 ? `\n  ... and ${problems.length - 20} more` : '';
    throw new InvalidArgumentError(
      `model: ${problems.length} name(s) cannot be stored in Neo4j:\n  ${shown}${more}`,
    );
  }
  const counts = { nodeCount: model.elementCount, relationshipCount: model.relationCount };
  return { nodes: sortKeys(nodes), ...counts, ownedTypes, ids };
}

/**
 * Plans the relationships, after {@link planNodes} (which checked their names) with its ids: each
 * element's outgoing relations in target order, so that every type's rows come out sorted by source
 * then target without sorting all relations at once. A generator that pauses every few hundred
 * elements, so that an export can plan them between the round trips of its node writes.
 */
export function* planRelationships(
  model: Model,
  ids: readonly string[],
): Generator<void, Map<string, RelationshipRow[]>> {
  const relationships = new Map<string, RelationshipRow[]>();
  for (let i = 0; i < ids.length; i += 1) {
    if (i % 512 === 511) yield;
    for (const relation of byTarget(model.outRelations(ids[i]!))) {
      const props = relationProperties(relation, model.metamodel);
      const hash = props[HASH_PROPERTY] ?? null;
      const row = { source: relation.source, target: relation.target, hash, props };
      push(relationships, relationshipTypeOf(relation.type), row);
    }
  }
  return sortKeys(relationships);
}

function hasAttributes(relation: Relation): boolean {
  for (const _ in relation.attributes) return true;
  return false;
}

/** An element's outgoing relations in target order (a copy when they need sorting: the list is the model's). */
function byTarget(relations: readonly Relation[]): readonly Relation[] {
  if (relations.length < 2) return relations;
  return [...relations].sort((a, b) => byText(a.target, b.target));
}

function collect<T>(problems: string[], make: () => T): T | undefined {
  try {
    return make();
  } catch (error) {
    if (!(error instanceof InvalidArgumentError)) throw error;
    problems.push(error.message.replace(/\.$/, ''));
    return undefined;
  }
}

function push<T>(groups: Map<string, T[]>, key: string, row: T): void {
  const rows = groups.get(key);
  if (rows) rows.push(row);
  else groups.set(key, [row]);
}

function sortKeys<T>(groups: Map<string, T[]>): Map<string, T[]> {
  const sorted = new Map<string, T[]>();
  for (const key of [...groups.keys()].sort(byText)) sorted.set(key, groups.get(key) ?? []);
  return sorted;
}
