import type { Metamodel } from '../metamodel/metamodel.js';
import type { SchemaCache } from './model-drafts.js';
import type { ModelFileCache, ModelFileRead } from './model-file-cache.js';
import { parseYamlText, type YamlLimits } from './parse-yaml-text.js';
import { readModelFile } from './read-model-file.js';
import { readSourceFile, repositoryPath, type SourceText } from './read-source-file.js';

/** A model file's text as read from disk (or why it could not be), with its cache key when cached. */
export type ModelFileText = { readonly file: string; readonly read: SourceText; readonly key?: string };

/** What reading model files needs: the parse limits, the metamodel, the per-kind schemas, the parser. */
export type ReadContext = {
  readonly limits: YamlLimits;
  readonly metamodel: Metamodel;
  readonly schemas: SchemaCache;
  readonly fast: boolean;
};

/** Runs `read` over `items`, at most `concurrency` at a time, keeping the order of the items. */
export async function readAll<T, R>(
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

/** Reads the texts of the model files (absolute paths), keyed for the cache when there is one. */
export function readModelTexts(
  root: string,
  paths: readonly string[],
  maxFileBytes: number,
  cache: ModelFileCache | undefined,
): Promise<ModelFileText[]> {
  return readAll(paths, 16, async (path): Promise<ModelFileText> => {
    const file = repositoryPath(root, path);
    const read = await readSourceFile(root, path, maxFileBytes);
    if ('diagnostic' in read || !cache) return { file, read };
    return { file, read, key: cache.keyOf(file, read.text) };
  });
}

/** Parses one model file's text and reads its elements and relations. */
function readModelText(file: string, text: string, context: ReadContext): ModelFileRead {
  const parsed = parseYamlText(file, text, context.limits, context.fast);
  if (parsed.value === undefined) return { file, diagnostics: parsed.diagnostics };
  return {
    file,
    diagnostics: parsed.diagnostics,
    read: readModelFile(parsed, context.metamodel, context.schemas),
  };
}

/** What each model file gave: from the cache when its entry is there, else parsed (and kept for the cache). */
export function readModelContents(
  texts: readonly ModelFileText[],
  context: ReadContext,
  cache: ModelFileCache | undefined,
): Promise<ModelFileRead[]> {
  return readAll(texts, 16, async ({ file, read, key }): Promise<ModelFileRead> => {
    if ('diagnostic' in read) return { file, diagnostics: [read.diagnostic] };
    const cached = key === undefined ? undefined : await cache?.get(key);
    if (cached) return cached;
    const result = readModelText(file, read.text, context);
    if (key !== undefined) cache?.set(key, result);
    return result;
  });
}
