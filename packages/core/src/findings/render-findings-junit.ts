import type { XMLBuilder } from 'fast-xml-parser';
import { formatSourceRef, type Severity } from '../diagnostics/diagnostic.js';
import { escapeControlCharacters } from '../report/escape-control-characters.js';
import type { Finding } from '../rules/finding.js';
import type { CheckReport } from '../rules/run-rules.js';
import { fastXmlParser } from '../xml/fast-xml-parser.js';

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

/** Cases are built and written this many at a time. */
const BATCH = 256;

type Suite = { readonly rule: string; readonly off: boolean; readonly findings: readonly Finding[] };

/** The suites: one per rule (those that ran and those that found something), by rule id. */
function suitesOf(report: CheckReport): Suite[] {
  const byRule = new Map<string, Finding[]>(report.rules.map((r) => [r.id, []]));
  for (const finding of report.findings) {
    const list = byRule.get(finding.rule);
    if (list) list.push(finding);
    else byRule.set(finding.rule, [finding]);
  }
  const enabled = new Map(report.rules.map((r) => [r.id, r.enabled]));
  return [...byRule.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([rule, findings]) => ({ rule, off: enabled.get(rule) === false, findings }));
}

/** A suite's cases and failures, counted without making them. */
function countsOf(suite: Suite, failOn: Severity): { tests: number; failures: number } {
  if (suite.off || suite.findings.length === 0) return { tests: 1, failures: 0 };
  let failures = 0;
  for (const f of suite.findings) if (RANK[f.severity] <= RANK[failOn]) failures++;
  return { tests: suite.findings.length, failures };
}

/** The one case of a suite without findings: skipped when the rule is off, else passing. */
function emptyCase(suite: Suite): Record<string, unknown> {
  return suite.off
    ? { '@_classname': `tracery.${suite.rule}`, '@_name': 'turned off', skipped: '' }
    : { '@_classname': `tracery.${suite.rule}`, '@_name': 'no findings' };
}

const INDENT = '  ';

/**
 * What the builder writes for `value` under the tag `name` at nesting `level`, as it writes it inside
 * a whole document (the builder's output for a node depends only on the node and its level).
 */
function atLevel(builder: XMLBuilder, name: string, value: unknown, level: number): string {
  let tree: Record<string, unknown> = { [name]: value };
  for (let i = 0; i < level; i++) tree = { w: tree };
  const xml = builder.build(tree) as string;
  let start = 0;
  let end = xml.length;
  for (let i = 0; i < level; i++) {
    start += INDENT.length * i + '<w>\n'.length;
    end -= INDENT.length * i + '</w>\n'.length;
  }
  return xml.slice(start, end);
}

/** The opening tag of `name` with `attributes` at nesting `level`, with its newline. */
function openingTag(builder: XMLBuilder, name: string, attributes: object, level: number): string {
  const xml = atLevel(builder, name, { ...attributes, 'tracery-mark': '' }, level);
  return xml.slice(0, xml.lastIndexOf('<tracery-mark/>') - INDENT.length * (level + 1));
}

/**
 * The JUnit document as one tree of the builder's objects (what {@link findingsJunitPieces} writes a
 * part at a time): for tests, which check the pieces against the builder's whole document.
 */
export function junitDocument(report: CheckReport, failOn: Severity): Record<string, unknown> {
  const suites = suitesOf(report).map((suite) => ({ suite, ...countsOf(suite, failOn) }));
  const testsuite = suites.map(({ suite, tests, failures }) => ({
    '@_name': suite.rule,
    '@_tests': tests,
    '@_failures': failures,
    '@_errors': 0,
    '@_skipped': suite.off ? 1 : 0,
    testcase:
      suite.off || suite.findings.length === 0
        ? [emptyCase(suite)]
        : suite.findings.map((f) => testcase(f, failOn)),
  }));
  const tests = suites.reduce((sum, s) => sum + s.tests, 0);
  const failures = suites.reduce((sum, s) => sum + s.failures, 0);
  return { testsuites: { '@_name': 'tracery check', '@_tests': tests, '@_failures': failures, testsuite } };
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
  return [...findingsJunitPieces(report, options)].join('');
}

/**
 * {@link renderFindingsJunit}'s XML as pieces in order: the test cases are made and written a few
 * hundred at a time, so the XML of a large check is never held whole, as objects or as one string.
 *
 * @example
 * await writeFileAtomic('tracery-junit.xml', findingsJunitPieces(report, { failOn: 'warning' }));
 */
export function* findingsJunitPieces(
  report: CheckReport,
  options: FindingsJunitOptions = {},
): Generator<string> {
  const failOn = options.failOn ?? 'error';
  const builder = new (fastXmlParser().XMLBuilder)({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    format: true,
    suppressEmptyNode: true,
  });
  const suites = suitesOf(report).map((suite) => ({ suite, ...countsOf(suite, failOn) }));
  let tests = 0;
  let failures = 0;
  for (const counted of suites) {
    tests += counted.tests;
    failures += counted.failures;
  }
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  const top = { '@_name': 'tracery check', '@_tests': tests, '@_failures': failures };
  if (suites.length === 0) return yield atLevel(builder, 'testsuites', { ...top, testsuite: [] }, 0);
  yield openingTag(builder, 'testsuites', top, 0);
  for (const { suite, tests, failures } of suites) {
    const attributes = {
      '@_name': suite.rule,
      '@_tests': tests,
      '@_failures': failures,
      '@_errors': 0,
      '@_skipped': suite.off ? 1 : 0,
    };
    if (suite.off || suite.findings.length === 0) {
      yield atLevel(builder, 'testsuite', { ...attributes, testcase: [emptyCase(suite)] }, 1);
      continue;
    }
    yield openingTag(builder, 'testsuite', attributes, 1);
    for (let i = 0; i < suite.findings.length; i += BATCH) {
      const cases = suite.findings.slice(i, i + BATCH).map((f) => testcase(f, failOn));
      yield atLevel(builder, 'testcase', cases, 2);
    }
    yield `${INDENT}</testsuite>\n`;
  }
  yield '</testsuites>\n';
}
