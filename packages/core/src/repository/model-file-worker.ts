import { parentPort, workerData } from 'node:worker_threads';
import type { ModelFileRead } from './model-file-cache.js';
import { type PackedModelFileRead, packModelFileRead } from './pack-model-file-read.js';
import { packScannedText, type ReadSetup, readContextOf, readParsedText } from './read-model-text.js';

// The entry of a worker thread that reads model files (see readInWorkers). It rebuilds the read
// context from the setup it is given (the metamodel and schemas are never shared between threads),
// then answers each {index, file, text} with what reading the file gave (`readModelText`; packed when it can be), or
// with the error that reading it threw, so that the file can be read again in the main thread.

/** A file to read, as the main thread posts it. */
export type WorkerJob = { readonly index: number; readonly file: string; readonly text: string };

/** A worker's answer to a job. */
export type WorkerAnswer =
  | { readonly index: number; readonly packed: PackedModelFileRead; readonly scanned?: true }
  | { readonly index: number; readonly result: ModelFileRead }
  | { readonly index: number; readonly error: string };

const port = parentPort;
if (port) {
  const context = readContextOf(workerData as ReadSetup);
  port.on('message', ({ index, file, text }: WorkerJob) => {
    try {
      // A file the scanner reads is packed as it is read; any other is read, then packed when it can be.
      const scanned = packScannedText(file, text, context);
      if (scanned) {
        port.postMessage({ index, packed: scanned, scanned: true } satisfies WorkerAnswer);
        return;
      }
      const result = readParsedText(file, text, context);
      const packed = packModelFileRead(result);
      port.postMessage(packed ? { index, packed } : ({ index, result } satisfies WorkerAnswer));
    } catch (error) {
      port.postMessage({ index, error: String(error) } satisfies WorkerAnswer);
    }
  });
}
