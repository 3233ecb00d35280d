import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { inFileOrder } from '../../src/repository/in-file-order.js';

// Reads arrive from worker threads in any order; a load takes them in file order, each once, as
// soon as it and every file before it are there.
describe('inFileOrder', () => {
  test('delivers results given in any order in the order of their indexes, each once, as early as it can', () => {
    const arrivals = fc
      .integer({ min: 0, max: 30 })
      .chain((count) =>
        fc.tuple(fc.constant(count), fc.shuffledSubarray([...Array(count).keys()], { minLength: count })),
      );
    fc.assert(
      fc.property(arrivals, fc.array(fc.nat(40)), ([count, order], repeats) => {
        const delivered: string[] = [];
        const put = inFileOrder<string>(count, (value, index) => delivered.push(`${index}:${value}`));
        const given = new Set<number>();
        order.forEach((index, step) => {
          put(index, `v${index}`);
          given.add(index);
          // A result given again (a worker's late answer for a file already taken) changes nothing.
          const again = repeats[step];
          if (again !== undefined && given.has(again)) put(again, 'again');
          let ready = 0;
          while (given.has(ready)) ready++;
          expect(delivered).toEqual([...Array(ready).keys()].map((i) => `${i}:v${i}`));
        });
      }),
    );
  });
});
