import { InvalidArgumentError, type Model } from '@tracery/core';
import type { Session } from 'neo4j-driver';
import { type Connection, type Neo4jTarget, withConnection } from '../connection/connection.js';
import { describeNeo4jFailure } from '../connection/describe-failure.js';
import { diffNodes, diffRelationships } from './diff-plan.js';
import { ensureSchema } from './ensure-schema.js';
import { graphMatchesRecord, hashPlan, readExportRecord, writeExportRecord } from './export-record.js';
import { hashGraph } from './graph-hash.js';
import { type GraphScope, type GraphScopeOptions, resolveScope } from './graph-scope.js';
import { type Background, inBackground, type SlicedWork } from './in-slices.js';
import {
  type ExportPlan,
  type NodePlan,
  planNodes,
  planRelationships,
  withRelationships,
} from './plan-export.js';
import { pruneGraph } from './prune-graph.js';
import { readGraphState } from './read-graph-state.js';
import { type RelationshipTypeSyntax, relationshipTypeSyntax } from './relationship-type-syntax.js';
import { emptyCounters, type WriteCounters } from './write-counters.js';
import {
  mergeNodes,
  mergeRelationships,
  type PhaseContext,
  type PhaseResult,
  type SyncCounts,
  writeNodeDiff,
  writeRelationshipDiff,
} from './write-phases.js';

export type { SyncCounts } from './write-phases.js';

/** Where an export is, for a progress bar: the phase, and rows done out of the phase's total. */
export type ExportProgress = {
  readonly phase: 'schema' | 'read' | 'nodes' | 'relationships' | 'prune' | 'hash';
  readonly done: number;
  readonly total: number;
};

/** Options of {@link exportModel}. */
export type ExportOptions = GraphScopeOptions & {
  /** Rows per transaction; default 5 000 (see the README for why not more). */
  readonly batchSize?: number;
  /**
   * How rows are written. `diff` (the default) first reads the ids and content hashes the graph
   * holds, then CREATEs the new rows, SETs the changed ones and sends nothing for the rest: the
   * fastest, for one export at a time per label. `merge` sends every row and MERGEs it on its id,
   * reading nothing beforehand: slower, for when other writers work under the same label at once.
   */
  readonly writeMode?: 'diff' | 'merge';
  /**
   * How a `diff` export finds the two ends of each relationship it creates: `elementId` (the
   * default) by the element ids it read or got back when it created the nodes, checking each end's
   * label and id, which costs the server less; `idIndex` by two lookups in the id index, as exports
   * did before (kept to compare the two).
   */
  readonly relationshipEnds?: 'elementId' | 'idIndex';
  /** Transactions in flight at once (each its own session); default 2 (see the README for what a second lane gains). */
  readonly concurrency?: number;
  /** Delete the element nodes and the exported relationships that the model no longer holds. */
  readonly prune?: boolean;
  /** Called after each batch; an awaited promise holds the export until it settles. */
  readonly onProgress?: (progress: ExportProgress) => void | Promise<void>;
  /**
   * Compare the content of every node and relationship in the graph with the model, not the hash
   * stored on it, so that whatever was edited in the database is written again (a full read of
   * every property: slower than the default diff, which trusts the stored hashes). `diff` mode only.
   */
  readonly verify?: boolean;
  /** Hash the graph at the end (a full read); default true. */
  readonly computeHash?: boolean;
  /**
   * In `diff` mode, skip the row-by-row comparison when the graph's export record says the last
   * export that finished wrote this very model and the label holds as many nodes and relationships
   * as the model (two counts the database keeps: no scan). Default true; `verify` never skips.
   */
  readonly skipUnchanged?: boolean;
};

/** What an export did. A second run of the same model reports zero created, updated and deleted. */
export type ExportResult = {
  readonly nodes: SyncCounts;
  readonly relationships: SyncCounts;
  /** What the database itself reported writing. */
  readonly writes: WriteCounters;
  /** Transactions that wrote rows. */
  readonly batches: number;
  /** True when the export record showed the graph already holds this model, so no row was compared. */
  readonly skipped: boolean;
  /** {@link graphHash} of the scope after the export, unless `computeHash` was false. */
  readonly hash?: string;
};

const DEFAULT_BATCH_SIZE = 5_000;
const DEFAULT_CONCURRENCY = 2;

