import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { startTestServer, stopTestServer } from '../src/server/test-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Bolt URI of the Neo4j the adapter's tests run against. */
    neo4jUri: string;
    /** The user the tests log in as. */
    neo4jUser: string;
    /** Its password (made up for each run when the tests start their own server). */
    neo4jPassword: string;
  }
}

/**
 * Gives the adapter's tests a real Neo4j with authentication on: the one at TRACERY_NEO4J_URI when
 * it is set (credentials from TRACERY_NEO4J_USER / TRACERY_NEO4J_PASSWORD), otherwise one throw-away
 * server for the whole run, started by the Java launcher in ../server (built with Maven on first use)
 * with a user and a password made up for the run, and stopped by teardown.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const external = process.env.TRACERY_NEO4J_URI;
  if (external) {
    project.provide('neo4jUri', external);
    project.provide('neo4jUser', process.env.TRACERY_NEO4J_USER ?? 'neo4j');
    project.provide('neo4jPassword', process.env.TRACERY_NEO4J_PASSWORD ?? '');
    return undefined;
  }
  const started = performance.now();
  const auth = { user: 'tracery', password: `pw-${randomBytes(12).toString('hex')}` };
  const server = await startTestServer({ heap: '2g', auth });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `neo4j-adapter tests: Neo4j test server ready at ${server.uri} (authentication on) after ${seconds} s (build included)`,
  );
  project.provide('neo4jUri', server.uri);
  project.provide('neo4jUser', auth.user);
  project.provide('neo4jPassword', auth.password);
  return async () => {
    await stopTestServer(server);
  };
}
