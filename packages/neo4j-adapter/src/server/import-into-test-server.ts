import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Neo4jServerError } from '../errors/neo4j-errors.js';
import { type BuildTestServerOptions, buildTestServer } from './build-test-server.js';

/** Options of {@link importIntoTestServer}. */
export type ImportIntoTestServerOptions = BuildTestServerOptions & {
  /** The data folder a test server is then started on (`startTestServer({ dataDir })`). */
  readonly dataDir: string;
  /** The arguments {@link writeImportCsv} returned (`--nodes=...`, `--relationships=...`, ...). */
  readonly arguments: readonly string[];
  /** The database to create; default `neo4j`, the server's default database. */
  readonly database?: string;
  /** The Java command; default `$JAVA_HOME/bin/java`, else `java`. */
  readonly java?: string;
  /** Heap of the import tool; default `1g`. */
  readonly heap?: string;
  /** How long the import may take; default 10 minutes. */
  readonly timeoutMs?: number;
};

/** What the import tool printed, for a report. */
export type ImportIntoTestServerResult = { readonly output: string; readonly ms: number };

/**
 * Runs Neo4j's own bulk importer (`neo4j-admin database import full`, the `AdminTool` class of
 * the Neo4j 5.26 the test server runs, from its Maven dependencies) on CSV files written by
 * {@link writeImportCsv}, into a data folder that a test server then starts on. The database must
 * not exist yet: the importer only fills an empty one. Fails with a {@link Neo4jServerError}
 * holding the importer's output when it refuses a file.
 *
 * @example
 * const { arguments: args } = await writeImportCsv(model, csvDir);
 * await importIntoTestServer({ dataDir, arguments: args });
 * const server = await startTestServer({ dataDir });
 */
export async function importIntoTestServer(
  options: ImportIntoTestServerOptions,
): Promise<ImportIntoTestServerResult> {
  const { folder } = await buildTestServer(options);
  const dataDir = resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  // The importer reads its settings (where the data folder is) from a neo4j.conf in NEO4J_CONF.
  const home = await mkdtemp(join(tmpdir(), 'tracery-neo4j-import-'));
  try {
    await writeFile(join(home, 'neo4j.conf'), `server.directories.data=${dataDir}\n`);
    const java =
      options.java ?? (process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java');
    const args = [
      `-Xmx${options.heap ?? '1g'}`,
      '-cp',
      join(folder, 'target', 'lib', '*'),
      'org.neo4j.cli.AdminTool',
      'database',
      'import',
      'full',
      // The database first: --nodes and --relationships take several files, and would take it for one.
      options.database ?? 'neo4j',
      // Its report of refused rows would otherwise land in the current folder.
      `--report-file=${join(home, 'import.report')}`,
      ...options.arguments,
    ];
    const env = { ...process.env, NEO4J_HOME: home, NEO4J_CONF: home };
    return await runImporter(java, args, env, options.timeoutMs ?? 10 * 60_000);
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

function runImporter(
  java: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<ImportIntoTestServerResult> {
  const started = performance.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(java, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
    const output: string[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Neo4jServerError(`could not run "${java}" for neo4j-admin import: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const text = output.join('');
      if (code === 0) resolvePromise({ output: text, ms: performance.now() - started });
      else {
        const how = signal ? `was stopped by ${signal}` : `exited with ${code}`;
        reject(new Neo4jServerError(`neo4j-admin database import full ${how}:\n${text.slice(-4000)}`));
      }
    });
  });
}
