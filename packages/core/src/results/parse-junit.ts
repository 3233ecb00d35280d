import { XMLParser } from 'fast-xml-parser';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { junitPreflight } from './junit-preflight.js';
import type { TestReport, TestResult, TestStatus } from './test-result.js';

type XmlNode = Record<string, unknown>;

const ARRAYS = new Set([
  'testsuites',
  'properties',
  'testsuite',
  'testcase',
  'property',
  'failure',
  'error',
  'skipped',
  'flakyFailure',
  'flakyError',
  'rerunFailure',
  'rerunError',
  'system-out',
]);
const MAX_OUTPUT = 2000;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Entities stay as written (see decodeXml): no DOCTYPE entity is ever expanded.
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (name) => ARRAYS.has(name),
});

const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the five predefined XML entities and character references, and nothing else. */
export function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return safeCodePoint(Number.parseInt(ref.slice(2), 16), whole);
    if (ref.startsWith('#')) return safeCodePoint(Number.parseInt(ref.slice(1), 10), whole);
    return NAMED[ref] ?? whole;
  });
}

function safeCodePoint(code: number, fallback: string): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}

const attr = (node: XmlNode, name: string): string | undefined => {
  const value = node[`@_${name}`];
  return typeof value === 'string' ? decodeXml(value) : undefined;
};
const children = (node: XmlNode, name: string): unknown[] =>
  Array.isArray(node[name]) ? (node[name] as unknown[]) : [];
const asNode = (value: unknown): XmlNode =>
  value !== null && typeof value === 'object' ? (value as XmlNode) : {};

function textOf(value: unknown): string {
  if (typeof value === 'string') return decodeXml(value);
  const node = asNode(value);
  const text = node['#text'];
  return typeof text === 'string' ? decodeXml(text) : '';
}

function firstLine(text: string): string | undefined {
  const line = text.trim().split('\n')[0]?.trim();
  return line ? line : undefined;
}

/** Status, message and type of a testcase, from its child elements and (gtest, ctest) its attributes. */
function outcome(node: XmlNode): {
  status: TestStatus;
  message?: string | undefined;
  type?: string | undefined;
  reruns: number;
} {
  const reruns = ['flakyFailure', 'flakyError', 'rerunFailure', 'rerunError'].reduce(
    (n, k) => n + children(node, k).length,
    0,
  );
  for (const [tag, status] of [
    ['failure', 'failed'],
    ['error', 'error'],
    ['skipped', 'skipped'],
  ] as const) {
    const found = children(node, tag)[0];
    if (found === undefined) continue;
    const detail = asNode(found);
    return {
      status,
      message: attr(detail, 'message') ?? firstLine(textOf(found)),
      type: attr(detail, 'type') || undefined,
      reruns,
    };
  }
  const gtestResult = attr(node, 'result');
  const runStatus = attr(node, 'status');
  if (
    gtestResult === 'skipped' ||
    gtestResult === 'suppressed' ||
    runStatus === 'notrun' ||
    runStatus === 'disabled'
  )
    return { status: 'skipped', reruns };
  if (runStatus === 'fail') return { status: 'failed', reruns };
  return { status: reruns > 0 ? 'flaky' : 'passed', reruns };
}

function testResult(node: XmlNode, file: string, suites: readonly string[]): TestResult {
  const properties: Record<string, string> = {};
  for (const holder of children(node, 'properties'))
    for (const p of children(asNode(holder), 'property')) {
      const name = attr(asNode(p), 'name');
      if (name !== undefined) properties[name] = attr(asNode(p), 'value') ?? textOf(p);
    }
  const { status, message, type, reruns } = outcome(node);
  const time = Number.parseFloat(attr(node, 'time') ?? '');
  const output = children(node, 'system-out').map(textOf).join('\n').trim();
  const result: TestResult = {
    file,
    suites: [...suites],
    classname: attr(node, 'classname') ?? suites[suites.length - 1] ?? '',
    name: attr(node, 'name') ?? '',
    status,
    reruns,
    properties,
  };
  if (Number.isFinite(time)) result.time = time;
  if (message !== undefined) result.message = message;
  if (type !== undefined) result.type = type;
  if (output) result.output = output.length > MAX_OUTPUT ? `${output.slice(0, MAX_OUTPUT)}…` : output;
  return result;
}

function walkSuite(node: XmlNode, file: string, suites: readonly string[], out: TestResult[]): void {
  const here = [...suites, attr(node, 'name') ?? ''];
  for (const testcase of children(node, 'testcase')) out.push(testResult(asNode(testcase), file, here));
  for (const nested of children(node, 'testsuite')) walkSuite(asNode(nested), file, here, out);
}

/**
 * Parses a JUnit XML report as Maven Surefire, pytest, vitest, Jest, gtest and ctest write it:
 * `<testsuites>` or a bare `<testsuite>`, nested suites, properties, failures, errors, skips, flaky
 * reruns and system-out. Bad input is a diagnostic with file, line and column, never an exception;
 * a DOCTYPE (and so an entity bomb) is refused before parsing.
 *
 * @example
 * const { report, diagnostics } = parseJunit(xml, 'results/surefire.xml');
 */
export function parseJunit(text: string, file: string): { report?: TestReport; diagnostics: Diagnostic[] } {
  const refused = junitPreflight(text, file);
  if (refused) return { diagnostics: [refused] };
  const document = asNode(parser.parse(text));
  const roots = [
    ...children(document, 'testsuites'),
    ...children(document, 'testsuite').map((s) => ({ testsuite: [s] })),
  ];
  if (roots.length === 0) {
    return {
      diagnostics: [
        {
          code: 'junit-shape',
          severity: 'error',
          source: { file, line: 1, column: 1 },
          message: `${file}: no <testsuites> or <testsuite> element; is this a JUnit report?`,
        },
      ],
    };
  }
  const results: TestResult[] = [];
  let timestamp: string | undefined;
  for (const root of roots.map(asNode)) {
    timestamp ??= attr(root, 'timestamp');
    for (const suite of children(root, 'testsuite')) {
      timestamp ??= attr(asNode(suite), 'timestamp');
      walkSuite(asNode(suite), file, [], results);
    }
    for (const testcase of children(root, 'testcase'))
      results.push(testResult(asNode(testcase), file, [attr(root, 'name') ?? '']));
  }
  const report: TestReport = { file, results };
  if (timestamp !== undefined) report.timestamp = timestamp;
  return { report, diagnostics: [] };
}
