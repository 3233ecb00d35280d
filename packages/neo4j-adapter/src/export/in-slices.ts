import { setImmediate as nextTurn } from 'node:timers/promises';

/** Work that pauses (yields) now and then, and at the end returns its result. */
export type SlicedWork<T> = Generator<void, T>;

/** Runs sliced work to its end at once. */
export function drain<T>(work: SlicedWork<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/** Sliced work running between other tasks of the event loop, which can be given up. */
export type Background<T> = {
  /** Settles with the work's result; rejects with its error, or when given up. */
  readonly result: Promise<T>;
  /** Stops the work at its next pause (the result then rejects). */
  readonly cancel: () => void;
};

/**
 * Runs sliced work in the background: a slice, then a turn of the event loop (so that replies from
 * the database are handled and the next batch goes out), and so on. An export plans its
 * relationships this way while the server writes its nodes. The result carries a handler, so that a
 * run that fails before awaiting it leaves no unhandled rejection behind.
 */
export function inBackground<T>(work: SlicedWork<T>): Background<T> {
  let cancelled = false;
  const result = (async () => {
    await nextTurn();
    for (;;) {
      if (cancelled) throw new Error('the work was given up');
      const step = work.next();
      if (step.done) return step.value;
      await nextTurn();
    }
  })();
  result.catch(() => undefined);
  return {
    result,
    cancel: () => {
      cancelled = true;
    },
  };
}
