import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { git } from '../baseline/git.js';
import { BASELINES_FOLDER, listBaselines } from '../baseline/load-state.js';
import { didYouMeanSuffix } from '../diagnostics/did-you-mean.js';
import { RepositoryError } from '../errors/tracery-error.js';

async function checkedRevision(dir: string, revision: string, written: string): Promise<TrackerSince> {
  const known = await git(dir, [
    'rev-parse',
    '--verify',
    '--quiet',
    '--end-of-options',
    `${revision}^{commit}`,
  ]).then(
    () => true,
    () => false,
  );
  if (!known) {
    const baselines = await listBaselines(dir);
    throw new RepositoryError(
      `"${written}" is neither a baseline nor a git revision${didYouMeanSuffix(written, baselines)}; give a baseline name (${baselines.length > 0 ? baselines.join(', ') : 'none yet'}) or a revision such as HEAD~1 or a tag.`,
    );
  }
  return { revision, label: `git ${revision}` };
}

/** The git revision a tracker is compared with, and how the output names it. */
export type TrackerSince = { readonly revision: string; readonly label: string };

/**
 * Reads what `tracker --since` names: a baseline of the repository (its name in baselines/), or a
 * git revision (`HEAD~5`, a tag; `git:<revision>` when a baseline has the same name). A baseline
 * records the model, not the comments, so the tracker "since a baseline" is the tracker of the commit
 * that added the baseline file: the state the programme fixed when it recorded the baseline.
 * Throws {@link RepositoryError} when the baseline is not committed yet.
 *
 * @example
 * await trackerSince('packages/examples/mhhs', 'mhhs-v1') // { revision: '1d3f29c...', label: 'baseline mhhs-v1 (commit 1d3f29c)' }
 */
export async function trackerSince(dir: string, since: string): Promise<TrackerSince> {
  if (since.startsWith('git:')) return checkedRevision(dir, since.slice(4), since);
  const file = join(BASELINES_FOLDER, `${since}.json`);
  const isBaseline = await access(join(dir, file)).then(
    () => true,
    () => false,
  );
  if (!isBaseline) return checkedRevision(dir, since, since);
  const added = (await git(dir, ['log', '--diff-filter=A', '--format=%H', '-1', '--', file])).trim();
  if (!added)
    throw new RepositoryError(
      `baseline "${since}" (${file}) is not committed yet, so the comments as they were when it was recorded are unknown; commit it, or give a git revision (--since HEAD~1). The baselines are ${(await listBaselines(dir)).join(', ')}.`,
    );
  return { revision: added, label: `baseline ${since} (commit ${added.slice(0, 7)})` };
}
