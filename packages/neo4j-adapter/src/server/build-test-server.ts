import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Neo4jServerError } from '../errors/neo4j-errors.js';

/** Options of {@link buildTestServer}. */
export type BuildTestServerOptions = {
  /** The Maven command; default `mvn`. */
  readonly maven?: string;
  /** How long the build may take (the first one downloads Neo4j); default 15 minutes. */
  readonly buildTimeoutMs?: number;
  /** Receives Maven's output line by line. */
  readonly log?: (line: string) => void;
};

/** The files of the built launcher. */
export type TestServerBuild = { readonly folder: string; readonly jar: string };

const JAR = 'tracery-neo4j-server.jar';

/** The launcher's Maven project (`server/` in this package), found from this module's location. */
export function testServerFolder(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 5; up += 1) {
    if (existsSync(join(dir, 'server', 'pom.xml'))) return join(dir, 'server');
    dir = dirname(dir);
  }
  throw new Neo4jServerError(
    'the Neo4j launcher project (server/pom.xml) was not found beside @tracery/neo4j-adapter.',
  );
}

/**
 * Builds the Java launcher with Maven (`mvn -q -B package`, which also copies its dependencies to
 * `target/lib/`) unless the jar is newer than its sources. Concurrent callers wait for one build.
 *
 * @example
 * const { jar } = await buildTestServer()
 */
export async function buildTestServer(options: BuildTestServerOptions = {}): Promise<TestServerBuild> {
  const folder = testServerFolder();
  const build = { folder, jar: join(folder, 'target', JAR) };
  if (await isUpToDate(folder)) return build;
  const timeoutMs = options.buildTimeoutMs ?? 15 * 60_000;
  const lock = join(folder, 'target', '.build-lock');
  await mkdir(join(folder, 'target'), { recursive: true });
  await acquireLock(lock, timeoutMs);
  try {
    if (!(await isUpToDate(folder))) await runMaven(folder, options.maven ?? 'mvn', timeoutMs, options.log);
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
  return build;
}

async function isUpToDate(folder: string): Promise<boolean> {
  try {
    const jar = await stat(join(folder, 'target', JAR));
    const libs = await readdir(join(folder, 'target', 'lib'));
    if (!libs.some((name) => name.startsWith('neo4j-harness-'))) return false;
    const sources = [join(folder, 'pom.xml'), ...(await listFiles(join(folder, 'src')))];
    for (const source of sources) if ((await stat(source)).mtimeMs > jar.mtimeMs) return false;
    return true;
  } catch {
    return false;
  }
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

async function acquireLock(lock: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await mkdir(lock);
      return;
    } catch {
      const age = Date.now() - (await stat(lock).catch(() => ({ mtimeMs: 0 }))).mtimeMs;
      if (age > timeoutMs) await rm(lock, { recursive: true, force: true });
      else if (Date.now() > deadline)
        throw new Neo4jServerError(
          `another build of the Neo4j launcher holds ${lock}; remove it if no build is running.`,
        );
      else await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

function runMaven(
  folder: string,
  maven: string,
  timeoutMs: number,
  log?: (line: string) => void,
): Promise<void> {
  const args = ['-q', '-B', '-Dstyle.color=never', '-f', join(folder, 'pom.xml'), 'package'];
  const tail: string[] = [];
  return new Promise((resolve, reject) => {
    const child = spawn(maven, args, { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] });
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim() === '') continue;
        log?.(line);
        tail.push(line);
        if (tail.length > 30) tail.shift();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(
        new Neo4jServerError(
          `building the Neo4j launcher: could not run "${maven}" (${(error as NodeJS.ErrnoException).code ?? error.message}); install Maven 3.8+ and Java 17, or set TRACERY_NEO4J_URI to a running Neo4j.`,
          { cause: error },
        ),
      );
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve();
      const why =
        signal === 'SIGKILL' ? `took longer than ${timeoutMs} ms` : `failed (exit ${code ?? signal})`;
      reject(
        new Neo4jServerError(
          `building the Neo4j launcher with "${maven} ${args.join(' ')}" ${why}; its last output:\n${tail.join('\n')}`,
        ),
      );
    });
  });
}
