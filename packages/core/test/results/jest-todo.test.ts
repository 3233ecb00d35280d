import { parseJunit } from '@tracery/core/advanced';
import { describe, expect, test } from 'vitest';

// The jest-junit todo rule (src/results/jest-todo.ts) where it must not apply; the real reports are in
// real-runners/jest.test.ts.

const suite = (header: string, cases: string) =>
  `<testsuites><testsuite name="s" ${header}>${cases}</testsuite></testsuites>`;
const passed = (name: string, time: string) => `<testcase name="${name}" time="${time}"/>`;

describe('jest-junit todo tests', () => {
  test.each([
    ['the header counts every test case', 'tests="2" skipped="0"', passed('a', '0') + passed('b', '0')],
    ['the header has no skipped= (not jest-junit’s shape)', 'tests="1"', passed('a', '0') + passed('b', '0')],
    [
      'skipped= disagrees with the <skipped> test cases',
      'tests="1" skipped="1"',
      passed('a', '0') + passed('b', '0'),
    ],
    [
      'the test cases left out all took time',
      'tests="1" skipped="0"',
      passed('a', '0.002') + passed('b', '0.1'),
    ],
  ])('no test case is read as a todo when %s', (_why, header, cases) => {
    const { report } = parseJunit(suite(header, cases), 'r.xml');
    expect(report?.results.map((r) => r.status)).toEqual(['passed', 'passed']);
  });
});
