import { resolve } from 'node:path';
import {
  formatDiagnostic,
  type ImpactOptions,
  type ImpactResult,
  type Metamodel,
  type TraceHit,
  type TraceryConfig,
  TraceryError,
} from '@tracery/core';
import { loadConfig } from '@tracery/core/advanced';
import type { Neo4jConnectionOptions } from '@tracery/neo4j-adapter';
import type { Command } from 'commander';
import { EXIT } from './cli-io.js';
import type { CommandRun } from './command-run.js';
import { addNeo4jOptions, type Neo4jCommandOptions, neo4jTargetOf } from './neo4j-options.js';
import { chooseRepository } from './repository-option.js';

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
 * Reads tracery.yaml (not the model files: the model is in Neo4j) of the repository `--repo` names or
 * that is found upward, and the connection options. Errors in tracery.yaml are reported as a load's
 * (exit 1); bad options and no repository exit 2.
 */
async function neo4jSource(
  run: CommandRun,
  options: EngineOptions & { repo?: string },
): Promise<Neo4jSource | undefined> {
  const connection = neo4jTargetOf(options);
  if (typeof connection === 'string') {
    run.fail(connection);
    return undefined;
  }
  const choice = chooseRepository(undefined, options.repo);
  if ('problem' in choice) {
    run.fail(choice.problem);
    return undefined;
  }
  try {
    const root = resolve(choice.dir);
    const loaded = await loadConfig(root);
    run.repository = { root, ...(loaded.config.name ? { name: loaded.config.name } : {}) };
    run.loadDiagnostics = [...loaded.diagnostics];
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) {
      for (const d of errors) run.io.err(formatDiagnostic(d));
      run.fail(`tracery.yaml has ${errors.length} error(s); fix them (tracery validate).`, {
        exit: EXIT.findings,
      });
      return undefined;
    }
    return { metamodel: loaded.metamodel, config: loaded.config, ...connection };
  } catch (error) {
    if (!(error instanceof TraceryError)) throw error;
    run.fail(error.message, { code: 'repository-unreadable' });
    return undefined;
  }
}

/** The Neo4j adapter (and its driver): imported only when a command asks Neo4j, not at start-up. */
type Neo4jAdapter = typeof import('@tracery/neo4j-adapter');

/** Runs a question against Neo4j: a refused connection, bad input or an unknown id exits 2 with its message. */
async function askNeo4j(run: CommandRun, ask: (adapter: Neo4jAdapter) => Promise<number>): Promise<number> {
  const adapter = await import('@tracery/neo4j-adapter');
  try {
    return await ask(adapter);
  } catch (error) {
    if (!(error instanceof TraceryError)) throw error;
    const hint =
      error instanceof adapter.Neo4jConnectionError
        ? ' Export the model first (tracery export neo4j), or use --engine memory.'
        : '';
    return run.fail(`${error.message}${hint}`);
  }
}

/** What a command prints of an answer: its payload for --json, its text otherwise. */
type Shown = { readonly payload: object; readonly text: () => string };

/** `tracery trace <id> --up|--down --engine neo4j`: the trace from the database, printed as in memory. */
export async function traceFromNeo4j(
  run: CommandRun,
  id: string,
  options: EngineOptions & { repo?: string; up?: boolean; to?: string; out?: string },
  trace: { readonly types?: string[]; readonly kinds?: string[]; readonly maxDepth?: number },
  show: (hits: readonly TraceHit[]) => Shown,
): Promise<number> {
  if (options.to !== undefined) return run.fail('--to is answered in memory only; leave out --engine neo4j.');
  const source = await neo4jSource(run, options);
  if (source === undefined) return run.exitCode;
  return askNeo4j(run, async ({ queryDownstream, queryUpstream }) => {
    const query = options.up ? queryUpstream : queryDownstream;
    const hits = await query(source.target, source.metamodel, id, { ...source.scope, ...trace });
    return run.finish({ ok: true, ...show(hits), out: options.out, exit: EXIT.ok });
  });
}

/**
 * `tracery impact <ids...> --engine neo4j`: the impact from the database with the repository's
 * tracery.yaml settings and the command's options, printed as in memory.
 */
export async function impactFromNeo4j(
  run: CommandRun,
  ids: readonly string[],
  options: EngineOptions & { repo?: string; out?: string },
  runOptions: (source: { metamodel: Metamodel; config: TraceryConfig }) => ImpactOptions | string,
  show: (result: ImpactResult) => Shown,
): Promise<number> {
  const source = await neo4jSource(run, options);
  if (source === undefined) return run.exitCode;
  const impact = runOptions(source);
  if (typeof impact === 'string') return run.fail(impact);
  return askNeo4j(run, async ({ queryImpact }) => {
    const result = await queryImpact(source.target, source.metamodel, ids, { ...source.scope, ...impact });
    return run.finish({ ok: true, ...show(result), out: options.out, exit: EXIT.ok });
  });
}
