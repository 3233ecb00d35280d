import { TraceryError } from '@tracery/core';

/**
 * Neo4j could not be reached, refused the credentials, or went away in the middle of the work.
 * The message says which server, what was being done, and what to do next; it never holds a password.
 *
 * @example
 * try { await exportModel({ uri: 'bolt://127.0.0.1:7687' }, model) } catch (e) { if (e instanceof Neo4jConnectionError) console.error(e.message) }
 */
export class Neo4jConnectionError extends TraceryError {
  override name = 'Neo4jConnectionError';
}

/** Neo4j answered, but refused a query of an export, pull or trace (a constraint, a bad value, a timeout). */
export class Neo4jQueryError extends TraceryError {
  override name = 'Neo4jQueryError';
}

/** The local Neo4j test server could not be built, started or stopped; the message names the step that failed. */
export class Neo4jServerError extends TraceryError {
  override name = 'Neo4jServerError';
}
