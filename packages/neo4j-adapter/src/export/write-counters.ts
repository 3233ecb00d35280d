import type { QueryStatistics } from 'neo4j-driver';

/** What the database itself reports having written, summed over the transactions of a run. */
export type WriteCounters = {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
  labelsAdded: number;
  labelsRemoved: number;
};

/** Counters at zero. */
export function emptyCounters(): WriteCounters {
  return {
    nodesCreated: 0,
    nodesDeleted: 0,
    relationshipsCreated: 0,
    relationshipsDeleted: 0,
    propertiesSet: 0,
    labelsAdded: 0,
    labelsRemoved: 0,
  };
}

/** Adds the statistics of one query's summary to the counters. */
export function addCounters(counters: WriteCounters, statistics: QueryStatistics): void {
  const updates = statistics.updates();
  for (const key of Object.keys(counters) as (keyof WriteCounters)[]) counters[key] += updates[key] ?? 0;
}
