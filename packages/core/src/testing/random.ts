/** A small deterministic pseudo-random generator (mulberry32), so generated repositories repeat from a seed. */
export type Random = { next(): number; int(maxExclusive: number): number; pick<T>(items: readonly T[]): T };

/**
 * A seeded random source.
 *
 * @example
 * const random = seededRandom(42); random.int(10) // the same number every time
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  return { next, int, pick: (items) => items[int(items.length)]! };
}
