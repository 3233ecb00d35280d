import { afterAll, describe, expect, test } from 'vitest';
import { terminalText } from '../../src/terminal-text.js';
import { runCaptured } from '../run-cli.js';
import { hostileRepo, removeHostileRepos } from './hostile-repo.js';

afterAll(removeHostileRepos);

// Clear the screen, set the window title, ring the bell, a NUL, a C1 CSI and a right-to-left override.
const HOSTILE = '\\e[2J\\e]0;pwned\\a\\0\\x9b\\u202e';
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const MODEL = [
  'elements:',
  `  - { id: IF-021, kind: Interface, name: "Consumption ${HOSTILE}", carries: ["MB-M0${HOSTILE}"] }`,
  `  - { id: MB-M0, kind: DataEntity, name: "MPAN ${HOSTILE}", "colour${HOSTILE}": red }`,
  '',
].join('\n');

describe('every text for a terminal shows control characters escaped', () => {
  test.each([
    [['validate']],
    [['check']],
    [['stats']],
    [['trace', 'report']],
    [['impact', 'MB-M0', '--repo']],
    [['trace', 'MB-M0', '--up', '--repo']],
    [['review', '--repo']],
  ])('tracery %j prints no raw control character', async (args) => {
    const repo = await hostileRepo({ 'model/design.yaml': MODEL });
    const { out, err } = await runCaptured([...args, repo]);
    expect(out + err).not.toMatch(RAW_CONTROL);
  });

  test('validate names the hostile key and reference with their control characters visible', async () => {
    const repo = await hostileRepo({ 'model/design.yaml': MODEL });
    const { out } = await runCaptured(['validate', repo]);
    expect(out).toContain('unknown field "colour\\x1b[2J\\x1b]0;pwned\\x07\\x00\\x9b\\u202e" on MB-M0');
  });

  test('JUnit test names, class names and messages print escaped, in text and in HTML, XML and SARIF', async () => {
    const results = [
      '<testsuite name="s\u001b]0;t\u0007" tests="2" failures="1">',
      '<testcase name="[TC-1] a \u001b[2J" classname="c\u001b[2J\u0007">',
      '<failure message="boom &#x1b;[31m \u001b]0;pwned\u0007">trace \u001b[2J</failure></testcase>',
      '<testcase name="[TC-9\u001b[2J] b" classname="x\u001b[1m"/></testsuite>',
      '',
    ].join('\n');
    const repo = await hostileRepo({
      'model/tests.yaml': 'elements:\n  - { id: TC-1, kind: TestCase, name: A test, verifies: [IF-021] }\n',
      'results/run.xml': results,
    });
    const runs = [
      ['check', repo],
      ['check', repo, '--format', 'junit'],
      ['check', repo, '--format', 'sarif'],
      ['trace', 'report', repo],
      ['trace', 'report', repo, '--format', 'html'],
      ['trace', 'TC-1', '--repo', repo],
    ];
    for (const args of runs) {
      const { out, err } = await runCaptured(args);
      expect(out + err, args.join(' ')).not.toMatch(RAW_CONTROL);
    }
    const check = await runCaptured(['check', repo]);
    expect(check.out).toContain('failed in its latest run: boom \\x1b[31m \\x1b]0;pwned\\x07;');
    const trace = await runCaptured(['trace', 'report', repo]);
    expect(trace.out).toContain('results/run.xml: x\\x1b[1m > [TC-9\\x1b[2J] b (passed)');
  });

  test('the CLI keeps its own colours on a terminal, and nothing else', () => {
    const text = `\u001b[31merror\u001b[39m ${'\u001b[8mhidden\u001b[0m \u001b]0;t\u0007'}`;
    expect(terminalText(text, { colours: true })).toBe(
      '\u001b[31merror\u001b[39m \\x1b[8mhidden\\x1b[0m \\x1b]0;t\\x07',
    );
    expect(terminalText(text, { colours: false })).toBe(
      '\\x1b[31merror\\x1b[39m \\x1b[8mhidden\\x1b[0m \\x1b]0;t\\x07',
    );
    expect(terminalText('tab\tand\nline', { colours: false })).toBe('tab\tand\nline');
  });
});
