import type { CliIo } from './cli-io.js';

// What one run of the CLI (keyed by its io) has seen and been told, kept apart from the loading code
// so that the program can read it without importing the library at start-up (issue 17).

/** Per run: the load errors seen, and whether `--allow-errors` accepted them. */
const runs = new WeakMap<CliIo, { errors: number; accepted: boolean }>();

/** Runs that asked for no cache with `tracery --no-cache <command>`. */
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

/** Records that a load of this run gave `errors` load errors. */
export function countLoadErrors(io: CliIo, errors: number): void {
  const run = runs.get(io) ?? { errors: 0, accepted: false };
  runs.set(io, { ...run, errors: run.errors + errors });
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
