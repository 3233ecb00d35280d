import { InvalidArgumentError } from '../errors/tracery-error.js';

/** How many worker threads may read model files: `'auto'` (by size and cores) or at most a number (0: none). */
export type WorkersSetting = 'auto' | number;

/** The environment variable that sets {@link WorkersSetting} when the caller does not. */
export const WORKERS_ENV = 'TRACERY_WORKERS';

/**
 * Below this much text to parse, reading in process is faster than starting workers (each worker
 * loads the code and rebuilds the metamodel first). Measured: see the core README.
 */
export const WORKERS_MIN_BYTES = 8 * 2 ** 20;

/**
 * The workers setting of a load: the option when given, else `TRACERY_WORKERS` (`auto`, or a count;
 * `0` reads every file in process), else `'auto'`. Throws {@link InvalidArgumentError} for a value
 * that is neither.
 */
export function workersSetting(
  option: WorkersSetting | undefined,
  env = process.env[WORKERS_ENV],
): WorkersSetting {
  if (option !== undefined) {
    if (option === 'auto' || (Number.isInteger(option) && option >= 0)) return option;
    throw new InvalidArgumentError(
      `options.workers is ${String(option)}; give 'auto' or a whole number of worker threads (0 reads in process).`,
    );
  }
  const written = env?.trim();
  if (written === undefined || written === '' || written === 'auto') return 'auto';
  if (/^\d+$/.test(written)) return Number(written);
  throw new InvalidArgumentError(
    `${WORKERS_ENV} is "${written}"; set it to auto or to a whole number of worker threads (0 reads every model file in process).`,
  );
}

/**
 * How many workers to start for `files` files holding `bytes` characters to parse, on a machine of
 * `cores` cores whose 1-minute load average is `load`, never more than the files or the cores. When
 * automatic: none for one file, under {@link WORKERS_MIN_BYTES}, when no core is idle (`load + 1 >
 * cores`: workers then only add their cost, measured 5.3 s against 3.8 s in process at load 4.5 on 2
 * cores), or when the first file is in the canonical form the scanner reads (`firstScanned`: a
 * repository Tracery wrote; in this thread the scanner reads 200k elements faster than workers hand
 * them over, measured 0.65 s against 0.97 s on 2 idle cores, see the core README); else one per core.
 * Otherwise the setting.
 */
export function workerCount(
  setting: WorkersSetting,
  files: number,
  bytes: number,
  cores: number,
  load = 0,
  firstScanned = false,
): number {
  if (setting !== 'auto') return Math.min(setting, files, cores);
  if (files < 2 || bytes < WORKERS_MIN_BYTES || load + 1 > cores || firstScanned) return 0;
  return Math.min(cores, files);
}
