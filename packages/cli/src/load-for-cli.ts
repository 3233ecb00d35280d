import { bpmnSourceLoader } from '@tracery/bpmn';
import { type LoadedRepository, loadRepository, TraceryError } from '@tracery/core';
import type { CliIo } from './cli-io.js';

/**
 * Loads a repository for a command. A folder that is not a repository is reported on standard error
 * and gives undefined, so the command exits with 2; any other failure is a bug and propagates.
 */
export async function loadForCli(dir: string, io: CliIo): Promise<LoadedRepository | undefined> {
  try {
    // Diagrams named by `sources.bpmn` join the model, so every command sees them.
    return await loadRepository(dir, { loaders: [bpmnSourceLoader()] });
  } catch (error) {
    if (error instanceof TraceryError) {
      io.err(`tracery: ${error.message}`);
      return undefined;
    }
    throw error;
  }
}
