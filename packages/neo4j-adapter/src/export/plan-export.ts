import { InvalidArgumentError, type Model, type Relation } from '@tracery/core';
import { nameProblem, relationshipTypeOf } from '../cypher/cypher-name.js';
import { relationshipTypeMap } from '../cypher/relationship-type-map.js';
import type { Properties } from '../mapping/attribute-properties.js';
import { HASH_PROPERTY } from '../mapping/attribute-properties.js';
import { elementProperties } from '../mapping/element-properties.js';
import { relationProperties } from '../mapping/relation-properties.js';

/** A node to write: its id, the hash of its properties, and the properties. */
export type NodeRow = { readonly id: string; readonly hash: unknown; readonly props: Properties };

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

/** What an export writes: nodes grouped by kind, relationships grouped by relationship type, sorted. */
export type ExportPlan = {
  readonly nodes: ReadonlyMap<string, readonly NodeRow[]>;
  readonly relationships: ReadonlyMap<string, readonly RelationshipRow[]>;
  readonly nodeCount: number;
  readonly relationshipCount: number;
  /**
   * The relationship type of every relation type of the metamodel, sorted: between nodes under the
   * label, relationships of these types belong to the export (`prune` deletes those the model lacks).
   */
  readonly ownedTypes: readonly string[];
};

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Turns a model into rows, checking every name first so that a bad one stops the export before
 * anything is written. Every problem is reported in one {@link InvalidArgumentError}.
 */
export function planExport(model: Model): ExportPlan {
  const problems: string[] = [];
  const ownedTypes = [...relationshipTypeMap(model.metamodel).keys()].sort(byText);
  // Elements in id order, each with its outgoing relations in target order: every group comes out
  // sorted (nodes by id, relationships by source then target) without sorting all relations at once.
  const ids = [...model.elementIds()].sort(byText);
  const nodes = new Map<string, NodeRow[]>();
  const relationships = new Map<string, RelationshipRow[]>();
  for (const id of ids) {
    const element = model.getElement(id);
    const kindProblem = nameProblem(element.kind, 'label');
    if (kindProblem !== undefined) problems.push(`element "${element.id}": kind: ${kindProblem}`);
    const props = collect(problems, () => elementProperties(element, model.metamodel));
    if (props !== undefined && kindProblem === undefined) {
      push(nodes, element.kind, { id: element.id, hash: props[HASH_PROPERTY], props });
    }
    for (const relation of byTarget(model.outRelations(id))) {
      const props = collect(problems, () => relationProperties(relation, model.metamodel));
      if (props === undefined) continue;
      const hash = props[HASH_PROPERTY] ?? null;
      const row = { source: relation.source, target: relation.target, hash, props };
      push(relationships, relationshipTypeOf(relation.type), row);
    }
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 20).join('\n  ');
    const more = problems.length > 20 ? `\n  ... and ${problems.length - 20} more` : '';
    throw new InvalidArgumentError(
      `model: ${problems.length} name(s) cannot be stored in Neo4j:\n  ${shown}${more}`,
    );
  }
  return {
    nodes: sortKeys(nodes),
    relationships: sortKeys(relationships),
    nodeCount: model.elementCount,
    relationshipCount: model.relationCount,
    ownedTypes,
  };
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
