import { randomBytes } from 'node:crypto';
import neo4j, { type Driver } from 'neo4j-driver';
import { inject } from 'vitest';
import { openDriver } from '../../src/connection/connection.js';
import { escapeName } from '../../src/cypher/cypher-name.js';
import { EXPORT_RECORD_LABEL } from '../../src/export/graph-scope.js';

/** Connection options for the tests' Neo4j (see global-setup.ts): its URI, user and password. */
export function testTarget(): { uri: string; user: string; password: string } {
  return { uri: inject('neo4jUri'), user: inject('neo4jUser'), password: inject('neo4jPassword') };
}

/** A driver to the tests' Neo4j, logged in; close it in afterAll. */
export function testDriver(): Driver {
  return openDriver({ ...testTarget(), connectionTimeoutMs: 10_000 }).driver;
}

/**
 * A label of its own for one test file, so that files running side by side in one database
 * (Neo4j Community has one) never see each other's nodes.
 */
export function uniqueLabel(prefix: string): string {
  return `${prefix}_${randomBytes(4).toString('hex')}`;
}

/** Deletes every node with the label, and its relationships. */
export async function clearLabel(driver: Driver, label: string): Promise<void> {
  await driver.executeQuery(`MATCH (n:${escapeName(label, 'label')}) DETACH DELETE n`);
}

/** Deletes the label's nodes and export record, and drops the constraint and indexes an export made for it. */
export async function dropLabel(driver: Driver, label: string): Promise<void> {
  await clearLabel(driver, label);
  await driver.executeQuery(`MATCH (m:${EXPORT_RECORD_LABEL} {label: $label}) DELETE m`, { label });
  const schemaName = (what: string) => escapeName(`tracery_${label}_${what}`, 'schema name');
  await driver.executeQuery(`DROP CONSTRAINT ${schemaName('id')} IF EXISTS`);
  for (const what of ['kind', 'name']) await driver.executeQuery(`DROP INDEX ${schemaName(what)} IF EXISTS`);
}

/** Runs a read query and returns its records as plain objects, integers as numbers. */
export async function rows(
  driver: Driver,
  query: string,
  params: Record<string, unknown> = {},
): Promise<Record<string, unknown>[]> {
  const result = await driver.executeQuery(query, params);
  return result.records.map((record) => plain(record.toObject()) as Record<string, unknown>);
}

function plain(value: unknown): unknown {
  if (neo4j.isInt(value)) return value.toNumber();
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}
