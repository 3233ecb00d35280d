import { z } from 'zod';
import { isTimeZone } from './report-time.js';

/** The default id token: an id in square brackets in a test's name or classname, such as `[TC-0042]`. */
export const DEFAULT_ID_TOKEN = '\\[([A-Za-z][A-Za-z0-9_.-]*)\\]';

/** How JUnit results are linked to TestCase elements. */
export const ResultLinkSchema = z
  .object({
    attribute: z
      .string()
      .min(1)
      .default('junit')
      .describe(
        'The TestCase attribute that holds the JUnit name: `name`, `classname.name` or `classname::name`.',
      ),
    idToken: z
      .string()
      .min(1)
      .default(DEFAULT_ID_TOKEN)
      .describe(
        'A regular expression whose first group is a TestCase id, searched in the test name and classname.',
      ),
  })
  .strict();
export type ResultLink = z.infer<typeof ResultLinkSchema>;

/** The `results:` section of tracery.yaml: how test results link to TestCases (their files are `sources.results`). */
export const ResultsConfigSchema = z
  .object({
    link: ResultLinkSchema.default({ attribute: 'junit', idToken: DEFAULT_ID_TOKEN }),
    problems: z
      .enum(['error', 'warning'])
      .default('error')
      .describe(
        'The severity of a results file that is refused, unreadable, not JUnit or empty (the usual trace of a crashed test run): error by default, so CI fails.',
      ),
    timezone: z
      .string()
      .default('UTC')
      .refine(isTimeZone, {
        error: (issue) =>
          `results.timezone: "${String(issue.input)}" is not a time zone; write UTC or an IANA name such as Europe/London.`,
      })
      .describe(
        'The zone of report timestamps written without one (Surefire, gtest and ctest write local time): UTC by default. jest-junit reports (root testsuites named "jest tests") are always read as UTC, as jest-junit writes them.',
      ),
  })
  .strict();
export type ResultsConfig = z.infer<typeof ResultsConfigSchema>;
