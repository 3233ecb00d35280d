import { traceryPlugin } from '@tracery/bpmn';
import { openRepository, TraceryError, type TraceryRepository } from '@tracery/core';
import { type CliIo, progressLine } from './cli-io.js';
import { cacheWanted, countLoadErrors } from './cli-run-state.js';

/**
 * Loads a repository for a command. A folder that is not a repository is reported on standard error
 * and gives undefined, so the command exits with 2; any other failure is a bug and propagates.
 * Load errors are remembered for the run: a command that would otherwise exit 0 exits 1
 * (unacceptedLoadErrors in cli-run-state.ts). Commands built on {@link CommandRun} use {@link tryLoadForCli}, which
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
    countLoadErrors(io, errors);
    return loaded;
  } catch (error) {
    if (error instanceof TraceryError) return { problem: error.message };
    throw error;
  } finally {
    progress.done();
  }
}