/**
 * Writes a model to Neo4j: one node per element (labelled with the element label and its kind),
 * one relationship per relation (typed in upper snake case), in batches of UNWIND, each batch its
 * own transaction. Rows whose content has not changed are not written, so a second run changes
 * nothing; an interrupted run leaves whole batches behind, and running it again converges.
 * Leave the model unchanged until the promise settles: its relations are read while the nodes are
 * written (every name is checked before the first write all the same).
 *
 * @example
 * const result = await exportModel({ uri: 'bolt://127.0.0.1:7687', passwordEnv: 'TRACERY_NEO4J_PASSWORD' }, model, { prune: true });
 */
export async function exportModel(
  target: Neo4jTarget,
  model: Model,
  options: ExportOptions = {},
): Promise<ExportResult> {
  const batchSize = wholeNumber(options.batchSize ?? DEFAULT_BATCH_SIZE, 'batchSize', 100_000);
  const concurrency = wholeNumber(options.concurrency ?? DEFAULT_CONCURRENCY, 'concurrency', 16);
  const writeMode = options.writeMode ?? 'diff';
  if (writeMode !== 'diff' && writeMode !== 'merge') {
    throw new InvalidArgumentError(
      `options.writeMode: expected "diff" or "merge", got ${JSON.stringify(writeMode)}.`,
    );
  }
  if (
    options.relationshipEnds !== undefined &&
    !['elementId', 'idIndex'].includes(options.relationshipEnds)
  ) {
    throw new InvalidArgumentError(
      `options.relationshipEnds: expected "elementId" or "idIndex", got ${JSON.stringify(options.relationshipEnds)}.`,
    );
  }
  if (options.verify === true && writeMode !== 'diff') {
    throw new InvalidArgumentError(
      'options.verify: needs writeMode "diff" (merge trusts the stored hashes).',
    );
  }
  const scope = resolveScope(options, 'WRITE');
  // Every name is checked here, before anything is written. The relationships are planned (and the
  // model hashed) in the background from the first round trip on: on 100k elements and 500k
  // relations that is about half a second of the client's that used to leave the server idle.
  const nodes = planNodes(model);
  return withConnection(target, async (connection) => {
    const rest = inBackground(planTheRest(model, nodes));
    try {
      const run = { connection, scope, nodes, rest, batchSize, concurrency, writeMode, options };
      return await runExport(run);
    } finally {
      rest.cancel();
    }
  });
}

/** The plan's relationships, the whole plan and its {@link modelHash}, as sliced work. */
function* planTheRest(model: Model, nodes: NodePlan): SlicedWork<PlanAndHash> {
  const plan = withRelationships(nodes, yield* planRelationships(model, nodes.ids));
  return { plan, hash: yield* hashPlan(plan) };
}

type PlanAndHash = { readonly plan: ExportPlan; readonly hash: string };

function wholeNumber(value: number, name: string, max: number): number {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new InvalidArgumentError(
      `options.${name}: expected a whole number from 1 to ${max}, got ${value}.`,
    );
  }
  return value;
}

type Progress = (phase: ExportProgress['phase'], done: number, total: number) => Promise<void>;

/** Writes the nodes, then the relationships, the way the write mode says. */
async function writeRows(
  run: Run,
  session: Session,
  context: (phase: 'nodes' | 'relationships') => PhaseContext,
  progress: Progress,
): Promise<{ nodes: PhaseResult; relationships: PhaseResult }> {
  if (run.writeMode === 'merge') {
    const { plan } = await run.rest.result;
    const nodes = await mergeNodes(context('nodes'), plan);
    return { nodes, relationships: await mergeRelationships(context('relationships'), plan) };
  }
  await progress('read', 0, 1);
  const state = await readGraphState(session, run.scope, run.options.verify === true);
  const diff = diffNodes(run.nodes.nodes, state, run.options.relationshipEnds !== 'idIndex');
  await progress('read', 1, 1);
  const nodes = await writeNodeDiff(context('nodes'), diff);
  // Planned meanwhile, between the node batches' round trips.
  const { plan } = await run.rest.result;
  const relationships = diffRelationships(plan.relationships, state);
  return {
    nodes,
    relationships: await writeRelationshipDiff(context('relationships'), { ...diff, relationships }),
  };
}

