import { createHash } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { inFileOrder } from './in-file-order.js';
import type { ModelFileCache, ModelFileRead } from './model-file-cache.js';
import { readInWorkers, type TextJob } from './read-in-workers.js';
import {
  type ReadContext,
  type ReadSetup,
  readModelText,
  readScanned,
  wasScanned,
} from './read-model-text.js';
import {
  decodeSource,
  readSourceBytes,
  repositoryPath,
  type SourceBytes,
  type SourceText,
} from './read-source-file.js';
import { type WorkersSetting, workerCount } from './workers-setting.js';

export type { ReadContext } from './read-model-text.js';

/** A model file's text as read from disk (or why it could not be), with its cache key when cached. */
export type ModelFileText = { readonly file: string; readonly read: SourceText; readonly key?: string };

/** A model file's bytes as read from disk (or why they could not be), with their SHA-256 when asked. */
export type ModelFileBytes = { readonly file: string; readonly read: SourceBytes; readonly hash?: string };

/** Runs `read` over `items`, at most `concurrency` at a time, keeping the order of the items. */
export async function readAll<T, R>(
  items: readonly T[],
  concurrency: number,
  read: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await read(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/**
 * Reads the bytes of the model files (absolute paths), with a SHA-256 of each when `hash` (for the
 * cache's keys: what a file says is a function of its bytes, so a key of the bytes is a key of the
 * text, and a load answered from the cache never decodes them).
 */
export function readModelBytes(
  root: string,
  paths: readonly string[],
  maxFileBytes: number,
  hash: boolean,
): Promise<ModelFileBytes[]> {
  return readAll(paths, 16, async (path): Promise<ModelFileBytes> => {
    const file = repositoryPath(root, path);
    const read = await readSourceBytes(root, path, maxFileBytes);
    if ('diagnostic' in read || !hash) return { file, read };
    return { file, read, hash: createHash('sha256').update(read.bytes).digest('hex') };
  });
}

/** The texts of the model files read by {@link readModelBytes}, keyed for the cache when there is one. */
export function decodeModelTexts(
  files: readonly ModelFileBytes[],
  cache: ModelFileCache | undefined,
): ModelFileText[] {
  return files.map(({ file, read, hash }): ModelFileText => {
    const text = 'diagnostic' in read ? read : decodeSource(file, read.bytes);
    if ('diagnostic' in text || !cache || hash === undefined) return { file, read: text };
    return { file, read: text, key: cache.keyOf(file, hash) };
  });
}

/** How model files are parsed: the setup a worker rebuilds the context from, and the workers setting. */
export type ParsePlan = { readonly setup: ReadSetup; readonly workers: WorkersSetting };

/**
 * Gives `onRead` what each model file gave, in the order of the texts: from the cache when its entry
 * is there, else parsed (and kept for the cache), in worker threads when the plan and the amount of
 * text call for them, else in this thread. Both give the same reads. Each read is given as soon as
 * it and every one before it are there (while workers still parse later files), and not held here
 * after: the caller takes them in as they come.
 */
export async function readModelContents(
  texts: readonly ModelFileText[],
  context: ReadContext,
  cache: ModelFileCache | undefined,
  plan: ParsePlan,
  onRead: (read: ModelFileRead, index: number) => void,
): Promise<void> {
  const put = inFileOrder(texts.length, onRead);
  const found = await readAll(texts, 16, async ({ file, read, key }, index) => {
    const found: ModelFileRead | undefined =
      'diagnostic' in read
        ? { file, diagnostics: [read.diagnostic] }
        : key === undefined
          ? undefined
          : await cache?.get(key);
    if (found) put(index, found);
    return found !== undefined;
  });
  const misses: number[] = [];
  let bytes = 0;
  texts.forEach(({ read }, index) => {
    if (found[index] || 'diagnostic' in read) return;
    misses.push(index);
    bytes += read.text.length;
  });
  const jobs: TextJob[] = misses.map((index) => {
    const { file, read } = texts[index]!;
    return { file, text: 'text' in read ? read.text : '' };
  });
  const take = (k: number, read: ModelFileRead) => {
    const index = misses[k]!;
    const key = texts[index]!.key;
    // A file the scanner read is read again as fast as it is fetched: only the parsers' reads are kept.
    if (key !== undefined && !wasScanned(read)) cache?.set(key, read);
    put(index, read);
  };
  const cores = availableParallelism();
  const load = loadavg()[0];
  const first = probeFirst(
    jobs,
    workerCount(plan.workers, jobs.length, bytes, cores, load),
    plan.workers,
    context,
  );
  if (first) take(0, first);
  const count = workerCount(plan.workers, jobs.length, bytes, cores, load, first !== undefined);
  if (count > 0)
    await readInWorkers(jobs, plan.setup, context, {
      workers: count,
      onResult: take,
      alsoInThisThread: true,
    });
  else
    for (let k = first ? 1 : 0; k < jobs.length; k++)
      take(k, readModelText(jobs[k]!.file, jobs[k]!.text, context));
}

/**
 * When the automatic setting would start workers (`count` > 0: enough text, an idle core), reads the
 * first file with the scanner in this thread: a file it takes (the canonical form Tracery writes) says
 * the repository reads faster here than through workers ({@link workerCount}'s `firstScanned`), and
 * its read is kept. Undefined otherwise (the first file is then read with the rest, as before).
 */
function probeFirst(
  jobs: readonly TextJob[],
  count: number,
  setting: WorkersSetting,
  context: ReadContext,
): ModelFileRead | undefined {
  if (count === 0 || setting !== 'auto') return undefined;
  return readScanned(jobs[0]!.file, jobs[0]!.text, context);
}
