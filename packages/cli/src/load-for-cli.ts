import { bpmnSourceLoader } from '@tracery/bpmn';
import { type LoadedRepository, loadRepository, TraceryError } from '@tracery/core';
import { type CliIo, progressLine } from './cli-io.js';

/**
 * Loads a repository for a command. A folder that is not a repository is reported on standard error
 * and gives undefined, so the command exits with 2; any other failure is a bug and propagates.
 * (Commands built on {@link CommandRun} use {@link tryLoadForCli}, which leaves the reporting to it.)
 */
export async function loadForCli(dir: string, io: CliIo): Promise<LoadedRepository | undefined> {
  const loaded = await tryLoadForCli(dir, io);
  if ('model' in loaded) return loaded;
  io.err(`tracery: ${loaded.problem}`);
  return undefined;
}

/** Loads a repository, or says why the folder is not one; shows progress when standard error is a terminal. */
export async function tryLoadForCli(
  dir: string,
  io: CliIo,
): Promise<LoadedRepository | { readonly problem: string }> {
  const progress = progressLine(io);
  progress.update(`loading ${dir}…`);
  try {
    // Diagrams named by `sources.bpmn` join the model, so every command sees them.
    return await loadRepository(dir, { loaders: [bpmnSourceLoader()] });
  } catch (error) {
    if (error instanceof TraceryError) return { problem: error.message };
    throw error;
  } finally {
    progress.done();
  }
}
