import { XMLBuilder } from 'fast-xml-parser';
import { formatSourceRef, type Severity } from '../diagnostics/diagnostic.js';
import { escapeControlCharacters } from '../report/escape-control-characters.js';
import type { Finding } from '../rules/finding.js';
import type { CheckReport } from '../rules/run-rules.js';

/** Options of {@link renderFindingsJunit}. */
export type FindingsJunitOptions = {
  /** Findings at or above this severity are failures; those below pass, with their message as output. */
  readonly failOn?: Severity;
};

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };
// XML 1.0 cannot hold most control characters, even escaped: they are shown as `\x1b` and the like;
// U+FFFE, U+FFFF and lone surrogates, which XML cannot hold either, become U+FFFD.
const xmlText = (text: string) =>
  escapeControlCharacters(text).replace(
    /[\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    '\ufffd',
  );

function testcase(finding: Finding, failOn: Severity): Record<string, unknown> {
  const where = finding.source ? formatSourceRef(finding.source) : undefined;
  const name = [finding.elementId, where].filter(Boolean).join(' at ') || finding.message;
  const text = xmlText(`${where ? `${where}: ` : ''}${finding.severity} ${finding.rule}: ${finding.message}`);
  const fails = RANK[finding.severity] <= RANK[failOn];
  return {
    '@_classname': xmlText(`tracery.${finding.rule}`),
    '@_name': xmlText(name),
    ...(fails
      ? { failure: { '@_type': finding.severity, '@_message': xmlText(finding.message), '#text': text } }
      : { 'system-out': text }),
  };
}

/**
 * Renders a check as JUnit XML, for CI test views: a test suite per rule, a test case per finding
 * (a failure at or above `failOn`), a passing case for a rule with no findings, a skipped one for a
 * rule that is turned off.
 *
 * @example
 * await writeFile('tracery-junit.xml', renderFindingsJunit(report, { failOn: 'warning' }));
 */
export function renderFindingsJunit(report: CheckReport, options: FindingsJunitOptions = {}): string {
  const failOn = options.failOn ?? 'error';
  const byRule = new Map<string, Finding[]>(report.rules.map((r) => [r.id, []]));
  for (const finding of report.findings) {
    const list = byRule.get(finding.rule);
    if (list) list.push(finding);
    else byRule.set(finding.rule, [finding]);
  }
  const enabled = new Map(report.rules.map((r) => [r.id, r.enabled]));
  let tests = 0;
  let failures = 0;
  const suites = [...byRule.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([rule, findings]) => {
      const off = enabled.get(rule) === false;
      const cases = off
        ? [{ '@_classname': `tracery.${rule}`, '@_name': 'turned off', skipped: '' }]
        : findings.length === 0
          ? [{ '@_classname': `tracery.${rule}`, '@_name': 'no findings' }]
          : findings.map((f) => testcase(f, failOn));
      const failed = cases.filter((c) => 'failure' in c).length;
      tests += cases.length;
      failures += failed;
      return {
        '@_name': rule,
        '@_tests': cases.length,
        '@_failures': failed,
        '@_errors': 0,
        '@_skipped': off ? 1 : 0,
        testcase: cases,
      };
    });
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    format: true,
    suppressEmptyNode: true,
  });
  const xml = builder.build({
    testsuites: { '@_name': 'tracery check', '@_tests': tests, '@_failures': failures, testsuite: suites },
  }) as string;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`;
}
