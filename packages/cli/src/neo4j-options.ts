import type { Neo4jConnectionOptions } from '@tracery/neo4j-adapter';
import type { Command } from 'commander';

/** The Neo4j connection options a command takes, as commander parses them. */
export type Neo4jCommandOptions = {
  uri?: string;
  user?: string;
  passwordEnv?: string;
  database?: string;
  label: string;
  connectTimeout: string;
};

/** The URI used when neither --uri nor TRACERY_NEO4J_URI says otherwise. */
export const DEFAULT_NEO4J_URI = 'bolt://127.0.0.1:7687';

/**
 * Adds the options that say which Neo4j to use and how to log in (the password only ever through an
 * environment variable), shared by `export neo4j` and by `impact` and `trace` with `--engine neo4j`.
 */
export function addNeo4jOptions(command: Command): Command {
  return command
    .option('--uri <uri>', `the Bolt URI of Neo4j (default: $TRACERY_NEO4J_URI, else ${DEFAULT_NEO4J_URI})`)
    .option('--user <name>', 'the Neo4j user (default: $TRACERY_NEO4J_USER, else neo4j)')
    .option(
      '--password-env <var>',
      'the environment variable that holds the Neo4j password (default: TRACERY_NEO4J_PASSWORD; unset: no authentication)',
    )
    .option('--database <name>', "the Neo4j database (default: the server's default)")
    .option('--label <label>', 'the label every element node carries in Neo4j', 'Element')
    .option('--connect-timeout <seconds>', 'give up when Neo4j does not answer within this time', '10');
}

/** The connection and scope the options give, or a usage message. */
export function neo4jTargetOf(
  options: Neo4jCommandOptions,
): { target: Neo4jConnectionOptions; scope: { elementLabel: string; database?: string } } | string {
  const timeout = Number(options.connectTimeout);
  if (!(timeout > 0))
    return `--connect-timeout: expected a number of seconds, got "${options.connectTimeout}".`;
  return {
    target: {
      uri: options.uri ?? process.env.TRACERY_NEO4J_URI ?? DEFAULT_NEO4J_URI,
      ...(options.user === undefined ? {} : { user: options.user }),
      ...(options.passwordEnv === undefined ? {} : { passwordEnv: options.passwordEnv }),
      connectionTimeoutMs: timeout * 1000,
    },
    scope: {
      elementLabel: options.label,
      ...(options.database === undefined ? {} : { database: options.database }),
    },
  };
}
