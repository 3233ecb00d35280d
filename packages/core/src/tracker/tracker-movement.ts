import type { StatusCounts, TrackerArtefact, TrackerReport } from './tracker-types.js';

/** How one artefact moved between two trackers: RAG, status, and comment counts by status. */
export type ArtefactMovement = {
  readonly id: string;
  readonly change: 'added' | 'removed' | 'changed';
  readonly ragBefore?: string;
  readonly ragAfter?: string;
  readonly statusBefore?: string;
  readonly statusAfter?: string;
  /** Comments gained (positive) or lost by status; only statuses that moved. */
  readonly comments: Readonly<Record<string, number>>;
};

/** What moved since an earlier tracker: the artefacts that changed, and the change in the totals. */
export type TrackerMovement = {
  /** What the earlier tracker was (`git HEAD~3`). */
  readonly since: string;
  readonly artefacts: readonly ArtefactMovement[];
  readonly totals: {
    readonly artefacts: number;
    readonly comments: Readonly<Record<string, number>>;
    readonly total: number;
    readonly organisations: number;
  };
};

function delta(before: StatusCounts | undefined, after: StatusCounts | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  const keys = new Set([...Object.keys(before?.byStatus ?? {}), ...Object.keys(after?.byStatus ?? {})]);
  for (const key of keys) {
    const d = (after?.byStatus[key] ?? 0) - (before?.byStatus[key] ?? 0);
    if (d !== 0) out[key] = d;
  }
  return out;
}

function movement(
  before: TrackerArtefact | undefined,
  after: TrackerArtefact | undefined,
): ArtefactMovement | undefined {
  const id = (after ?? before)!.id;
  const comments = delta(before?.comments, after?.comments);
  const change = !before ? 'added' : !after ? 'removed' : 'changed';
  const moved =
    change !== 'changed' ||
    before?.ragThisMonth !== after?.ragThisMonth ||
    before?.status !== after?.status ||
    Object.keys(comments).length > 0;
  if (!moved) return undefined;
  const optional: Record<string, string> = {};
  if (before?.ragThisMonth !== undefined) optional.ragBefore = before.ragThisMonth;
  if (after?.ragThisMonth !== undefined) optional.ragAfter = after.ragThisMonth;
  if (before?.status !== undefined) optional.statusBefore = before.status;
  if (after?.status !== undefined) optional.statusAfter = after.status;
  return { id, change, ...optional, comments };
}

/**
 * What moved between two trackers (an earlier one, from a git revision, and the current one): the
 * artefacts added, removed, or whose RAG, status or comment counts changed, and the totals' change.
 *
 * @example
 * compareTrackers(trackerAtHeadMinus3, trackerNow, 'git HEAD~3').totals.total // comments added since
 */
export function compareTrackers(before: TrackerReport, after: TrackerReport, since: string): TrackerMovement {
  const old = new Map(before.artefacts.map((a) => [a.id, a]));
  const now = new Map(after.artefacts.map((a) => [a.id, a]));
  const ids = [...new Set([...old.keys(), ...now.keys()])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const artefacts = ids.flatMap((id) => movement(old.get(id), now.get(id)) ?? []);
  return {
    since,
    artefacts,
    totals: {
      artefacts: after.totals.artefacts - before.totals.artefacts,
      comments: delta(before.totals.comments, after.totals.comments),
      total: after.totals.comments.total - before.totals.comments.total,
      organisations: after.totals.organisations - before.totals.organisations,
    },
  };
}
