import { afterAll, describe, expect, test } from 'vitest';
import { runCaptured } from '../run-cli.js';
import { fileTree, hostileRepo, removeHostileRepos } from './hostile-repo.js';

afterAll(removeHostileRepos);

const BOMB = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<testsuite name="s"><testcase name="[TC-1] a" classname="c"><failure message="&lol3;"/></testcase></testsuite>
`;
const XXE = `<?xml version="1.0"?>
<!DOCTYPE t [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<testsuite name="s"><testcase name="[TC-1] a" classname="c"><failure message="&xxe;"/></testcase></testsuite>
`;
const GOOD = '<testsuite name="s" tests="1"><testcase name="[TC-1] a" classname="c"/></testsuite>\n';
/**
 * A model that `check` passes (no finding at error): so that its exit 1 below comes from the results
 * file alone (the base repository has error findings of its own).
 */
const CLEAN = [
  'elements:',
  '  - { id: REQ-1, kind: Requirement, name: Settle on time, description: Settles daily., priority: must }',
  '  - { id: TC-1, kind: TestCase, name: Settles, description: Runs a settlement., verifies: [REQ-1] }',
  '',
].join('\n');
const repoWith = (files: Record<string, string>) => hostileRepo({ 'model/design.yaml': CLEAN, ...files });
/** The codes of the findings `check --format json` gives for results/run.xml, with their severity. */
const resultFindings = (out: string): string[] =>
  (
    JSON.parse(out) as {
      payload: { findings: { code: string; severity: string; source?: { file: string } }[] };
    }
  ).payload.findings
    .filter((f) => f.source?.file === 'results/run.xml')
    .map((f) => `${f.severity} ${f.code}`);

// Each case: the results file, what the positioned diagnostic says, and its code.
const CASES: [string, string, RegExp][] = [
  [
    'an empty file (a crashed run)',
    '',
    /results\/run\.xml:1:1: error results-empty: "results\/run\.xml" holds no test results/,
  ],
  ['a report without tests', '<testsuites></testsuites>\n', /results\/run\.xml:1:1: error results-empty/],
  ['an entity bomb', BOMB, /results\/run\.xml:\d+:\d+: error junit-doctype/],
  ['an external entity (XXE)', XXE, /results\/run\.xml:\d+:\d+: error junit-doctype/],
  ['truncated XML', GOOD.slice(0, 50), /results\/run\.xml:\d+:\d+: error junit-syntax/],
];

describe('a refused or empty results file fails trace and check', () => {
  test.each(CASES)(
    '%s: exit 1, a positioned error, no file changed',
    { timeout: 20_000 },
    async (_, xml, expected) => {
      const repo = await repoWith({ 'results/run.xml': xml });
      const before = await fileTree(repo);
      const trace = await runCaptured(['trace', 'report', repo]);
      expect(trace.code).toBe(1);
      expect(trace.err).toMatch(expected);
      expect(trace.err).not.toContain('root:');
      const check = await runCaptured(['check', repo, '--format', 'json']);
      expect(check.code).toBe(1);
      const code = /error ([a-z-]+)/.exec(expected.source)?.[1];
      expect(resultFindings(check.out)).toEqual([`error ${code}`]);
      expect(check.out).not.toContain('root:');
      expect(await fileTree(repo)).toEqual(before);
    },
  );

  test('results.problems: warning in tracery.yaml lets them pass as warnings', async () => {
    const repo = await repoWith({
      'tracery.yaml': 'name: Lenient\nresults:\n  problems: warning\n',
      'results/run.xml': '',
    });
    const trace = await runCaptured(['trace', 'report', repo]);
    expect(trace.code).toBe(0);
    expect(trace.err).toMatch(/results\/run\.xml:1:1: warning results-empty/);
    const check = await runCaptured(['check', repo, '--format', 'json']);
    expect(check.code).toBe(0);
    expect(resultFindings(check.out)).toEqual(['warning results-empty']);
  });

  test('a good results file passes', async () => {
    const repo = await repoWith({ 'results/run.xml': GOOD });
    expect((await runCaptured(['trace', 'report', repo])).code).toBe(0);
    const check = await runCaptured(['check', repo, '--format', 'json']);
    expect(check.code).toBe(0);
    expect(resultFindings(check.out)).toEqual([]);
  });
});
