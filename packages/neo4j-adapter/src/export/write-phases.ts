import type { Session } from 'neo4j-driver';
import type { Connection } from '../connection/connection.js';
import { describeNeo4jFailure } from '../connection/describe-failure.js';
import { isSharedEmpty } from '../mapping/relation-properties.js';
import type { ExportDiff } from './diff-plan.js';
import type { GraphScope } from './graph-scope.js';
import type { NodeRefs } from './node-refs.js';
import type { ExportPlan, RelationshipRow } from './plan-export.js';
import type { RelationshipTypeSyntax } from './relationship-type-syntax.js';
import { type Batch, chunk, runBatches } from './run-batches.js';
import { removeOldKindLabels, upsertNodes, upsertRelationships } from './upsert-rows.js';
import type { WriteCounters } from './write-counters.js';
import { type WriteHow, writeNodes, writeRelationships } from './write-rows.js';

/** How many rows a phase created, updated, left unchanged and deleted. */
export type SyncCounts = { created: number; updated: number; unchanged: number; deleted: number };

/** What a phase did: its counts and the transactions that wrote rows. */
export type PhaseResult = { counts: SyncCounts; batches: number };

/** What the phases share: where they write, how, and where they report. */
export type PhaseContext = {
  readonly connection: Connection;
  readonly scope: GraphScope;
  readonly batchSize: number;
  readonly concurrency: number;
  /** How the queries that create relationships name the type: what the server accepts. */
  readonly relationshipTypes: RelationshipTypeSyntax;
  readonly writes: WriteCounters;
  /** Reports rows done of the phase's total. */
  readonly progress: (done: number, total: number) => Promise<void>;
};

/** Writes the nodes a diff says are new or changed, then removes the labels of changed kinds. */
export async function writeNodeDiff(
  context: PhaseContext,
  diff: Pick<ExportDiff, 'nodes' | 'relabel' | 'refs'>,
): Promise<PhaseResult> {
  const { nodes } = diff;
  const batches: Batch[] = [];
  for (const how of ['create', 'update'] as const) {
    for (const [kind, rows] of how === 'create' ? nodes.create : nodes.update) {
      for (const part of chunk(rows, context.batchSize)) {
        batches.push({
          size: part.length,
          doing: `writing nodes of kind "${kind}"`,
          write: (session) => writeNodes(session, context.scope, kind, how, part, context.writes, diff.refs),
        });
      }
    }
  }
  await run(context, batches, nodes.unchanged, nodes.unchanged + nodes.created + nodes.updated);
  await removeLabels(context, diff.relabel);
  return { counts: { ...countsOf(nodes), deleted: 0 }, batches: batches.length };
}

/** Writes the relationships a diff says are new or changed. */
export async function writeRelationshipDiff(
  context: PhaseContext,
  diff: Pick<ExportDiff, 'relationships' | 'refs'>,
): Promise<PhaseResult> {
  const { relationships } = diff;
  const batches: Batch[] = [];
  for (const how of ['create', 'update'] as const) {
    for (const [type, rows] of how === 'create' ? relationships.create : relationships.update) {
      for (const same of how === 'create' ? bySharedProperties(rows) : [rows]) {
        for (const part of chunk(same, context.batchSize))
          batches.push(relationshipBatch(context, type, how, part, diff.refs));
      }
    }
  }
  const total = relationships.unchanged + relationships.created + relationships.updated;
  await run(context, batches, relationships.unchanged, total);
  return { counts: { ...countsOf(relationships), deleted: 0 }, batches: batches.length };
}

/**
 * The rows of relations without attributes apart from the others, order kept: a batch of the
 * former has no properties to write, so its query sets none and its rows carry only the ends.
 */
function bySharedProperties(rows: readonly RelationshipRow[]): RelationshipRow[][] {
  const empty: RelationshipRow[] = [];
  const other: RelationshipRow[] = [];
  for (const row of rows) (isSharedEmpty(row.props) ? empty : other).push(row);
  return [empty, other].filter((part) => part.length > 0);
}

function relationshipBatch(
  context: PhaseContext,
  type: string,
  how: WriteHow,
  rows: readonly RelationshipRow[],
  refs: NodeRefs | undefined,
): Batch {
  return {
    size: rows.length,
    doing: `writing ${type} relationships`,
    write: (session) =>
      writeRelationships(
        session,
        context.scope,
        type,
        how,
        rows,
        context.writes,
        refs,
        context.relationshipTypes,
      ),
  };
}

/**
 * Writes every node with MERGE on its id, skipping those whose hash matches: the way to write when
 * other writers may work under the same label at the same time, since it reads nothing beforehand.
 */
export async function mergeNodes(context: PhaseContext, plan: ExportPlan): Promise<PhaseResult> {
  const counts: SyncCounts = { created: 0, updated: 0, unchanged: 0, deleted: 0 };
  const relabel: { id: string; kind: string }[] = [];
  const batches: Batch[] = [];
  for (const [kind, rows] of plan.nodes) {
    for (const part of chunk(rows, context.batchSize)) {
      batches.push({
        size: part.length,
        doing: `writing nodes of kind "${kind}"`,
        write: async (session) => {
          const outcome = await upsertNodes(session, context.scope, kind, part, context.writes);
          counts.created += outcome.created;
          counts.updated += outcome.updated;
          relabel.push(...outcome.relabel);
        },
      });
    }
  }
  await run(context, batches, 0, plan.nodeCount);
  await removeLabels(context, relabel);
  counts.unchanged = plan.nodeCount - counts.created - counts.updated;
  return { counts, batches: batches.length };
}

/** Writes every relationship with MERGE between its ends, skipping those whose hash matches. */
export async function mergeRelationships(context: PhaseContext, plan: ExportPlan): Promise<PhaseResult> {
  const counts: SyncCounts = { created: 0, updated: 0, unchanged: 0, deleted: 0 };
  const batches: Batch[] = [];
  for (const [type, rows] of plan.relationships) {
    for (const part of chunk(rows, context.batchSize)) {
      batches.push({
        size: part.length,
        doing: `writing ${type} relationships`,
        write: async (session) => {
          const outcome = await upsertRelationships(session, context.scope, type, part, context.writes);
          counts.created += outcome.created;
          counts.updated += outcome.updated;
        },
      });
    }
  }
  await run(context, batches, 0, plan.relationshipCount);
  counts.unchanged = plan.relationshipCount - counts.created - counts.updated;
  return { counts, batches: batches.length };
}

async function removeLabels(context: PhaseContext, relabel: readonly { id: string; kind: string }[]) {
  const session = openSession(context);
  try {
    await removeOldKindLabels(session, context.scope, relabel, context.writes);
  } catch (error) {
    throw describeNeo4jFailure(error, context.connection, 'removing the old kind labels');
  } finally {
    await session.close();
  }
}

async function run(context: PhaseContext, batches: readonly Batch[], already: number, total: number) {
  let done = already;
  await context.progress(done, total);
  await runBatches(batches, {
    open: () => openSession(context),
    concurrency: context.concurrency,
    onDone: async (size) => {
      done += size;
      await context.progress(done, total);
    },
    describe: (error, doing) => describeNeo4jFailure(error, context.connection, doing),
  });
}

function openSession(context: PhaseContext): Session {
  return context.connection.driver.session(context.scope.session);
}

function countsOf(rows: { created: number; updated: number; unchanged: number }) {
  return { created: rows.created, updated: rows.updated, unchanged: rows.unchanged };
}
