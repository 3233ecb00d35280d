import { InvalidArgumentError, type Model } from '@tracery/core';
import type { Session } from 'neo4j-driver';
import { type Connection, type Neo4jTarget, withConnection } from '../connection/connection.js';
import { describeNeo4jFailure } from '../connection/describe-failure.js';
import { ensureSchema } from './ensure-schema.js';
import { hashGraph } from './graph-hash.js';
import { type GraphScope, type GraphScopeOptions, resolveScope } from './graph-scope.js';
import { type ExportPlan, planExport } from './plan-export.js';
import { pruneGraph } from './prune-graph.js';
import { removeOldKindLabels, upsertNodes, upsertRelationships } from './upsert-rows.js';
import { emptyCounters, type WriteCounters } from './write-counters.js';

/** Where an export is, for a progress bar: the phase, and rows done out of the phase's total. */
export type ExportProgress = {
  readonly phase: 'schema' | 'nodes' | 'relationships' | 'prune' | 'hash';
  readonly done: number;
  readonly total: number;
};

/** Options of {@link exportModel}. */
export type ExportOptions = GraphScopeOptions & {
  /** Rows per transaction; default 2000. */
  readonly batchSize?: number;
  /** Delete the element nodes and the exported relationships that the model no longer holds. */
  readonly prune?: boolean;
  /** Called after each batch; an awaited promise holds the export until it settles. */
  readonly onProgress?: (progress: ExportProgress) => void | Promise<void>;
  /** Hash the graph at the end (a full read); default true. */
  readonly computeHash?: boolean;
};

/** How many nodes or relationships a run created, updated, left unchanged, and deleted. */
export type SyncCounts = { created: number; updated: number; unchanged: number; deleted: number };

/** What an export did. A second run of the same model reports zero created, updated and deleted. */
export type ExportResult = {
  readonly nodes: SyncCounts;
  readonly relationships: SyncCounts;
  /** What the database itself reported writing. */
  readonly writes: WriteCounters;
  /** Transactions that wrote rows. */
  readonly batches: number;
  /** {@link graphHash} of the scope after the export, unless `computeHash` was false. */
  readonly hash?: string;
};

const DEFAULT_BATCH_SIZE = 2000;

/**
 * Writes a model to Neo4j: one node per element (labelled with the element label and its kind),
 * one relationship per relation (typed in upper snake case), in batches of UNWIND + MERGE, each batch
 * its own transaction. Rows whose content has not changed are not written, so a second run changes
 * nothing; an interrupted run leaves whole batches behind, and running it again converges.
 *
 * @example
 * const result = await exportModel({ uri: 'bolt://127.0.0.1:7687', passwordEnv: 'TRACERY_NEO4J_PASSWORD' }, model, { prune: true });
 */
export async function exportModel(
  target: Neo4jTarget,
  model: Model,
  options: ExportOptions = {},
): Promise<ExportResult> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) {
    throw new InvalidArgumentError(
      `options.batchSize: expected a whole number from 1 to 100000, got ${batchSize}.`,
    );
  }
  const scope = resolveScope(options, 'WRITE');
  const plan = planExport(model);
  return withConnection(target, async (connection) => {
    const session = connection.driver.session(scope.session);
    try {
      return await runExport({ session, connection, scope, plan, batchSize, options, doing: 'starting' });
    } finally {
      await session.close();
    }
  });
}

type Run = {
  readonly session: Session;
  readonly connection: Connection;
  readonly scope: GraphScope;
  readonly plan: ExportPlan;
  readonly batchSize: number;
  readonly options: ExportOptions;
  doing: string;
};

async function runExport(run: Run): Promise<ExportResult> {
  const progress = async (phase: ExportProgress['phase'], done: number, total: number) => {
    await run.options.onProgress?.({ phase, done, total });
  };
  const writes = emptyCounters();
  try {
    run.doing = 'creating the constraint and indexes';
    await progress('schema', 0, 1);
    await ensureSchema(run.session, run.scope);
    await progress('schema', 1, 1);
    const nodes = await writeNodes(run, writes, progress);
    const relationships = await writeRelationships(run, writes, progress);
    if (run.options.prune) {
      run.doing = 'pruning what the model no longer holds';
      await pruneGraph(run.session, run.scope, run.plan, run.batchSize, writes, (done, total) =>
        progress('prune', done, total),
      );
      nodes.counts.deleted = writes.nodesDeleted;
      relationships.counts.deleted = writes.relationshipsDeleted;
    }
    const batches = nodes.batches + relationships.batches;
    const result = { nodes: nodes.counts, relationships: relationships.counts, writes, batches };
    if (run.options.computeHash === false) return result;
    run.doing = 'hashing the graph';
    await progress('hash', 0, 1);
    const hash = await hashGraph(run.session, run.scope);
    await progress('hash', 1, 1);
    return { ...result, hash };
  } catch (error) {
    throw describeNeo4jFailure(error, run.connection, run.doing);
  }
}

type PhaseResult = { counts: SyncCounts; batches: number };
type Progress = (phase: ExportProgress['phase'], done: number, total: number) => Promise<void>;

async function writeNodes(run: Run, writes: WriteCounters, progress: Progress): Promise<PhaseResult> {
  const counts: SyncCounts = { created: 0, updated: 0, unchanged: 0, deleted: 0 };
  const relabel: { id: string; kind: string }[] = [];
  const total = run.plan.nodeCount;
  let done = 0;
  let batches = 0;
  await progress('nodes', 0, total);
  for (const [kind, rows] of run.plan.nodes) {
    for (let start = 0; start < rows.length; start += run.batchSize) {
      const batch = rows.slice(start, start + run.batchSize);
      run.doing = `writing nodes of kind "${kind}" (${done} of ${total} written so far)`;
      const outcome = await upsertNodes(run.session, run.scope, kind, batch, writes);
      counts.created += outcome.created;
      counts.updated += outcome.updated;
      relabel.push(...outcome.relabel);
      done += batch.length;
      batches += 1;
      await progress('nodes', done, total);
    }
  }
  run.doing = 'removing the old kind labels of elements whose kind changed';
  await removeOldKindLabels(run.session, run.scope, relabel, writes);
  counts.unchanged = total - counts.created - counts.updated;
  return { counts, batches };
}

async function writeRelationships(run: Run, writes: WriteCounters, progress: Progress): Promise<PhaseResult> {
  const counts: SyncCounts = { created: 0, updated: 0, unchanged: 0, deleted: 0 };
  const total = run.plan.relationshipCount;
  let done = 0;
  let batches = 0;
  await progress('relationships', 0, total);
  for (const [type, rows] of run.plan.relationships) {
    for (let start = 0; start < rows.length; start += run.batchSize) {
      const batch = rows.slice(start, start + run.batchSize);
      run.doing = `writing ${type} relationships (${done} of ${total} written so far)`;
      const outcome = await upsertRelationships(run.session, run.scope, type, batch, writes);
      counts.created += outcome.created;
      counts.updated += outcome.updated;
      done += batch.length;
      batches += 1;
      await progress('relationships', done, total);
    }
  }
  counts.unchanged = total - counts.created - counts.updated;
  return { counts, batches };
}
