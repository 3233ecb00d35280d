import { createHash } from 'node:crypto';
import type { Session } from 'neo4j-driver';
import { EXPORT_RECORD_LABEL, type GraphScope } from './graph-scope.js';
import { drain, type SlicedWork } from './in-slices.js';
import type { ExportPlan } from './plan-export.js';
import { toNumber } from './upsert-rows.js';

/** Bumped whenever the mapping from model to graph changes, so that no record outlives it. */
const RECORD_FORMAT = 'tracery-neo4j-export/2';

/** What the graph says about the last export under a label, and how many rows it holds now. */
export type ExportRecord = {
  /** The {@link modelHash} of the last export that finished, or null (none, or one in progress). */
  readonly modelHash: string | null;
  /** Nodes under the element label now (from the database's count store: no scan). */
  readonly nodes: number;
  /** Relationships leaving those nodes now (count store too). */
  readonly relationships: number;
};

/**
 * A hash of everything an export writes: every node's id and content hash by kind, every
 * relationship's ends and content hash by type. Two plans with the same hash write the same graph.
 */
export function modelHash(plan: ExportPlan): string {
  return drain(hashPlan(plan));
}

/** {@link modelHash} as sliced work, pausing every few thousand rows (see `inBackground`). */
export function* hashPlan(plan: ExportPlan): SlicedWork<string> {
  const hash = createHash('sha1').update(RECORD_FORMAT);
  // The same bytes as one update per row (every part starts with NUL, so no character is split
  // between parts), fed to the hash in chunks rather than by one call per row.
  let text = '';
  let parts = 0;
  const add = (part: string) => {
    text += part;
    if (text.length > 1 << 16) {
      hash.update(text);
      text = '';
    }
  };
  for (const [kind, rows] of plan.nodes) {
    add(`\0k${kind}`);
    for (const row of rows) {
      add(`\0${row.id}\0${String(row.hash)}`);
      if (++parts % 20_000 === 0) yield;
    }
  }
  for (const [type, rows] of plan.relationships) {
    add(`\0t${type}`);
    for (const row of rows) {
      add(`\0${row.source}\0${row.target}\0${String(row.hash)}`);
      if (++parts % 20_000 === 0) yield;
    }
  }
  return hash.update(text).digest('base64url');
}

/** Reads the record of a scope's last export and the counts of what the scope holds: one cheap read. */
export async function readExportRecord(session: Session, scope: GraphScope): Promise<ExportRecord> {
  const label = scope.quotedLabel;
  const query = `OPTIONAL MATCH (m:${EXPORT_RECORD_LABEL} {label: $label})
WITH m.modelHash AS modelHash LIMIT 1
CALL () { MATCH (n:${label}) RETURN count(n) AS nodes }
CALL () { MATCH (:${label})-[r]->() RETURN count(r) AS relationships }
RETURN modelHash, nodes, relationships`;
  return session.executeRead(async (tx) => {
    const record = (await tx.run(query, { label: scope.label })).records[0];
    const hash = record?.get('modelHash');
    return {
      modelHash: typeof hash === 'string' ? hash : null,
      nodes: toNumber(record?.get('nodes')),
      relationships: toNumber(record?.get('relationships')),
    };
  });
}

/**
 * Whether the graph already holds exactly what the plan writes, by the record alone: the last
 * export that finished wrote this very model, and the scope holds as many nodes and relationships
 * as the model (so none was deleted or added since, by hand or by another run). Content edited by
 * hand in the database is not seen here, as the stored row hashes do not see it: `verify` is for that.
 */
export function graphMatchesRecord(record: ExportRecord, plan: ExportPlan, hash: string): boolean {
  return (
    record.modelHash === hash &&
    record.nodes === plan.nodeCount &&
    record.relationships === plan.relationshipCount
  );
}

/**
 * Sets (or, with null, clears) the record of a scope. A writing run clears it before its first
 * write and a `diff` run sets it after its last, so a run that stops half-way leaves no record and
 * the next run compares row by row.
 */
export async function writeExportRecord(
  session: Session,
  scope: GraphScope,
  hash: string | null,
): Promise<void> {
  await session.executeWrite((tx) =>
    tx.run(`MERGE (m:${EXPORT_RECORD_LABEL} {label: $label}) SET m.modelHash = $hash`, {
      label: scope.label,
      hash,
    }),
  );
}
