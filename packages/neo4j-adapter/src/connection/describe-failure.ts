import { Neo4jError } from 'neo4j-driver';
import { Neo4jConnectionError, Neo4jQueryError } from '../errors/neo4j-errors.js';

const CONNECTION_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

/**
 * Turns an error from the driver into a Tracery error that says where, while doing what, and what
 * to do next, with every secret replaced by `***`. Errors that did not come from Neo4j pass through.
 *
 * @example
 * throw describeNeo4jFailure(error, connection, 'writing nodes (batch 3 of 10)')
 */
export function describeNeo4jFailure(
  error: unknown,
  connection: { readonly where: string; readonly secrets: readonly string[] },
  doing: string,
): unknown {
  if (!(error instanceof Neo4jError)) return error;
  const code = String(error.code);
  const detail = redact(firstLine(error.message), connection.secrets);
  if (CONNECTION_CODES.has(code)) {
    return new Neo4jConnectionError(
      `${connection.where}: could not reach the server while ${doing} (${code}): ${detail}. Check that it is running; a re-run picks up where this one stopped.`,
      { cause: error },
    );
  }
  if (code.startsWith('Neo.ClientError.Security.')) {
    return new Neo4jConnectionError(
      `${connection.where} refused the credentials while ${doing} (${code}); check the user and the password (not shown).`,
      { cause: error },
    );
  }
  return new Neo4jQueryError(`${connection.where} refused a query while ${doing} (${code}): ${detail}`, {
    cause: error,
  });
}

function firstLine(message: string): string {
  const line = message.split('\n', 1)[0] ?? '';
  return line.length > 300 ? `${line.slice(0, 300)}...` : line;
}

/** Replaces every occurrence of each secret by `***`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length > 0) out = out.split(secret).join('***');
  return out;
}
