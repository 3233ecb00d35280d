import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { asNode, attr, children, type XmlNode } from './junit-xml.js';
import type { TestResult } from './test-result.js';

/**
 * The test cases of one suite that are read as jest-junit `test.todo` tests (see {@link jestTodos}):
 * `missing` of them are todo for certain; when `cases` holds more, which ones cannot be told.
 */
export type JestTodos = {
  /** The test cases read as not run: no outcome element and `time="0"`. */
  readonly cases: ReadonlySet<XmlNode>;
  /** How many test cases the header leaves out of `tests=`: the number of todo tests. */
  readonly missing: number;
  /** The header's `tests=`. */
  readonly counted: number;
};

const OUTCOMES = ['failure', 'error', 'skipped'] as const;

const hasOutcome = (testcase: XmlNode): boolean =>
  OUTCOMES.some((tag) => children(testcase, tag).length > 0) ||
  attr(testcase, 'result') !== undefined ||
  attr(testcase, 'status') !== undefined;

const count = (node: XmlNode, name: string): number | undefined => {
  const text = attr(node, name)?.trim();
  const value = text ? Number(text) : Number.NaN;
  return Number.isInteger(value) ? value : undefined;
};

/**
 * jest-junit writes a `test.todo` as a test case with no `<skipped/>` and `time="0"`, and leaves it
 * out of its suite's `tests=` (which counts passed, failed and pending tests only); read as written it
 * would pass. The rule: in a suite of test cases only, whose header counts `k` fewer tests than it
 * holds and whose `skipped=` matches its `<skipped>` test cases (jest-junit's shape), the test cases
 * with no outcome and `time="0"` are todo tests, when there are at least `k` of them. When there are
 * more than `k`, a test that passed in under a millisecond cannot be told from a todo in the report:
 * all of them are read as not run (fail closed; the parser warns). Undefined when the rule does not apply.
 */
export function jestTodos(suite: XmlNode): JestTodos | undefined {
  if (children(suite, 'testsuite').length > 0) return undefined;
  const testcases = children(suite, 'testcase').map(asNode);
  const counted = count(suite, 'tests');
  const skipped = count(suite, 'skipped');
  if (counted === undefined || skipped === undefined) return undefined;
  const missing = testcases.length - counted;
  if (missing <= 0) return undefined;
  if (testcases.filter((c) => children(c, 'skipped').length > 0).length !== skipped) return undefined;
  const cases = testcases.filter((c) => !hasOutcome(c) && Number(attr(c, 'time')) === 0);
  if (cases.length < missing) return undefined;
  return { cases: new Set(cases), missing, counted };
}

/** The message of a test case read as a todo: certain, or one of several that cannot be told apart. */
function todoMessage(todos: JestTodos): string {
  return todos.cases.size === todos.missing
    ? 'todo: jest-junit writes test.todo with no <skipped/> and leaves it out of tests='
    : `todo, or passed in under a millisecond: ${todos.missing} of ${todos.cases.size} test cases with no outcome and time 0 are todo tests, and jest-junit's report does not say which`;
}

/** A test case jest-junit wrote for a test.todo, read as not run whatever the element seems to say. */
export function asTodo(result: TestResult, todos: JestTodos): TestResult {
  const { type: _type, message: _message, ...rest } = result;
  return { ...rest, status: 'skipped', message: todoMessage(todos) };
}

/** The warning for a suite whose todo tests cannot be told from tests that passed in under a millisecond. */
export function ambiguousTodos(
  suite: XmlNode,
  todos: JestTodos,
  file: string,
  at: { readonly line: number; readonly column: number },
): Diagnostic {
  const names = [...todos.cases].map((c) => `"${attr(c, 'name') ?? ''}"`).join(', ');
  return {
    code: 'junit-todo',
    severity: 'warning',
    source: { file, ...at },
    message: `${file}: <testsuite name="${attr(suite, 'name') ?? ''}"> counts ${todos.counted} tests but holds ${todos.counted + todos.missing}: jest-junit leaves ${todos.missing} test.todo out of tests= and writes them with no <skipped/>. ${todos.cases.size} test cases have no outcome and time 0 (${names}), so Tracery cannot tell which passed and reads them all as not run. Write the todo tests as test.skip (jest-junit marks those <skipped/>) or remove them.`,
  };
}
