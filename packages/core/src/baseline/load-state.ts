import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { RepositoryError, TraceryError } from '../errors/tracery-error.js';
import { readConfig } from '../repository/load-config.js';
import {
  type LoadOptions,
  loadRepository,
  loadRepositoryCachedIn,
  repositoryRoot,
} from '../repository/load-repository.js';
import { blobsAtRevision } from './git.js';
import { readBaselineFile } from './read-baseline-file.js';
import { createSnapshot, type Snapshot } from './snapshot.js';

/** The folder of a repository's baselines. */
export const BASELINES_FOLDER = 'baselines';

/** A state of the model read for comparison, with what it was and the problems found loading it. */
export type LoadedState = {
  /** `working tree`, `baseline T1`, or `git HEAD~1`. */
  readonly label: string;
  readonly snapshot: Snapshot;
  readonly diagnostics: readonly Diagnostic[];
};

const SOURCE_FILE = /(^tracery\.yaml$|\.(ya?ml|json|bpmn|xml)$)/;

/**
 * Whether a file of a past revision is one the repository reads: tracery.yaml and model and diagram
 * files, not baselines or reports (`out/`). `path` is relative to the repository folder.
 */
export function isRepositoryFile(path: string): boolean {
  return SOURCE_FILE.test(path) && !path.startsWith(`${BASELINES_FOLDER}/`) && !path.startsWith('out/');
}

/**
 * Loads the model as it was at a git revision: the repository's files are read with git into a
 * temporary folder (the working tree is never touched) and loaded from there.
 *
 * @example
 * const { model } = await loadRepositoryAtRevision('packages/examples/mhhs', 'HEAD~1');
 */
export async function loadRepositoryAtRevision(dir: string, revision: string, options: LoadOptions = {}) {
  const cacheRoot = options.cache ? await repositoryRoot(dir) : undefined;
  const files = await blobsAtRevision(dir, revision, isRepositoryFile);
  if (!files.has('tracery.yaml'))
    throw new RepositoryError(
      `at git revision "${revision}", "${dir}" has no tracery.yaml: it was not a repository then.`,
    );
  const temporary = await mkdtemp(join(tmpdir(), 'tracery-rev-'));
  try {
    // Plain writes: the folder is read once and deleted, so nothing is gained by flushing each file.
    for (const [path, text] of files) {
      await mkdir(dirname(join(temporary, path)), { recursive: true });
      await writeFile(join(temporary, path), text);
    }
    // Through the repository's own cache (`cache`), in the slot for revisions: the temporary folder's
    // would go with it. A revision read again, or one whose files are the working tree's, is answered
    // from its snapshot without parsing a file.
    const root = await repositoryRoot(temporary);
    const place = { root: cacheRoot ?? root, slot: 'revision' } as const;
    return await loadRepositoryCachedIn(root, await readConfig(root), options, place);
  } finally {
    await rm(temporary, { recursive: true, force: true });
  }
}

/**
 * Loads one side of a comparison: `working` (the files as they are), `git:<revision>`, or the name of
 * a baseline in baselines/ (or the path of a baseline file ending in .json).
 *
 * @example
 * const base = await loadState('packages/examples/mhhs', 'T1');
 */
export async function loadState(dir: string, spec: string, options: LoadOptions = {}): Promise<LoadedState> {
  if (spec === 'working' || spec === '.') {
    const loaded = await loadRepository(dir, options);
    return { label: 'working tree', snapshot: createSnapshot(loaded.model), diagnostics: loaded.diagnostics };
  }
  if (spec.startsWith('git:')) {
    const revision = spec.slice(4);
    const loaded = await loadRepositoryAtRevision(dir, revision, options);
    return {
      label: `git ${revision}`,
      snapshot: createSnapshot(loaded.model),
      diagnostics: loaded.diagnostics,
    };
  }
  const file = spec.endsWith('.json') ? spec : join(dir, BASELINES_FOLDER, `${spec}.json`);
  const missing = async () => {
    const known = await listBaselines(dir);
    return new RepositoryError(
      `no baseline "${spec}" (${file}); the baselines are ${known.length > 0 ? known.join(', ') : 'none yet'}, or use "working" or "git:<revision>".`,
    );
  };
  if (!(await stat(file).catch(() => undefined))?.isFile()) throw await missing();
  // Read a line at a time (a baseline of 200,000 elements is about 100 MB of text).
  const snapshot = await readBaselineFile(file).catch(async (error: unknown) => {
    // A file that cannot be read is no baseline, as before; what is wrong inside one is named.
    if (error instanceof TraceryError || (error as NodeJS.ErrnoException).code === undefined) throw error;
    throw await missing();
  });
  return { label: `baseline ${spec}`, snapshot, diagnostics: [] };
}

/** The names of a repository's baselines, sorted. */
export async function listBaselines(dir: string): Promise<string[]> {
  const entries = await readdir(join(dir, BASELINES_FOLDER)).catch(() => [] as string[]);
  return entries
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -5))
    .sort();
}
