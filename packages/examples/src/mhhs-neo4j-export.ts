import { runCli, START_COMMAND } from '@tracery/cli';
import { Neo4jConnectionError, withConnection } from '@tracery/neo4j-adapter';

/** Where the example looks for Neo4j: TRACERY_NEO4J_URI, else the launcher's default port. */
export const EXAMPLE_NEO4J_URI = process.env.TRACERY_NEO4J_URI ?? 'bolt://127.0.0.1:7687';

/**
 * The MHHS example's Neo4j step: exports the repository (with --prune) when a Neo4j answers at
 * {@link EXAMPLE_NEO4J_URI} within two seconds, and otherwise says how to start one and succeeds,
 * so that the main run works on a machine without Neo4j.
 */
export async function exportMhhsToNeo4j(repository: string): Promise<number> {
  if (!(await answers(EXAMPLE_NEO4J_URI))) {
    process.stdout.write(
      [
        `No Neo4j answers at ${EXAMPLE_NEO4J_URI}; skipping the export. To explore the design in Neo4j:`,
        `  ${START_COMMAND}      # Java 17 and Maven: a throw-away Neo4j 5.26 on bolt://127.0.0.1:7687`,
        '  pnpm example                                          # in another terminal: this run exports it',
        'or set TRACERY_NEO4J_URI (and TRACERY_NEO4J_USER, TRACERY_NEO4J_PASSWORD) to a Neo4j of your own.',
        '',
      ].join('\n'),
    );
    return 0;
  }
  return runCli(['export', 'neo4j', repository, '--uri', EXAMPLE_NEO4J_URI, '--prune']);
}

async function answers(uri: string): Promise<boolean> {
  try {
    await withConnection({ uri, connectionTimeoutMs: 2_000 }, async () => undefined);
    return true;
  } catch (error) {
    if (error instanceof Neo4jConnectionError) return false;
    throw error;
  }
}
