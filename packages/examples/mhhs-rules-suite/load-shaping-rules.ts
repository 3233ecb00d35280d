// Business rules of the Load Shaping Service, as the MHHS example states them (BRS007, METH005).
// Small and illustrative: they exist so that a real test runner has something real to check.

/** The last Sunday of a month (0-based month), as a UTC date. */
function lastSunday(year: number, month: number): Date {
  const last = new Date(Date.UTC(year, month + 1, 0));
  last.setUTCDate(last.getUTCDate() - last.getUTCDay());
  return last;
}

/** Settlement periods in a UK settlement day: 46 when clocks go forward, 50 when they go back, else 48. */
export function settlementPeriods(isoDate: string): number {
  const day = new Date(`${isoDate}T00:00:00Z`);
  const year = day.getUTCFullYear();
  if (day.getTime() === lastSunday(year, 2).getTime()) return 46;
  if (day.getTime() === lastSunday(year, 9).getTime()) return 50;
  return 48;
}

/** A half-hourly consumption value with its quality: A actual, E estimated, D defaulted. */
export type PeriodValue = { readonly kwh: number; readonly quality: 'A' | 'E' | 'D' };

/** Only actual consumption feeds a load shape (REQ-LSS-003). */
export function actualOnly(values: readonly PeriodValue[]): PeriodValue[] {
  return values.filter((v) => v.quality === 'A');
}

/** The fallback shape applies when fewer metering points than the threshold have actual data (REQ-LSS-004). */
export function needsFallback(meteringPointsWithActuals: number, threshold: number): boolean {
  return meteringPointsWithActuals < threshold;
}

/** Period values normalised so that a day's shape sums to 1 (REQ-LSS-005). */
export function normalise(values: readonly number[]): number[] {
  const total = values.reduce((a, b) => a + b, 0);
  if (total === 0) return values.map(() => 1 / values.length);
  return values.map((v) => v / total);
}

/** The data version of the next publication for a settlement date: one more than the last (REQ-LSS-009). */
export function nextDataVersion(published: readonly number[]): number {
  return published.length === 0 ? 1 : Math.max(...published) + 1;
}

/** What a load shape publication may hold: never a metering point identifier (REQ-LSS-013). */
export function publicationFields(shape: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(shape)
    .filter((k) => k !== 'mpan')
    .sort();
}
