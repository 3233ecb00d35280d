import { resolve } from 'node:path';
import {
  formatDiagnostic,
  type ImpactOptions,
  type ImpactResult,
  loadConfig,
  type Metamodel,
  type TraceHit,
  type TraceryConfig,
  TraceryError,
} from '@tracery/core';
import {
  Neo4jConnectionError,
  type Neo4jConnectionOptions,
  queryDownstream,
  queryImpact,
  queryUpstream,
} from '@tracery/neo4j-adapter';
import type { Command } from 'commander';
import { type CliIo, EXIT } from './cli-io.js';
import { addNeo4jOptions, type Neo4jCommandOptions, neo4jTargetOf } from './neo4j-options.js';
import { writeOutput } from './write-output.js';

/** The options `--engine neo4j` adds to `impact` and `trace`. */
export type EngineOptions = Neo4jCommandOptions & { engine?: string };

/** The answers come from the in-memory engine (the default) or from the model exported to Neo4j. */
export const ENGINES = ['memory', 'neo4j'] as const;

/**
 * Adds `--engine memory|neo4j` and the Neo4j connection options to a command. With `neo4j`, the
 * command reads only tracery.yaml (the metamodel and settings) and asks the database, so a model
 * too large for one process can still be traced and assessed once exported.
 */
export function addEngineOptions(command: Command): Command {
  command.option(
    '--engine <engine>',
    'memory (load the repository) or neo4j (ask the model exported with tracery export neo4j; same answers)',
    'memory',
  );
  return addNeo4jOptions(command);
}

/** What a query in Neo4j needs: the repository's metamodel and settings, and where the model is. */
export type Neo4jSource = {
  readonly metamodel: Metamodel;
  readonly config: TraceryConfig;
  readonly target: Neo4jConnectionOptions;
  readonly scope: { readonly elementLabel: string; readonly database?: string };
};

/** Checks `--engine`; a message for a bad value. */
export function engineProblem(options: EngineOptions): string | undefined {
  const engine = options.engine ?? 'memory';
  return (ENGINES as readonly string[]).includes(engine)
    ? undefined
    : `--engine: expected memory or neo4j, got "${engine}".`;
}

/**
 * Reads tracery.yaml (not the model files) and the connection options. Problems in tracery.yaml are
 * errors here as when loading: printed, exit 1; bad options exit 2.
 */
export async function neo4jSource(
  repo: string,
  options: EngineOptions,
  io: CliIo,
): Promise<Neo4jSource | number> {
  const connection = neo4jTargetOf(options);
  if (typeof connection === 'string') {
    io.err(`tracery: ${connection}`);
    return EXIT.usage;
  }
  try {
    const loaded = await loadConfig(resolve(repo));
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
    for (const d of errors) io.err(formatDiagnostic(d));
    if (errors.length > 0) return EXIT.findings;
    return { metamodel: loaded.metamodel, config: loaded.config, ...connection };
  } catch (error) {
    if (!(error instanceof TraceryError)) throw error;
    io.err(`tracery: ${error.message}`);
    return EXIT.usage;
  }
}

/** Runs a question against Neo4j: a refused connection, bad input or unknown id exits 2 with its message. */
export async function askNeo4j(io: CliIo, command: string, ask: () => Promise<number>): Promise<number> {
  try {
    return await ask();
  } catch (error) {
    if (!(error instanceof TraceryError)) throw error;
    io.err(`tracery ${command}: ${error.message}`);
    if (error instanceof Neo4jConnectionError)
      io.err(`tracery ${command}: export the model first (tracery export neo4j), or use --engine memory.`);
    return EXIT.usage;
  }
}

/** `tracery trace <id> --up|--down --engine neo4j`: the trace from the database, printed as in memory. */
export async function traceFromNeo4j(
  id: string,
  options: EngineOptions & { repo?: string; up?: boolean; to?: string; out?: string },
  trace: { readonly types?: string[]; readonly kinds?: string[]; readonly maxDepth?: number },
  render: (hits: readonly TraceHit[]) => string,
  io: CliIo,
): Promise<number> {
  if (options.to !== undefined) {
    io.err('tracery trace: --to is answered in memory only; leave out --engine neo4j.');
    return EXIT.usage;
  }
  const source = await neo4jSource(options.repo ?? '.', options, io);
  if (typeof source === 'number') return source;
  return askNeo4j(io, 'trace', async () => {
    const query = options.up ? queryUpstream : queryDownstream;
    const hits = await query(source.target, source.metamodel, id, { ...source.scope, ...trace });
    await writeOutput(render(hits), options.out, io);
    return EXIT.ok;
  });
}

/**
 * `tracery impact <ids...> --engine neo4j`: the impact from the database with the repository's
 * tracery.yaml settings and the command's options, printed as in memory.
 */
export async function impactFromNeo4j(
  ids: readonly string[],
  options: EngineOptions & { repo?: string; out?: string },
  runOptions: (source: { metamodel: Metamodel; config: TraceryConfig }) => ImpactOptions | string,
  render: (result: ImpactResult) => string,
  io: CliIo,
): Promise<number> {
  const source = await neo4jSource(options.repo ?? '.', options, io);
  if (typeof source === 'number') return source;
  const run = runOptions(source);
  if (typeof run === 'string') {
    io.err(`tracery impact: ${run}`);
    return EXIT.usage;
  }
  return askNeo4j(io, 'impact', async () => {
    const result = await queryImpact(source.target, source.metamodel, ids, { ...source.scope, ...run });
    await writeOutput(render(result), options.out, io);
    return EXIT.ok;
  });
}
