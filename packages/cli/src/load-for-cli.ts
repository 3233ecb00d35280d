import { traceryPlugin } from '@tracery/bpmn';
import { openRepository, TraceryError, type TraceryRepository } from '@tracery/core';
import { type CliIo, progressLine } from './cli-io.js';

/** Per run of the CLI (keyed by its io): the load errors seen, and whether `--allow-errors` accepted them. */
const runs = new WeakMap<CliIo, { errors: number; accepted: boolean }>();

/** Runs (keyed by their io) that asked for no cache with `tracery --no-cache <command>`. */
const uncached = new WeakSet<CliIo>();

/** Records that this run reads every model file afresh and writes no cache (`--no-cache`). */
export function disableCache(io: CliIo): void {
  uncached.add(io);
}

/**
 * Whether a run uses the parsed-file cache in `<repository>/.tracery/cache`: yes, unless the run was
 * given `--no-cache` or the environment sets `TRACERY_CACHE=0` (or `false`, `off`, `no`).
 */
export function cacheWanted(io: CliIo, env: NodeJS.ProcessEnv = process.env): boolean {
  if (uncached.has(io)) return false;
  const setting = env.TRACERY_CACHE?.trim().toLowerCase();
  return setting === undefined || !['0', 'false', 'off', 'no'].includes(setting);
}

/**
 * Loads a repository for a command. A folder that is not a repository is reported on standard error
 * and gives undefined, so the command exits with 2; any other failure is a bug and propagates.
 * Load errors are remembered for the run: a command that would otherwise exit 0 exits 1
 * ({@link unacceptedLoadErrors}). Commands built on {@link CommandRun} use {@link tryLoadForCli}, which
 * leaves the reporting to them.
 */
export async function loadForCli(dir: string, io: CliIo): Promise<TraceryRepository | undefined> {
  const loaded = await tryLoadForCli(dir, io);
  if ('model' in loaded) return loaded;
  io.err(`tracery: ${loaded.problem}`);
  return undefined;
}

/** Loads a repository, or says why the folder is not one; shows progress when standard error is a terminal. */
export async function tryLoadForCli(
  dir: string,
  io: CliIo,
): Promise<TraceryRepository | { readonly problem: string }> {
  const progress = progressLine(io);
  progress.update(`loading ${dir}…`);
  try {
    // Opened as a script opens it (openRepository), so the CLI and scripts give the same answers; the CLI
    // brings @tracery/bpmn itself, so diagrams named by `sources.bpmn` join the model. Parsed model files
    // are kept in <repository>/.tracery/cache (safe to delete, ignored by git) unless turned off.
    const loaded = await openRepository(dir, {
      plugins: [traceryPlugin],
      cache: cacheWanted(io),
    });
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error').length;
    const run = runs.get(io) ?? { errors: 0, accepted: false };
    runs.set(io, { ...run, errors: run.errors + errors });
    return loaded;
  } catch (error) {
    if (error instanceof TraceryError) return { problem: error.message };
    throw error;
  } finally {
    progress.done();
  }
}

/** Records that the user accepted the load errors of this run (`--allow-errors` on a writing command). */
export function acceptLoadErrors(io: CliIo): void {
  runs.set(io, { errors: runs.get(io)?.errors ?? 0, accepted: true });
}

/** How many load errors this run saw that `--allow-errors` did not accept. */
export function unacceptedLoadErrors(io: CliIo): number {
  const run = runs.get(io);
  return run && !run.accepted ? run.errors : 0;
}