type Run = {
  readonly connection: Connection;
  readonly scope: GraphScope;
  readonly nodes: NodePlan;
  /** The rest of the plan and its {@link modelHash} (recorded in the graph after a `diff` run), made in the background. */
  readonly rest: Background<PlanAndHash>;
  readonly batchSize: number;
  readonly concurrency: number;
  readonly writeMode: 'diff' | 'merge';
  readonly options: ExportOptions;
};

async function runExport(run: Run): Promise<ExportResult> {
  const progress: Progress = async (phase, done, total) => {
    await run.options.onProgress?.({ phase, done, total });
  };
  const writes = emptyCounters();
  let relationshipTypes: RelationshipTypeSyntax = 'text';
  const context = (phase: 'nodes' | 'relationships'): PhaseContext => ({
    ...run,
    relationshipTypes,
    writes,
    progress: (done, total) => progress(phase, done, total),
  });
  const session = run.connection.driver.session(run.scope.session);
  let doing = 'reading the record of the last export';
  try {
    if (await unchangedByRecord(run, session)) return await skippedResult(run, session, writes, progress);
    doing = 'asking the server its version';
    relationshipTypes = await relationshipTypeSyntax(run.connection.driver);
    doing = 'creating the constraint and indexes';
    await progress('schema', 0, 1);
    await ensureSchema(session, run.scope);
    await writeExportRecord(session, run.scope, null);
    await progress('schema', 1, 1);
    doing = run.writeMode === 'diff' ? 'reading the ids and hashes the graph holds' : doing;
    const { nodes, relationships } = await writeRows(run, session, context, progress);
    if (run.options.prune) {
      doing = 'pruning what the model no longer holds';
      const { plan } = await run.rest.result;
      await pruneGraph(session, run.scope, plan, run.batchSize, writes, (done, total) =>
        progress('prune', done, total),
      );
      nodes.counts.deleted = writes.nodesDeleted;
      relationships.counts.deleted = writes.relationshipsDeleted;
    }
    doing = 'recording the export';
    if (run.writeMode === 'diff') await writeExportRecord(session, run.scope, (await run.rest.result).hash);
    const batches = nodes.batches + relationships.batches;
    const result = { nodes: nodes.counts, relationships: relationships.counts, writes, batches };
    doing = 'hashing the graph';
    return await withHash(run, session, { ...result, skipped: false }, progress);
  } catch (error) {
    throw describeNeo4jFailure(error, run.connection, doing);
  } finally {
    await session.close();
  }
}

/** Whether the export record allows skipping the comparison (see {@link ExportOptions.skipUnchanged}). */
async function unchangedByRecord(run: Run, session: Session): Promise<boolean> {
  const { options } = run;
  if (run.writeMode !== 'diff' || options.verify === true || options.skipUnchanged === false) return false;
  const record = await readExportRecord(session, run.scope);
  // Most runs end here without waiting for the rest of the plan: a first export finds no record.
  if (record.modelHash === null || record.nodes !== run.nodes.nodeCount) return false;
  if (record.relationships !== run.nodes.relationshipCount) return false;
  const { plan, hash } = await run.rest.result;
  return graphMatchesRecord(record, plan, hash);
}

/** The result of a run that found the graph already holds the model: every row unchanged. */
async function skippedResult(
  run: Run,
  session: Session,
  writes: WriteCounters,
  onProgress: Progress,
): Promise<ExportResult> {
  const counts = (unchanged: number): SyncCounts => ({ created: 0, updated: 0, unchanged, deleted: 0 });
  // A progress bar still ends at the totals: every row is done, as unchanged.
  const { nodeCount, relationshipCount } = run.nodes;
  await onProgress('nodes', nodeCount, nodeCount);
  await onProgress('relationships', relationshipCount, relationshipCount);
  const result: ExportResult = {
    nodes: counts(nodeCount),
    relationships: counts(relationshipCount),
    writes,
    batches: 0,
    skipped: true,
  };
  return withHash(run, session, result, onProgress);
}

async function withHash(
  run: Run,
  session: Session,
  result: ExportResult,
  onProgress: Progress,
): Promise<ExportResult> {
  if (run.options.computeHash === false) return result;
  await onProgress('hash', 0, 1);
  const hash = await hashGraph(session, run.scope);
  await onProgress('hash', 1, 1);
  return { ...result, hash };
}
