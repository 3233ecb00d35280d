import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { jestTodos } from './jest-todo.js';
import { positionAt } from './junit-preflight.js';
import { asNode, attr, children, type XmlNode } from './junit-xml.js';

/** Offsets of the `<testsuites>` and `<testsuite>` start tags, in document order, outside comments and CDATA. */
export function suiteStarts(text: string): { readonly testsuites: number[]; readonly testsuite: number[] } {
  const found = { testsuites: [] as number[], testsuite: [] as number[] };
  const tag = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<(testsuites?)(?=[\s/>])/g;
  for (const m of text.matchAll(tag)) {
    if (m[1] === 'testsuites') found.testsuites.push(m.index);
    else if (m[1] === 'testsuite') found.testsuite.push(m.index);
  }
  return found;
}

/** Test cases, those with a failure, and jest-junit todo tests (left out of `tests=` by their runner). */
type Counts = { tests: number; failures: number; todos: number };

/** Test cases (and those with a failure) in a suite and every suite nested in it. */
function deepCounts(node: XmlNode): Counts {
  const cases = children(node, 'testcase').map(asNode);
  const counts = {
    tests: cases.length,
    failures: cases.filter((c) => children(c, 'failure').length > 0).length,
    todos: jestTodos(node)?.missing ?? 0,
  };
  for (const nested of children(node, 'testsuite')) {
    const inner = deepCounts(asNode(nested));
    counts.tests += inner.tests;
    counts.failures += inner.failures;
    counts.todos += inner.todos;
  }
  return counts;
}

/** What the header says, against what the suite holds: undefined when they agree. */
function disagreement(node: XmlNode): string | undefined {
  const deep = deepCounts(node);
  // Node's test runner counts a nested describe as one test of its parent.
  const shallow = children(node, 'testcase').length + children(node, 'testsuite').length;
  const problems: string[] = [];
  const tests = attr(node, 'tests');
  if (tests !== undefined && tests.trim() !== '') {
    const said = Number(tests);
    // jest-junit leaves todo tests out of tests= (see jestTodos): that difference is explained.
    const explained = said === deep.tests - deep.todos && deep.todos > 0;
    if (!Number.isInteger(said) || (said !== deep.tests && said !== shallow && !explained))
      problems.push(`tests="${tests}" but it holds ${deep.tests} test case${deep.tests === 1 ? '' : 's'}`);
  }
  const failures = attr(node, 'failures');
  if (failures !== undefined && failures.trim() !== '' && Number(failures) !== deep.failures)
    problems.push(
      `failures="${failures}" but ${deep.failures} of its test cases ${deep.failures === 1 ? 'has' : 'have'} a <failure>`,
    );
  return problems.length === 0 ? undefined : problems.join(', and ');
}

/**
 * A warning when a suite's header (`tests=`, `failures=`) disagrees with the test cases it holds
 * (nested suites included): a truncated report, a runner that left tests out, or a hand-edited file.
 * jest-junit's todo tests, which it leaves out of `tests=`, are no disagreement (see `jestTodos`).
 * Tracery reads the test cases; the warning says what differs, where.
 */
export function checkSuiteCounts(
  node: XmlNode,
  element: 'testsuite' | 'testsuites',
  offset: number | undefined,
  text: string,
  file: string,
): Diagnostic | undefined {
  const problem = disagreement(node);
  if (problem === undefined) return undefined;
  const name = attr(node, 'name');
  return {
    code: 'junit-count-mismatch',
    severity: 'warning',
    source: { file, ...positionAt(text, offset ?? 0) },
    message: `${file}: <${element}${name !== undefined ? ` name="${name}"` : ''}> says ${problem}; Tracery counts the test cases. The report may be cut short, or its runner counts differently (jest-junit leaves todo tests out of tests=).`,
  };
}
