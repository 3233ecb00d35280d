import { InvalidArgumentError } from '@tracery/core';
import neo4j, { type Driver } from 'neo4j-driver';
import { Neo4jConnectionError } from '../errors/neo4j-errors.js';
import { describeNeo4jFailure } from './describe-failure.js';

/**
 * Where and how to connect. The password comes from `password`, else from the environment variable
 * that `passwordEnv` names, else from `TRACERY_NEO4J_PASSWORD`; with none, no credentials are sent
 * (a server with authentication off). It is never printed.
 */
export type Neo4jConnectionOptions = {
  /** A Bolt or Neo4j URI: `bolt://127.0.0.1:7687`, `neo4j://host:7687`. */
  readonly uri: string;
  /** The user name; default `TRACERY_NEO4J_USER`, else `neo4j`. */
  readonly user?: string;
  readonly password?: string;
  /** The name of the environment variable that holds the password, such as `TRACERY_NEO4J_PASSWORD`. */
  readonly passwordEnv?: string;
  /** How long to wait for a connection before giving up; default 10 000 ms. */
  readonly connectionTimeoutMs?: number;
  /** How long to keep retrying a transaction that failed for a transient reason; default 15 000 ms. */
  readonly retryTimeoutMs?: number;
};

/** A driver the caller owns, or the options to open one for the duration of a call. */
export type Neo4jTarget = Driver | Neo4jConnectionOptions;

/** An open connection: the driver, where it points (for messages) and the secrets to keep out of them. */
export type Connection = {
  readonly driver: Driver;
  readonly where: string;
  readonly secrets: readonly string[];
};

const DEFAULT_CONNECTION_TIMEOUT_MS = 10_000;
const DEFAULT_RETRY_TIMEOUT_MS = 15_000;

/** True when the target is a driver rather than connection options. */
export function isDriver(target: Neo4jTarget): target is Driver {
  return typeof (target as Driver).session === 'function' && typeof (target as Driver).close === 'function';
}

/**
 * Runs `work` with a connection to the target: a caller's driver is used as it is and left open;
 * options open a driver that is closed afterwards. Connectivity is checked first, within the
 * connection timeout, so an unreachable server fails fast with {@link Neo4jConnectionError}.
 *
 * @example
 * await withConnection({ uri: 'bolt://127.0.0.1:7687' }, async ({ driver }) => driver.getServerInfo())
 */
export async function withConnection<T>(
  target: Neo4jTarget,
  work: (connection: Connection) => Promise<T>,
): Promise<T> {
  if (isDriver(target)) {
    const connection = { driver: target, where: 'Neo4j', secrets: [] };
    await verify(connection, DEFAULT_CONNECTION_TIMEOUT_MS);
    return work(connection);
  }
  const connection = openDriver(target);
  try {
    await verify(connection, target.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS);
    return await work(connection);
  } finally {
    await connection.driver.close();
  }
}

/**
 * Opens a driver from connection options (checking them at the door); the caller closes it.
 *
 * @example
 * const { driver } = openDriver({ uri: 'bolt://127.0.0.1:7687', passwordEnv: 'TRACERY_NEO4J_PASSWORD' })
 */
export function openDriver(options: Neo4jConnectionOptions): Connection {
  if (typeof options.uri !== 'string' || !/^(bolt|neo4j)(\+s|\+ssc)?:\/\//.test(options.uri)) {
    throw new InvalidArgumentError(
      `uri: expected a bolt:// or neo4j:// URI, got ${JSON.stringify(String(options.uri))}.`,
    );
  }
  const timeout =
    positive(options.connectionTimeoutMs, 'connectionTimeoutMs') ?? DEFAULT_CONNECTION_TIMEOUT_MS;
  const retry = positive(options.retryTimeoutMs, 'retryTimeoutMs') ?? DEFAULT_RETRY_TIMEOUT_MS;
  const password = resolvePassword(options);
  const user = options.user ?? process.env.TRACERY_NEO4J_USER ?? 'neo4j';
  const auth = password === undefined ? undefined : neo4j.auth.basic(user, password);
  const driver = neo4j.driver(options.uri, auth, {
    connectionTimeout: timeout,
    connectionAcquisitionTimeout: timeout,
    maxTransactionRetryTime: retry,
    userAgent: 'tracery-neo4j-adapter',
  });
  return { driver, where: describeUri(options.uri), secrets: password ? [password] : [] };
}

function resolvePassword(options: Neo4jConnectionOptions): string | undefined {
  if (options.password !== undefined) return options.password;
  if (options.passwordEnv !== undefined) {
    const value = process.env[options.passwordEnv];
    if (value === undefined) {
      throw new InvalidArgumentError(
        `passwordEnv: the environment variable ${options.passwordEnv} is not set.`,
      );
    }
    return value;
  }
  return process.env.TRACERY_NEO4J_PASSWORD;
}

function positive(value: number | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isFinite(value) || value <= 0) {
    throw new InvalidArgumentError(`${name}: expected a positive number of milliseconds, got ${value}.`);
  }
  return value;
}

/** The URI without any user information, for messages. */
function describeUri(uri: string): string {
  return `Neo4j at ${uri.replace(/\/\/[^@/]*@/, '//')}`;
}

async function verify(connection: Connection, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Neo4jConnectionError(
            `${connection.where} did not answer within ${timeoutMs} ms; check that it is running and reachable.`,
          ),
        ),
      timeoutMs,
    );
  });
  try {
    await Promise.race([connection.driver.verifyConnectivity(), timeout]);
  } catch (error) {
    throw describeNeo4jFailure(error, connection, 'connecting');
  } finally {
    clearTimeout(timer);
  }
}
