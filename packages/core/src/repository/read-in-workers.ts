import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type ResourceLimits, Worker } from 'node:worker_threads';
import type { ModelFileRead } from './model-file-cache.js';
import type { WorkerAnswer, WorkerJob } from './model-file-worker.js';
import { unpackModelFileRead } from './pack-model-file-read.js';
import { markScanned, type ReadContext, type ReadSetup, readModelText } from './read-model-text.js';

/** A model file to read: its repository path and its text. */
export type TextJob = { readonly file: string; readonly text: string };

/** How to start a worker thread that reads model files. */
export type WorkerEntry = { readonly url: URL };

/** Options of {@link readInWorkers}. */
export type WorkersOptions = {
  /** At most this many worker threads (fewer when there are fewer files). */
  readonly workers: number;
  /** The worker's entry; the one beside this module by default ({@link modelFileWorkerEntry}). */
  readonly entry?: WorkerEntry;
  readonly resourceLimits?: ResourceLimits;
  /**
   * Called with each job's read as it arrives (from a worker, or read again in this thread after a
   * worker failed), in no particular order; each job once.
   */
  readonly onResult?: (index: number, read: ModelFileRead) => void;
  /**
   * This thread reads files too, from the same queue as the workers, between taking in their
   * answers (so that it does not wait idle while they parse, and fewer workers are started).
   */
  readonly alsoInThisThread?: boolean;
};

/** What {@link readInWorkers} gave: one read per job, in the order of the jobs. */
export type WorkersAnswer = {
  readonly results: ModelFileRead[];
  /** How many workers were started. */
  readonly started: number;
  /** How many files were read in this thread because the worker reading them failed or never started. */
  readonly fallbacks: number;
};

// Two files in flight per worker: it reads the next while this thread takes in the last answer.
const IN_FLIGHT = 2;

/**
 * Where the worker entry is: `model-file-worker.js` beside this module in the build; from the
 * TypeScript sources (the tests), `model-file-worker.ts` run through tsx, a development dependency of
 * the workspace. Undefined when neither can run (then files are read in this thread).
 */
export function modelFileWorkerEntry(): WorkerEntry | undefined {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) {
    const url = new URL('./model-file-worker.js', here);
    return existsSync(fileURLToPath(url)) ? { url } : undefined;
  }
  let api: string;
  try {
    api = createRequire(here)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs');
  } catch {
    return undefined;
  }
  const source = new URL('./model-file-worker.ts', here);
  const code = `const { register } = await import(${JSON.stringify(pathToFileURL(api).href)});\nregister();\nawait import(${JSON.stringify(source.href)});\n`;
  return { url: new URL(`data:text/javascript,${encodeURIComponent(code)}`) };
}

/**
 * Reads model files in worker threads, at most `options.workers` (and no more than the cores), each
 * rebuilding the read context from `setup`. The results keep the order of the jobs. A file whose
 * worker fails (crash, out of memory, an error thrown while reading, a worker that cannot start) is
 * read again in this thread with `context`, so it gives exactly what reading it in process gives:
 * no file is lost, and a failure never hangs the load.
 */
export async function readInWorkers(
  jobs: readonly TextJob[],
  setup: ReadSetup,
  context: ReadContext,
  options: WorkersOptions,
): Promise<WorkersAnswer> {
  const results: (ModelFileRead | undefined)[] = new Array(jobs.length);
  const entry = options.entry ?? modelFileWorkerEntry();
  const count = entry ? Math.min(options.workers, availableParallelism(), jobs.length) : 0;
  let next = 0;
  const take = () => (next < jobs.length ? next++ : undefined);
  let started = 0;
  const runs: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const worker = startWorker(entry!, setup, options.resourceLimits);
    if (!worker) continue;
    started++;
    runs.push(drive(worker, jobs, results, take, options.onResult));
  }
  if (options.alsoInThisThread) runs.push(readHere(jobs, results, take, context, options.onResult));
  await Promise.all(runs);
  let fallbacks = 0;
  for (let index = 0; index < jobs.length; index++) {
    if (results[index] !== undefined) continue;
    fallbacks++;
    const read = readModelText(jobs[index]!.file, jobs[index]!.text, context);
    results[index] = read;
    options.onResult?.(index, read);
  }
  return { results: results as ModelFileRead[], started, fallbacks };
}

/**
 * Reads files from the queue in this thread, one at a time, letting the workers' answers in (and
 * feeding them their next files) between two files.
 */
async function readHere(
  jobs: readonly TextJob[],
  results: (ModelFileRead | undefined)[],
  take: () => number | undefined,
  context: ReadContext,
  onResult: WorkersOptions['onResult'],
): Promise<void> {
  for (let index = take(); index !== undefined; index = take()) {
    const read = readModelText(jobs[index]!.file, jobs[index]!.text, context);
    results[index] = read;
    onResult?.(index, read);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function startWorker(
  entry: WorkerEntry,
  setup: ReadSetup,
  resourceLimits?: ResourceLimits,
): Worker | undefined {
  try {
    return new Worker(entry.url, { workerData: setup, ...(resourceLimits ? { resourceLimits } : {}) });
  } catch {
    return undefined;
  }
}

/**
 * Feeds one worker jobs until none are left, then ends it. Resolves when the worker is done or has
 * failed; the jobs it held when it failed stay without a result, for the caller to read in process.
 */
function drive(
  worker: Worker,
  jobs: readonly TextJob[],
  results: (ModelFileRead | undefined)[],
  take: () => number | undefined,
  onResult: WorkersOptions['onResult'],
): Promise<void> {
  return new Promise((resolve) => {
    let inFlight = 0;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      worker.removeAllListeners();
      worker.on('error', () => undefined); // a late error of a worker being ended is not news
      void worker.terminate().finally(resolve);
    };
    const feed = () => {
      while (inFlight < IN_FLIGHT) {
        const index = take();
        if (index === undefined) break;
        inFlight++;
        const job = jobs[index]!;
        worker.postMessage({ index, file: job.file, text: job.text } satisfies WorkerJob);
      }
      if (inFlight === 0) finish();
    };
    worker.on('message', (answer: WorkerAnswer) => {
      inFlight--;
      // The worker gets its next file before this thread takes the answer in.
      feed();
      let read: ModelFileRead | undefined;
      if ('packed' in answer) {
        read = unpackModelFileRead(answer.packed);
        if (answer.scanned) markScanned(read);
      } else if ('result' in answer) read = answer.result;
      if (read === undefined) return;
      results[answer.index] = read;
      onResult?.(answer.index, read);
    });
    worker.on('error', finish);
    worker.on('messageerror', finish);
    worker.on('exit', finish);
    feed();
  });
}
