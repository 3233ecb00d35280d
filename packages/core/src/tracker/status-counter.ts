import type { StatusCounts } from './tracker-types.js';

/** Counts comments by status, keeping every known status (at 0) in order, and unknown ones after them. */
export class StatusCounter {
  private readonly counts = new Map<string, number>();
  private total = 0;

  constructor(private readonly statuses: readonly string[]) {
    for (const s of statuses) this.counts.set(s, 0);
  }

  add(status: string): void {
    this.counts.set(status, (this.counts.get(status) ?? 0) + 1);
    this.total++;
  }

  result(): StatusCounts {
    const byStatus: Record<string, number> = {};
    for (const s of this.statuses) byStatus[s] = this.counts.get(s) ?? 0;
    const extra = [...this.counts.keys()].filter((s) => !this.statuses.includes(s)).sort();
    for (const s of extra) byStatus[s] = this.counts.get(s) ?? 0;
    return { byStatus, total: this.total };
  }
}

/** Adds up status counts. */
export function sumCounts(statuses: readonly string[], parts: readonly StatusCounts[]): StatusCounts {
  const byStatus: Record<string, number> = {};
  for (const s of statuses) byStatus[s] = 0;
  let total = 0;
  for (const part of parts) {
    for (const [s, n] of Object.entries(part.byStatus)) byStatus[s] = (byStatus[s] ?? 0) + n;
    total += part.total;
  }
  return { byStatus, total };
}
