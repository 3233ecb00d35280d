import type { TestProject } from 'vitest/node';
import { startTestServer, stopTestServer } from '../src/server/test-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Bolt URI of the Neo4j the adapter's tests run against. */
    neo4jUri: string;
  }
}

/**
 * Gives the adapter's tests a real Neo4j: the one at TRACERY_NEO4J_URI when it is set (credentials
 * from TRACERY_NEO4J_USER / TRACERY_NEO4J_PASSWORD), otherwise a throw-away server that the Java
 * launcher in ../server starts (built with Maven on first use) and that teardown stops.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const external = process.env.TRACERY_NEO4J_URI;
  if (external) {
    project.provide('neo4jUri', external);
    return undefined;
  }
  const started = performance.now();
  const server = await startTestServer({ heap: '2g' });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `neo4j-adapter tests: Neo4j test server ready at ${server.uri} after ${seconds} s (build included)`,
  );
  project.provide('neo4jUri', server.uri);
  return async () => {
    await stopTestServer(server);
  };
}
