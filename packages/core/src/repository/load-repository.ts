import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { compareDiagnostics } from '../diagnostics/diagnostic.js';
import { RepositoryError } from '../errors/tracery-error.js';
import type { Metamodel } from '../metamodel/metamodel.js';
import type { Model } from '../model/model.js';
import { discoverFiles } from './discover-files.js';
import { idRule } from './id-safety.js';
import { loadConfig } from './load-config.js';
import type { ElementDraft, RelationDraft, SchemaCache } from './model-drafts.js';
import { parseYamlText } from './parse-yaml-text.js';
import { readModelFile } from './read-model-file.js';
import { readSourceFile, repositoryPath } from './read-source-file.js';
import type { TraceryConfig } from './repository-config.js';
import { resolveModel } from './resolve-model.js';

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
};

/** Options for {@link loadRepository}. */
export type LoadOptions = {
  readonly loaders?: readonly SourceLoader[];
  /**
   * Parse plain files with the fast parser (js-yaml with positions) and fall back to the full `yaml`
   * parser for anything unusual (default true). Both give the same model and the same positions; the
   * full parser alone is several times slower.
   */
  readonly fastParser?: boolean;
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

async function readAll<T, R>(
  items: readonly T[],
  concurrency: number,
  read: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await read(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/**
 * Loads a repository: tracery.yaml, every model file, and what the given loaders add. Returns the
 * model with ALL the problems found, each with file, line and column; it throws only when the folder
 * is not a repository at all ({@link RepositoryError}).
 *
 * @example
 * const { model, diagnostics } = await loadRepository('packages/examples/mhhs');
 */
export async function loadRepository(dir: string, options: LoadOptions = {}): Promise<LoadedRepository> {
  const root = resolve(dir);
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory())
    throw new RepositoryError(`"${dir}" is not a folder; give the path of a Tracery repository.`);
  const { config, metamodel, diagnostics: configDiagnostics, tolerated } = await loadConfig(root);
  const diagnostics: Diagnostic[] = [...configDiagnostics];
  const discovered = await discoverFiles(root, config.sources.model);
  diagnostics.push(...discovered.diagnostics);
  const configBroken = configDiagnostics.some((d) => d.severity === 'error');
  if (discovered.files.length === 0 && !configBroken) diagnostics.push(noModelFiles(config.sources.model));
  const cache: SchemaCache = { kinds: new Map(), tolerated, ids: idRule(config.ids) };
  const unreadableFiles: string[] = [];
  const elements: ElementDraft[] = [];
  const relations: RelationDraft[] = [];
  const brokenIds = new Set<string>();
  const files = ['tracery.yaml'];
  const contents = await readAll(discovered.files, 16, async (path) => {
    const file = repositoryPath(root, path);
    const read = await readSourceFile(root, path, config.limits.maxFileBytes);
    if ('diagnostic' in read) return { file, diagnostics: [read.diagnostic] };
    const parsed = parseYamlText(file, read.text, config.limits, options.fastParser !== false);
    if (parsed.value === undefined) return { file, diagnostics: parsed.diagnostics };
    return { file, diagnostics: parsed.diagnostics, read: readModelFile(parsed, metamodel, cache) };
  });
  for (const content of contents) {
    files.push(content.file);
    diagnostics.push(...content.diagnostics);
    if (!content.read && content.diagnostics.some((d) => d.severity === 'error'))
      unreadableFiles.push(content.file);
    if (!content.read) continue;
    elements.push(...content.read.elements);
    relations.push(...content.read.relations);
    for (const id of content.read.brokenIds) brokenIds.add(id);
    diagnostics.push(...content.read.diagnostics);
  }
  for (const loader of options.loaders ?? []) {
    const added = await loader.load({ root, config, metamodel, elements, relations });
    elements.push(...added.elements);
    relations.push(...added.relations);
    diagnostics.push(...added.diagnostics);
    files.push(...added.files);
  }
  const resolved = resolveModel(metamodel, { elements, relations, brokenIds, unreadableFiles });
  diagnostics.push(...resolved.diagnostics);
  return {
    root,
    config,
    metamodel,
    model: resolved.model,
    diagnostics: diagnostics.sort(compareDiagnostics),
    files: files.sort(),
  };
}

/** A repository whose model globs match nothing is almost always a typo (`models/` for `model/`): say so. */
function noModelFiles(globs: readonly string[]): Diagnostic {
  return {
    code: 'no-model-files',
    severity: 'warning',
    message: `no model file matches sources.model (${globs.join(', ')}); put model files there, or change sources.model in tracery.yaml.`,
    source: { file: 'tracery.yaml', line: 1, column: 1 },
  };
}
