import { describe, expect, test } from 'vitest';
import {
  actualOnly,
  needsFallback,
  nextDataVersion,
  normalise,
  publicationFields,
  settlementPeriods,
} from './load-shaping-rules.js';

describe('Load Shaping Service', () => {
  test('a load shape has a value for every settlement period of the day [TC-LSS-001]', () => {
    expect(settlementPeriods('2025-06-15')).toBe(48);
    expect(settlementPeriods('2025-03-30')).toBe(46);
    expect(settlementPeriods('2025-10-26')).toBe(50);
  });

  test('estimated and defaulted periods are left out [TC-LSS-002]', () => {
    const values = actualOnly([
      { kwh: 1.2, quality: 'A' },
      { kwh: 0.9, quality: 'E' },
      { kwh: 0.7, quality: 'D' },
    ]);
    expect(values).toEqual([{ kwh: 1.2, quality: 'A' }]);
  });

  test('the fallback shape applies under the METH005 threshold [TC-LSS-003]', () => {
    expect(needsFallback(29, 30)).toBe(true);
    expect(needsFallback(30, 30)).toBe(false);
  });

  test('period values are normalised to sum to one [TC-LSS-004]', () => {
    const shape = normalise([2, 1, 1]);
    expect(shape.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(shape[0]).toBeCloseTo(0.5, 12);
  });

  test('each re-run publishes the next data version [TC-LSS-005]', () => {
    expect(nextDataVersion([])).toBe(1);
    expect(nextDataVersion([1, 2, 3])).toBe(4);
  });

  test('a publication holds no metering point data [TC-LSS-006]', () => {
    expect(publicationFields({ gspGroup: '_A', category: 'LS1', mpan: '1200012345678' })).toEqual([
      'category',
      'gspGroup',
    ]);
  });

  test.skip('the whole market is shaped within two hours [TC-LSS-007]', () => {
    // Needs the production-size consumption extract, which the example does not ship.
  });
});
