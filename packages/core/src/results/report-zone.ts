import { attr, type XmlNode } from './junit-xml.js';

/** The name jest-junit gives its `<testsuites>` root unless told otherwise (its `suiteName`). */
export const JEST_JUNIT_ROOT = 'jest tests';

/**
 * The zone a report's timestamps without a zone are read in. jest-junit writes UTC and drops the `Z`
 * (`toISOString().slice(0, -5)`), so a report with its root `<testsuites name="jest tests">` is read
 * in UTC whatever `results.timezone` says; any other report in `timezone` (UTC unless tracery.yaml's
 * `results.timezone` names a zone, for runners that write local time: Surefire, gtest, ctest).
 */
export function reportZone(roots: readonly XmlNode[], timezone: string): string {
  return roots.some((root) => attr(root, 'name') === JEST_JUNIT_ROOT) ? 'UTC' : timezone;
}
