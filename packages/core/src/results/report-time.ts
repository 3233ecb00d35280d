/**
 * Where the time that orders a report comes from: its timestamp with a zone (`zoned`), its timestamp
 * without one, read in `results.timezone` (`unzoned`: Surefire, gtest and ctest write local times with
 * no zone; jest-junit writes UTC with no zone, always read as UTC), or, when it has no timestamp, its file's modification time (`file-time`).
 */
export type ReportTimeSource = 'zoned' | 'unzoned' | 'file-time';

const ZONE = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?$/;

/** True when `name` is a time zone this Node knows (`UTC`, an IANA name such as `Europe/London`). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Milliseconds that a zone is ahead of UTC at an instant. */
function zoneOffset(timeZone: string, instant: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a report's timestamp means, as an ISO time in UTC, and whether the timestamp had a zone.
 * A time without a zone is read in `timeZone` (UTC unless tracery.yaml's `results.timezone` says
 * otherwise). Undefined when the text is not an ISO date and time.
 *
 * @example
 * readReportTime('2026-11-28T12:07:09.619', 'Europe/Paris')
 * // { startedAt: '2026-11-28T11:07:09.619Z', source: 'unzoned' }
 */
export function readReportTime(
  timestamp: string,
  timeZone = 'UTC',
): { readonly startedAt: string; readonly source: ReportTimeSource } | undefined {
  const text = timestamp.trim();
  if (ZONE.test(text)) {
    const at = Date.parse(text);
    return Number.isNaN(at) ? undefined : { startedAt: new Date(at).toISOString(), source: 'zoned' };
  }
  const m = LOCAL.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, fraction] = m.map((v) => v ?? '0');
  const wall = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s!, Math.floor(+`0.${fraction}` * 1000));
  if (Number.isNaN(wall) || new Date(wall).getUTCDate() !== +d!) return undefined;
  const first = wall - zoneOffset(timeZone, wall);
  const instant = wall - zoneOffset(timeZone, first);
  return { startedAt: new Date(instant).toISOString(), source: 'unzoned' };
}
