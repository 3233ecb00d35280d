import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { bpmnSourceLoader } from '@tracery/bpmn';
import { computeCoverage, computeStats, type LoadedRepository } from '@tracery/core';
import { loadRepositoryAtRevision } from '@tracery/core/advanced';

const run = promisify(execFile);

/** The design at one point of its git history: how many elements, and how many of those the policy covers. */
export type ProgressPoint = {
  /** The month, `2026-03`. */
  readonly month: string;
  readonly commit: string;
  readonly elements: number;
  /** Elements the coverage policy applies to, and how many of them are covered. */
  readonly coverable: number;
  readonly covered: number;
};

/** The last commit of each month that touched the repository folder, oldest first, at most `months`. */
async function monthlyCommits(root: string, months: number): Promise<{ month: string; commit: string }[]> {
  const { stdout } = await run('git', ['log', '--format=%H %cI', '--', '.'], {
    cwd: root,
    maxBuffer: 64 << 20,
  });
  const seen = new Map<string, string>();
  for (const line of stdout.split('\n')) {
    const [commit, date] = line.split(' ');
    if (!commit || !date) continue;
    const month = date.slice(0, 7);
    if (!seen.has(month)) seen.set(month, commit);
  }
  return [...seen]
    .slice(0, months)
    .reverse()
    .map(([month, commit]) => ({ month, commit }));
}

/**
 * The design's progress over time from git: for the last commit of each month (at most `months`), the
 * number of elements and the coverage, by loading the repository as it was then with core's loader and
 * counting with core's functions. A folder outside git has no history: the answer is empty.
 */
export async function readProgress(loaded: LoadedRepository, months = 12): Promise<ProgressPoint[]> {
  const commits = await monthlyCommits(loaded.root, months).catch(() => []);
  const points: ProgressPoint[] = [];
  for (const { month, commit } of commits) {
    const then = await loadRepositoryAtRevision(loaded.root, commit, { loaders: [bpmnSourceLoader()] }).catch(
      () => undefined,
    );
    if (!then) continue;
    const coverage = computeCoverage(then.model, ...(then.config.coverage ? [then.config.coverage] : []));
    const counts = Object.values(coverage.countsByKind);
    points.push({
      month,
      commit,
      elements: computeStats(then.model).elements,
      coverable: counts.reduce((sum, c) => sum + c.total, 0),
      covered: counts.reduce((sum, c) => sum + c.covered, 0),
    });
  }
  return points;
}
