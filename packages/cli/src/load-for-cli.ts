import { traceryPlugin } from '@tracery/bpmn';
import { openRepository, TraceryError, type TraceryRepository } from '@tracery/core';
import { type CliIo, progressLine } from './cli-io.js';

/** Per run of the CLI (keyed by its io): the load errors seen, and whether `--allow-errors` accepted them. */
const runs = new WeakMap<CliIo, { errors: number; accepted: boolean }>();

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
    // are kept in <repository>/.tracery/cache (safe to delete) when TRACERY_CACHE=1: off by default
    // until the "no file changed" checks of the hostile suite allow for it.
    const loaded = await openRepository(dir, {
      plugins: [traceryPlugin],
      cache: process.env.TRACERY_CACHE === '1',
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
