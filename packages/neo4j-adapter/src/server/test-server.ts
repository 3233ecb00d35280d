import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import neo4j from 'neo4j-driver';
import { Neo4jServerError } from '../errors/neo4j-errors.js';
import { type BuildTestServerOptions, buildTestServer } from './build-test-server.js';

/** Options of {@link startTestServer}. */
export type TestServerOptions = BuildTestServerOptions & {
  /** Keep the databases in this folder, so that a server started on it again finds the data. */
  readonly dataDir?: string;
  /** The Bolt port; default any free port. */
  readonly port?: number;
  /** The JVM's maximum heap, as `-Xmx` takes it; default `2g`. */
  readonly heap?: string;
  /** Neo4j's page cache in MiB; default 256. */
  readonly pageCacheMb?: number;
  /** How long to wait for the server to take Bolt connections; default 120 000 ms. */
  readonly startTimeoutMs?: number;
  /** The Java command; default `$JAVA_HOME/bin/java`, else `java`. */
  readonly java?: string;
  /**
   * Authentication on, with this one user (password of 8 characters or more). The password reaches
   * the server through its environment, never its command line. Default: authentication off.
   */
  readonly auth?: TestServerAuth;
};

/** The one user of a test server with authentication on. */
export type TestServerAuth = { readonly user: string; readonly password: string };

/**
 * A running test server: its Bolt URI, process id, and temporary folder (Neo4j's logs are there).
 * Stop it with {@link stopTestServer}.
 */
export type TestServer = {
  readonly uri: string;
  readonly pid: number;
  readonly workDir: string;
  /** The user, when authentication is on. */
  readonly auth?: TestServerAuth;
};

type State = {
  child: ChildProcess;
  workDir: string;
  exited: Promise<void>;
  onExit: () => void;
  stopped: boolean;
};
const STATES = new WeakMap<TestServer, State>();

/**
 * Builds the launcher if needed, starts a throw-away Neo4j 5.26 on 127.0.0.1 (Bolt, files in a
 * temporary folder; authentication off unless `auth` gives a user) and waits until a driver can
 * connect to it.
 * The server stops with {@link stopTestServer}, when this process exits, or when its stdin closes.
 *
 * @example
 * const server = await startTestServer(); try { ... server.uri ... } finally { await stopTestServer(server) }
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const { jar } = await buildTestServer(options);
  const workDir = await mkdtemp(join(tmpdir(), 'tracery-neo4j-'));
  const args = [
    `-Xmx${options.heap ?? '2g'}`,
    '-XX:+ExitOnOutOfMemoryError',
    '-jar',
    jar,
    '--exit-on-stdin-close',
    `--work-dir=${workDir}`,
  ];
  if (options.dataDir !== undefined) args.push(`--data-dir=${options.dataDir}`);
  if (options.port !== undefined) args.push(`--port=${options.port}`);
  if (options.pageCacheMb !== undefined) args.push(`--page-cache-mb=${options.pageCacheMb}`);
  const env = { ...process.env };
  if (options.auth !== undefined) {
    args.push('--auth');
    env.TRACERY_NEO4J_SERVER_USER = options.auth.user;
    env.TRACERY_NEO4J_SERVER_PASSWORD = options.auth.password;
  }
  const java = options.java ?? (process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java');
  // Its own process group, so that stopping it reaches every thread and leaves no orphan.
  const child = spawn(java, args, { stdio: ['pipe', 'pipe', 'pipe'], detached: true, env });
  const exited = new Promise<void>((resolve) => {
    child.once('close', () => resolve());
    child.once('error', () => resolve());
  });
  const onExit = () => killGroup(child, 'SIGKILL');
  process.once('exit', onExit);
  const state: State = { child, workDir, exited, onExit, stopped: false };
  try {
    const uri = await waitForBoltUri(child, java, options.startTimeoutMs ?? 120_000, options.log);
    await waitForConnection(uri, options.startTimeoutMs ?? 120_000, options.auth);
    const server: TestServer = {
      uri,
      pid: child.pid ?? -1,
      workDir,
      ...(options.auth === undefined ? {} : { auth: options.auth }),
    };
    STATES.set(server, state);
    return server;
  } catch (error) {
    await stopState(state, true);
    throw error;
  }
}

/**
 * Stops a test server: SIGTERM to its process group (SIGKILL with `force`, as a crash would),
 * waits for it to exit, and removes its temporary folder. Stopping twice does nothing.
 *
 * @example
 * await stopTestServer(server)
 */
export async function stopTestServer(
  server: TestServer,
  options: { readonly force?: boolean } = {},
): Promise<void> {
  const state = STATES.get(server);
  if (state) await stopState(state, options.force ?? false);
}

async function stopState(state: State, force: boolean): Promise<void> {
  if (state.stopped) return;
  state.stopped = true;
  killGroup(state.child, force ? 'SIGKILL' : 'SIGTERM');
  const late = setTimeout(() => killGroup(state.child, 'SIGKILL'), 20_000);
  await state.exited;
  clearTimeout(late);
  process.removeListener('exit', state.onExit);
  await rm(state.workDir, { recursive: true, force: true });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

function waitForBoltUri(
  child: ChildProcess,
  java: string,
  timeoutMs: number,
  log?: (line: string) => void,
): Promise<string> {
  const tail: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => {
    log?.(line);
    tail.push(line);
    if (tail.length > 30) tail.shift();
  });
  const output = () => (tail.length > 0 ? `; its last output:\n${tail.join('\n')}` : '');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(new Neo4jServerError(`Neo4j did not print its Bolt URI within ${timeoutMs} ms${output()}`)),
      timeoutMs,
    );
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^BOLT_URI=(bolt:\/\/\S+)$/.exec(line);
      if (!match?.[1]) return log?.(line);
      clearTimeout(timer);
      resolve(match[1]);
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      const code = (error as NodeJS.ErrnoException).code ?? error.message;
      reject(
        new Neo4jServerError(`could not run "${java}" (${code}); install Java 17 or set JAVA_HOME.`, {
          cause: error,
        }),
      );
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      // Let the last lines of stderr arrive before they are quoted.
      setTimeout(
        () => reject(new Neo4jServerError(`Neo4j exited before it was ready (${code ?? signal})${output()}`)),
        100,
      );
    });
  });
}

async function waitForConnection(uri: string, timeoutMs: number, auth?: TestServerAuth): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const token = auth === undefined ? undefined : neo4j.auth.basic(auth.user, auth.password);
  const driver = neo4j.driver(uri, token, { connectionTimeout: 5_000 });
  try {
    for (;;) {
      try {
        await driver.verifyConnectivity();
        return;
      } catch (error) {
        if (Date.now() > deadline) {
          throw new Neo4jServerError(
            `Neo4j printed ${uri} but no driver could connect within ${timeoutMs} ms.`,
            { cause: error },
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  } finally {
    await driver.close();
  }
}
