import type { XMLParser } from 'fast-xml-parser';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { fastXmlParser } from '../xml/fast-xml-parser.js';
import { ctestCouldNotRun } from './ctest-not-run.js';
import { ambiguousTodos, asTodo, jestTodos } from './jest-todo.js';
import { checkSuiteCounts, suiteStarts } from './junit-counts.js';
import { junitPreflight, positionAt } from './junit-preflight.js';
import { asNode, attr, CDATA, children, textOf, type XmlNode } from './junit-xml.js';
import { readReportTime } from './report-time.js';
import { reportZone } from './report-zone.js';
import type { TestReport, TestResult, TestStatus } from './test-result.js';

export { decodeXml } from './junit-xml.js';

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
  'system-err',
]);
const MAX_OUTPUT = 2000;

let parser: XMLParser | undefined;

/** The parser of JUnit files, made on first use (fast-xml-parser is loaded then). */
function junitParser(): XMLParser {
  parser ??= new (fastXmlParser().XMLParser)({
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
    // CDATA apart from text, so that it is kept as written and never entity-decoded.
    cdataPropName: CDATA,
    isArray: (name) => ARRAYS.has(name),
  });
  return parser;
}

/** Options of {@link parseJunit}. */
export type ParseJunitOptions = {
  /** The zone of timestamps written without one (Surefire, gtest, ctest): `UTC` unless given. jest-junit's are UTC. */
  readonly timezone?: string;
};

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
    const message = attr(detail, 'message') ?? firstLine(textOf(found));
    return {
      status: tag === 'skipped' && ctestCouldNotRun(node, message) ? 'error' : status,
      message,
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

/** The text of a test's system-out or system-err, cut to its first MAX_OUTPUT characters. */
function outputOf(node: XmlNode, tag: 'system-out' | 'system-err'): string | undefined {
  const output = children(node, tag).map(textOf).join('\n').trim();
  if (!output) return undefined;
  return output.length > MAX_OUTPUT ? `${output.slice(0, MAX_OUTPUT)}…` : output;
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
  const output = outputOf(node, 'system-out');
  const errorOutput = outputOf(node, 'system-err');
  if (output !== undefined) result.output = output;
  if (errorOutput !== undefined) result.errorOutput = errorOutput;
  return result;
}

/** One parse: where it is, and what it has found so far. */
type Walk = {
  readonly text: string;
  readonly file: string;
  readonly starts: readonly number[];
  next: number;
  readonly results: TestResult[];
  readonly diagnostics: Diagnostic[];
};

function walkSuite(node: XmlNode, suites: readonly string[], walk: Walk): void {
  const offset = walk.starts[walk.next++];
  const mismatch = checkSuiteCounts(node, 'testsuite', offset, walk.text, walk.file);
  if (mismatch) walk.diagnostics.push(mismatch);
  const todos = jestTodos(node);
  if (todos && todos.cases.size > todos.missing)
    walk.diagnostics.push(ambiguousTodos(node, todos, walk.file, positionAt(walk.text, offset ?? 0)));
  const here = [...suites, attr(node, 'name') ?? ''];
  for (const testcase of children(node, 'testcase').map(asNode)) {
    const result = testResult(testcase, walk.file, here);
    walk.results.push(todos?.cases.has(testcase) ? asTodo(result, todos) : result);
  }
  for (const nested of children(node, 'testsuite')) walkSuite(asNode(nested), here, walk);
}

function syntaxError(file: string, why: string): Diagnostic {
  return {
    code: 'junit-syntax',
    severity: 'error',
    source: { file, line: 1, column: 1 },
    message: `${file}: not well-formed XML: ${why}`,
  };
}

function notJunit(file: string): { diagnostics: Diagnostic[] } {
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

/** The report's time: from its first timestamp, with a warning when that is not a date and time. */
function withTime(
  report: TestReport,
  timestamp: string | undefined,
  timezone: string,
  walk: Walk,
): TestReport {
  if (timestamp === undefined) return report;
  report.timestamp = timestamp;
  const read = readReportTime(timestamp, timezone);
  if (read)
    return {
      ...report,
      startedAt: read.startedAt,
      timeSource: read.source,
      ...(read.source === 'unzoned' ? { timezone } : {}),
    };
  walk.diagnostics.push({
    code: 'junit-timestamp',
    severity: 'warning',
    source: { file: walk.file, ...positionOf(walk.text, `timestamp="`) },
    message: `${walk.file}: timestamp "${timestamp}" is not an ISO date and time (such as 2026-11-28T12:07:09Z); the report is ordered by its file's time instead.`,
  });
  return report;
}

function positionOf(text: string, needle: string): { line: number; column: number } {
  const at = Math.max(0, text.indexOf(needle));
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: at - lineStart + 1 };
}

/**
 * Parses a JUnit XML report as Maven Surefire, pytest, vitest, Jest, gtest and ctest write it:
 * `<testsuites>` or a bare `<testsuite>`, nested suites, properties, failures, errors, skips, flaky
 * reruns, system-out and system-err (CDATA kept as written). Bad input is a diagnostic with file, line
 * and column, never an exception; a DOCTYPE in the prolog (and so an entity bomb) is refused before
 * parsing. A suite header whose `tests=` or `failures=` disagrees with its test cases is a warning.
 * The first timestamp gives `startedAt`; one without a zone is read in `options.timezone` (UTC), except
 * in jest-junit's reports (root `<testsuites name="jest tests">`), which write UTC without the `Z`.
 *
 * @example
 * const { report, diagnostics } = parseJunit(xml, 'results/surefire.xml');
 */
export function parseJunit(
  text: string,
  file: string,
  options: ParseJunitOptions = {},
): { report?: TestReport; diagnostics: Diagnostic[] } {
  const refused = junitPreflight(text, file);
  if (refused) return { diagnostics: [refused] };
  let document: XmlNode;
  try {
    document = asNode(junitParser().parse(text));
  } catch (error) {
    // The validator lets a few broken texts through (an unclosed comment or PI after the root); the
    // parser then throws. That is a syntax error of the file, never an exception of Tracery's.
    return { diagnostics: [syntaxError(file, (error as Error).message)] };
  }
  const roots = children(document, 'testsuites').map(asNode);
  const bare = children(document, 'testsuite').map(asNode);
  if (roots.length === 0 && bare.length === 0) return notJunit(file);
  const starts = suiteStarts(text);
  const walk: Walk = { text, file, starts: starts.testsuite, next: 0, results: [], diagnostics: [] };
  let timestamp: string | undefined;
  roots.forEach((root, i) => {
    const mismatch = checkSuiteCounts(root, 'testsuites', starts.testsuites[i], text, file);
    if (mismatch) walk.diagnostics.push(mismatch);
    timestamp ??= attr(root, 'timestamp');
    for (const suite of children(root, 'testsuite')) {
      timestamp ??= attr(asNode(suite), 'timestamp');
      walkSuite(asNode(suite), [], walk);
    }
    for (const testcase of children(root, 'testcase'))
      walk.results.push(testResult(asNode(testcase), file, [attr(root, 'name') ?? '']));
  });
  for (const suite of bare) {
    timestamp ??= attr(suite, 'timestamp');
    walkSuite(suite, [], walk);
  }
  const zone = reportZone(roots, options.timezone ?? 'UTC');
  const report = withTime({ file, results: walk.results }, timestamp, zone, walk);
  return { report, diagnostics: walk.diagnostics };
}
