import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { compareDiagnostics } from '../diagnostics/diagnostic.js';
import { RepositoryError } from '../errors/tracery-error.js';
import type { Metamodel } from '../metamodel/metamodel.js';
import type { Model } from '../model/model.js';
import { appendAll } from './append-all.js';
import { discoverFiles } from './discover-files.js';
import { idRule } from './id-safety.js';
import { type ReadConfig, readConfig } from './load-config.js';
import { loadSnapshotKey } from './load-snapshot-key.js';
import type { ElementDraft, RelationDraft, SchemaCache } from './model-drafts.js';
import { ModelFileCache } from './model-file-cache.js';
import { ModelResolver } from './model-resolver.js';
import { ModelSnapshotCache, type SnapshotSlot } from './model-snapshot-cache.js';
import { decodeModelTexts, readModelBytes, readModelContents } from './read-model-files.js';
import type { TraceryConfig } from './repository-config.js';
import { workersSetting } from './workers-setting.js';

/** What a source loader (such as BPMN diagrams) adds to the drafts read from the model files. */
export type LoaderResult = {
  readonly elements: readonly ElementDraft[];
  readonly relations: readonly RelationDraft[];
  readonly diagnostics: readonly Diagnostic[];
  /** Repository paths of the files the loader read. */
  readonly files: readonly string[];
};

/** A plug-in that turns other sources into elements and relations when a repository loads. */
export type SourceLoader = {
  readonly name: string;
  load(context: {
    readonly root: string;
    readonly config: TraceryConfig;
    readonly metamodel: Metamodel;
    /** The elements and relations read from the model files so far. */
    readonly elements: readonly ElementDraft[];
    readonly relations: readonly RelationDraft[];
  }): Promise<LoaderResult>;
  /**
   * The files this loader would read under a config (absolute paths) and the version of its code, so
   * that a load can be answered whole from the cache while none of them changes. A loader without it
   * turns the whole-load cache off. `idle: true` says that under this config its load reads nothing
   * and adds nothing (no element, relation, diagnostic or file): the answer is the one without it, so
   * it adds nothing to the key, and a load that passes it shares its snapshot with one that does not
   * (the CLI always brings the BPMN loader; a script, only when tracery.yaml names diagrams).
   */
  inputs?(context: { readonly root: string; readonly config: TraceryConfig }): Promise<{
    readonly files: readonly string[];
    readonly version: string;
    readonly idle?: boolean;
  }>;
};

/** Options for {@link loadRepository}. */
export type LoadOptions = {
  readonly loaders?: readonly SourceLoader[];
  /**
   * Keep what reading each model file gave in `.tracery/cache` and reuse it while the file, the
   * config and the tool are unchanged; and keep the whole load's answer, reused while nothing the load
   * read has changed (default false; the CLI turns it on). Only a load without errors writes it,
   * unless `'also-with-errors'`. Safe to delete.
   */
  readonly cache?: boolean | 'also-with-errors';
  /**
   * Parse plain files with the fast parser (js-yaml with positions) and fall back to the full `yaml`
   * parser for anything unusual (default true). Both give the same model and the same positions; the
   * full parser alone is several times slower.
   */
  readonly fastParser?: boolean;
  /**
   * Worker threads that parse model files: `'auto'` (default) starts one per core when there are
   * at least two files and 8 MiB of text to parse and a core is idle (by the 1-minute load average),
   * else reads in this thread; a number starts at most
   * that many (never more than the cores), `0` none. The `TRACERY_WORKERS` environment variable
   * (`auto` or a number) sets it when this option is not given. Every setting gives the same answer.
   */
  readonly workers?: 'auto' | number;
};

/** A loaded repository: its config, metamodel and model, every diagnostic (sorted), and the files read. */
export type LoadedRepository = {
  readonly root: string;
  readonly config: TraceryConfig;
  readonly metamodel: Metamodel;
  readonly model: Model;
  readonly diagnostics: readonly Diagnostic[];
  /** Repository paths of every file that was read, sorted. */
  readonly files: readonly string[];
};

/**
 * Loads a repository: tracery.yaml, every model file, and what the given loaders add. Returns the
 * model with ALL the problems found, each with file, line and column; it throws only when the folder
 * is not a repository at all ({@link RepositoryError}).
 *
 * @example
 * const { model, diagnostics } = await loadRepository('packages/examples/mhhs');
 */
export async function loadRepository(dir: string, options: LoadOptions = {}): Promise<LoadedRepository> {
  const root = await repositoryRoot(dir);
  return loadRepositoryWithConfig(root, await readConfig(root), options);
}

/** The absolute path of the repository folder `dir`; throws {@link RepositoryError} when it is not a folder. */
export async function repositoryRoot(dir: string): Promise<string> {
  const root = resolve(dir);
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory())
    throw new RepositoryError(`"${dir}" is not a folder; give the path of a Tracery repository.`);
  return root;
}

/**
 * {@link loadRepository} under a config already read from `root` (by {@link readConfig}), so that a
 * caller who needed the config first (to choose the source plugins) reads tracery.yaml once, and
 * what it chose by is what the load runs under.
 */
export function loadRepositoryWithConfig(
  root: string,
  read: ReadConfig,
  options: LoadOptions = {},
): Promise<LoadedRepository> {
  return loadRepositoryCachedIn(root, read, options);
}

