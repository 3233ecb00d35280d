import type { Session } from 'neo4j-driver';

/** One transaction's worth of rows: how many, what it is (for messages), and how to write it. */
export type Batch = {
  readonly size: number;
  /** What writing it is, for an error message: `writing nodes of kind "Interface"`. */
  readonly doing: string;
  readonly write: (session: Session) => Promise<void>;
};

/** How {@link runBatches} reaches the database and reports. */
export type BatchRunner = {
  /** Opens a session; each lane has its own, since a session runs one transaction at a time. */
  readonly open: () => Session;
  /** Lanes writing at the same time. */
  readonly concurrency: number;
  /** Called after each batch with its size; awaited, so a slow listener holds the lanes. */
  readonly onDone: (size: number) => Promise<void>;
  /** Turns a failure into the error to throw, given what was being done and how far it had got. */
  readonly describe: (error: unknown, doing: string) => unknown;
};

/**
 * Writes batches in order on up to `concurrency` lanes. When one fails, the lanes take no new
 * batch, the ones in flight settle, and the first failure is thrown (described), so a re-run
 * finds whole batches behind it.
 */
export async function runBatches(batches: readonly Batch[], runner: BatchRunner): Promise<void> {
  let next = 0;
  let done = 0;
  let failure: { error: unknown } | undefined;
  const lane = async () => {
    const session = runner.open();
    try {
      while (failure === undefined && next < batches.length) {
        const batch = batches[next++]!;
        try {
          await batch.write(session);
          done += batch.size;
          await runner.onDone(batch.size);
        } catch (error) {
          failure ??= { error: runner.describe(error, `${batch.doing} (${done} rows written so far)`) };
          return;
        }
      }
    } finally {
      await session.close();
    }
  };
  const lanes = Math.max(1, Math.min(runner.concurrency, batches.length));
  await Promise.all(Array.from({ length: lanes }, lane));
  if (failure !== undefined) throw failure.error;
}

/** Cuts rows into batches of at most `size`, keeping their order. */
export function chunk<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < rows.length; start += size) out.push(rows.slice(start, start + size));
  return out;
}
