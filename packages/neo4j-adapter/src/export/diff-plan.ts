import { relationKeyOf } from './graph-keys.js';
import type { NodeRefs } from './node-refs.js';
import type { NodeRow, RelationshipRow } from './plan-export.js';
import type { GraphState } from './read-graph-state.js';

/** Rows of one group (a kind or a relationship type) that an export must write, split by how. */
export type RowsToWrite<T> = {
  /** Rows the graph does not hold: written with CREATE. */
  readonly create: ReadonlyMap<string, readonly T[]>;
  /** Rows the graph holds with other content: matched by id and SET. */
  readonly update: ReadonlyMap<string, readonly T[]>;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
};

/** What an export must write, found by comparing the plan with the graph's state. */
export type ExportDiff = {
  readonly nodes: RowsToWrite<NodeRow>;
  readonly relationships: RowsToWrite<RelationshipRow>;
  /** Nodes whose kind changed, with their old kind, whose label must go. */
  readonly relabel: readonly { readonly id: string; readonly kind: string }[];
  /**
   * The element ids of the nodes the graph holds, by which new relationships find their ends
   * (writing the nodes adds those of the new ones); none when they are to be found through the id index.
   */
  readonly refs?: NodeRefs;
};

/**
 * Compares the planned nodes with what the graph holds: a node whose id the graph does not have is
 * to be created, one whose content hash differs to be updated (and relabelled when its kind
 * changed), the rest left alone. With `byRef`, the diff carries the state's element ids for the
 * relationships to find their ends by. The nodes' part comes first: an export writes them while it
 * still plans the relationships.
 */
export function diffNodes(
  nodes: ReadonlyMap<string, readonly NodeRow[]>,
  state: GraphState,
  byRef = true,
): Omit<ExportDiff, 'relationships'> {
  const relabel: { id: string; kind: string }[] = [];
  const split =
    state.nodes.size === 0
      ? allNew(nodes)
      : splitRows(nodes, (row, kind) => {
          const old = state.nodes.get(row.id);
          if (old === undefined) return 'create';
          if (typeof old.kind === 'string' && old.kind !== kind) relabel.push({ id: row.id, kind: old.kind });
          return old.hash === row.hash ? 'unchanged' : 'update';
        });
  return byRef ? { nodes: split, relabel, refs: state.refs } : { nodes: split, relabel };
}

/** Compares the planned relationships with what the graph holds, by ends and type, as {@link diffNodes} does nodes. */
export function diffRelationships(
  relationships: ReadonlyMap<string, readonly RelationshipRow[]>,
  state: GraphState,
): RowsToWrite<RelationshipRow> {
  // Into an empty graph (a first export) every relationship is new: no key to build for each row.
  if (state.relationships.size === 0) return allNew(relationships);
  return splitRows(relationships, (row, type) => {
    const key = relationKeyOf(row.source, type, row.target);
    if (!state.relationships.has(key)) return 'create';
    return state.relationships.get(key) === row.hash ? 'unchanged' : 'update';
  });
}

/** Every row to be created, in the plan's own lists (no copy). */
function allNew<T>(groups: ReadonlyMap<string, readonly T[]>): RowsToWrite<T> {
  return { create: groups, update: new Map(), created: total(groups), updated: 0, unchanged: 0 };
}

type Verdict = 'create' | 'update' | 'unchanged';

function splitRows<T>(
  groups: ReadonlyMap<string, readonly T[]>,
  judge: (row: T, group: string) => Verdict,
): RowsToWrite<T> {
  const create = new Map<string, T[]>();
  const update = new Map<string, T[]>();
  let unchanged = 0;
  for (const [group, rows] of groups) {
    for (const row of rows) {
      const verdict = judge(row, group);
      if (verdict === 'unchanged') unchanged += 1;
      else push(verdict === 'create' ? create : update, group, row);
    }
  }
  return { create, update, created: total(create), updated: total(update), unchanged };
}

function push<T>(groups: Map<string, T[]>, key: string, row: T): void {
  const rows = groups.get(key);
  if (rows) rows.push(row);
  else groups.set(key, [row]);
}

function total<T>(groups: ReadonlyMap<string, readonly T[]>): number {
  let sum = 0;
  for (const rows of groups.values()) sum += rows.length;
  return sum;
}
