import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filesAtRevision } from '../baseline/git.js';
import { loadComments } from '../comments/load-comments.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { RepositoryError } from '../errors/tracery-error.js';
import { type LoadedRepository, type LoadOptions, loadRepository } from '../repository/load-repository.js';
import { writeFileAtomic } from '../repository/write-file-atomic.js';
import { computeTracker, type TrackerOptions } from './compute-tracker.js';
import type { TrackerReport } from './tracker-types.js';

/** A repository's tracker, with the problems found loading its comments. */
export type RepositoryTracker = {
  readonly tracker: TrackerReport;
  readonly diagnostics: readonly Diagnostic[];
};

/**
 * The tracker of a loaded repository: its comment files are loaded and validated, and the statuses
 * of tracery.yaml's `comments:` section order the counts.
 *
 * @example
 * const { tracker } = await repositoryTracker(await loadRepository('packages/examples/mhhs'), { tranche: 'T1' });
 */
export async function repositoryTracker(
  loaded: LoadedRepository,
  options: Omit<TrackerOptions, 'statuses'> = {},
): Promise<RepositoryTracker> {
  const read = await loadComments(loaded);
  const tracker = computeTracker(loaded.model, read.comments, {
    ...options,
    statuses: read.statuses.map((s) => s.name),
  });
  return { tracker, diagnostics: read.diagnostics };
}

const SOURCE_FILE = /(^tracery\.yaml$|\.(ya?ml|json|bpmn|xml)$)/;

/**
 * The tracker as it was at a git revision: the repository's files (model and comments) are read with
 * git into a temporary folder, loaded there, and the folder removed; the working tree is not touched.
 *
 * @example
 * const { tracker } = await repositoryTrackerAtRevision('packages/examples/mhhs', 'HEAD~3');
 */
export async function repositoryTrackerAtRevision(
  dir: string,
  revision: string,
  options: Omit<TrackerOptions, 'statuses'> = {},
  loadOptions: LoadOptions = {},
): Promise<RepositoryTracker> {
  const files = await filesAtRevision(
    dir,
    revision,
    (path) => SOURCE_FILE.test(path) && !path.startsWith('baselines/') && !path.startsWith('out/'),
  );
  if (!files.has('tracery.yaml'))
    throw new RepositoryError(
      `at git revision "${revision}", "${dir}" has no tracery.yaml: it was not a repository then.`,
    );
  const temporary = await mkdtemp(join(tmpdir(), 'tracery-tracker-'));
  try {
    for (const [path, text] of files) await writeFileAtomic(join(temporary, path), text);
    return await repositoryTracker(await loadRepository(temporary, loadOptions), options);
  } finally {
    await rm(temporary, { recursive: true, force: true });
  }
}