/** Where a load keeps its cache when not in its own folder: another repository's, in a slot of its own. */
export type CachePlace = { readonly root: string; readonly slot: SnapshotSlot };

/**
 * {@link loadRepositoryWithConfig}, with the cache (when `options.cache` asks for one) kept in
 * `place.root`'s `.tracery/cache` instead of `root`'s: how a git revision's files, written to a
 * temporary folder, are loaded through the repository's cache (its entries are keyed by content,
 * and the paths in them are relative to the repository), in the `revision` slot.
 */
export async function loadRepositoryCachedIn(
  root: string,
  read: ReadConfig,
  options: LoadOptions = {},
  place: CachePlace = { root, slot: 'model' },
): Promise<LoadedRepository> {
  const workers = workersSetting(options.workers);
  const { config, metamodel, diagnostics: configDiagnostics, tolerated } = read.loaded;
  const diagnostics: Diagnostic[] = [...configDiagnostics];
  const discovered = await discoverFiles(root, config.sources.model);
  appendAll(diagnostics, discovered.diagnostics);
  const configBroken = configDiagnostics.some((d) => d.severity === 'error');
  if (discovered.files.length === 0 && !configBroken) diagnostics.push(noModelFiles(config.sources.model));
  const schemas: SchemaCache = { kinds: new Map(), tolerated, ids: idRule(config.ids) };
  const unreadableFiles: string[] = [];
  const elements: ElementDraft[] = [];
  const relations: RelationDraft[] = [];
  const brokenIds = new Set<string>();
  const files = ['tracery.yaml'];
  const fast = options.fastParser !== false;
  const settings = JSON.stringify({ config, tolerated: [...tolerated].sort(), fast });
  const cache = options.cache ? ModelFileCache.open(place.root, settings) : undefined;
  const bytes = await readModelBytes(root, discovered.files, config.limits.maxFileBytes, !!cache);
  const loaders = options.loaders ?? [];
  const snapshots = cache && new ModelSnapshotCache(cache.folder, place.slot);
  const snapshotKey =
    cache &&
    (await loadSnapshotKey({
      root,
      settings,
      config,
      configIdentity: read.identity,
      discovered,
      modelFiles: bytes,
      loaders,
    }));
  const snapshot = snapshotKey === undefined ? undefined : await snapshots?.get(snapshotKey.key, metamodel);
  if (snapshot) return { root, config, metamodel, ...snapshot };
  // Decoded only now: a load answered from the snapshot never decodes the files.
  const texts = decodeModelTexts(bytes, cache);
  bytes.length = 0;
  const context = { limits: config.limits, metamodel, schemas, fast };
  const setup = { config, tolerated: [...tolerated], fast };
  // Each file's drafts go into the model as soon as it and the files before it are read, while
  // workers still parse later files; what is joined is the same, in the same order.
  const resolver = new ModelResolver(metamodel);
  await readModelContents(texts, context, cache, { setup, workers }, (content) => {
    files.push(content.file);
    appendAll(diagnostics, content.diagnostics);
    if (!content.read && content.diagnostics.some((d) => d.severity === 'error'))
      unreadableFiles.push(content.file);
    if (!content.read) return;
    // Kept for the loaders only: without one, a file's drafts are let go once taken in.
    if (loaders.length > 0) {
      appendAll(elements, content.read.elements);
      appendAll(relations, content.read.relations);
    }
    for (const id of content.read.brokenIds) brokenIds.add(id);
    appendAll(diagnostics, content.read.diagnostics);
    resolver.addElements(content.read.elements);
    resolver.addRelations(content.read.relations);
  });
  let keyHolds = snapshotKey !== undefined;
  for (const loader of loaders) {
    const added = await loader.load({ root, config, metamodel, elements, relations });
    // A loader that said it was idle but added something: the key left it out, so it must not be written.
    if (snapshotKey?.idle.has(loader) && !addsNothing(added)) keyHolds = false;
    appendAll(elements, added.elements);
    appendAll(relations, added.relations);
    appendAll(diagnostics, added.diagnostics);
    appendAll(files, added.files);
    resolver.addElements(added.elements);
    resolver.addRelations(added.relations);
  }
  const resolved = resolver.finish(brokenIds, unreadableFiles);
  appendAll(diagnostics, resolved.diagnostics);
  const answer = {
    model: resolved.model,
    diagnostics: diagnostics.sort(compareDiagnostics),
    files: files.sort(),
  };
  // Fail closed: a load with errors writes nothing into the repository, not even the cache.
  if (cache && (options.cache === 'also-with-errors' || !diagnostics.some((d) => d.severity === 'error'))) {
    await cache.flush();
    if (snapshotKey !== undefined && keyHolds) await snapshots?.set(snapshotKey.key, answer);
  }
  return { root, config, metamodel, ...answer };
}

const addsNothing = (added: LoaderResult): boolean =>
  added.elements.length + added.relations.length + added.diagnostics.length + added.files.length === 0;

/** A repository whose model globs match nothing is almost always a typo (`models/` for `model/`): say so. */
function noModelFiles(globs: readonly string[]): Diagnostic {
  return {
    code: 'no-model-files',
    severity: 'warning',
    message: `no model file matches sources.model (${globs.join(', ')}); put model files there, or change sources.model in tracery.yaml.`,
    source: { file: 'tracery.yaml', line: 1, column: 1 },
  };
}
