import { readConfig } from '../repository/load-config.js';
import { type LoadOptions, loadRepositoryWithConfig, repositoryRoot } from '../repository/load-repository.js';
import type { TraceryConfig } from '../repository/repository-config.js';
import { importSourcePlugin } from './import-source-plugin.js';
import { SOURCE_PACKAGES, type SourcePlugin } from './source-plugin.js';
import { TraceryRepository } from './tracery-repository.js';

/** Options of {@link openRepository}. */
export type OpenOptions = Pick<LoadOptions, 'cache' | 'fastParser'> & {
  /**
   * Source plugins to use instead of importing them by name (a plugin given here wins over the
   * package {@link SOURCE_PACKAGES} names for its source).
   */
  readonly plugins?: readonly SourcePlugin[];
};

/**
 * Opens the repository at `dir` as the CLI does: reads tracery.yaml, loads the model files and every
 * source it names (`sources.bpmn` through `@tracery/bpmn`, imported by name, so core does not depend on
 * it; a missing package is an error that names it), and gives a {@link TraceryRepository} that answers
 * impact, assessment, coverage, test-trace, check, trace and diff questions with the repository's
 * settings. Problems in the files are in `diagnostics` (check `ok`); it throws only when `dir` is not a
 * repository or a package it needs is missing.
 *
 * @example
 * const repo = await openRepository('packages/examples/mhhs');
 * const impact = await repo.impact(['DI-0023']);
 * const findings = (await repo.check()).findings;
 */
export async function openRepository(dir: string, options: OpenOptions = {}): Promise<TraceryRepository> {
  const root = await repositoryRoot(dir);
  // Read once: the plugins are chosen by the very config the load then runs under.
  const read = await readConfig(root);
  const plugins = await pluginsFor(root, read.loaded.config, options.plugins ?? []);
  const settings = {
    ...(options.cache === undefined ? {} : { cache: options.cache }),
    ...(options.fastParser === undefined ? {} : { fastParser: options.fastParser }),
  };
  const loaded = await loadRepositoryWithConfig(root, read, {
    ...settings,
    loaders: plugins.map((p) => p.loader()),
  });
  return new TraceryRepository(loaded, plugins, settings);
}

/** The plugins for the sources tracery.yaml names: the given ones, else imported by package name. */
async function pluginsFor(
  dir: string,
  config: TraceryConfig,
  given: readonly SourcePlugin[],
): Promise<SourcePlugin[]> {
  const named = Object.entries(config.sources)
    .filter(([source, globs]) => SOURCE_PACKAGES[source] !== undefined && globs !== undefined)
    .map(([source]) => source);
  const plugins = [...given];
  for (const source of named.sort()) {
    if (plugins.some((p) => p.source === source)) continue;
    plugins.push(await importSourcePlugin(source, SOURCE_PACKAGES[source]!, dir));
  }
  return plugins;
}
