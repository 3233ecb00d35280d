import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultMetamodel, Model, testTraceReport } from '@tracery/core';
import { linkResults, loadResults, parseJunit } from '@tracery/core/advanced';
import { renderTestTrace } from '@tracery/core/render';
import { ResultsConfigSchema } from '@tracery/core/schemas';
import { afterEach, describe, expect, test } from 'vitest';

// Issue 11, item 5: what a JUnit report means, whatever runner wrote it.

const suite = (timestamp: string | undefined, body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="s"${timestamp ? ` timestamp="${timestamp}"` : ''}>\n${body}\n</testsuite>\n`;

describe('CDATA and outputs', () => {
  test('CDATA is kept as written: an entity inside it is text, not decoded', () => {
    const { report } = parseJunit(
      suite(
        undefined,
        '<testcase name="t"><failure><![CDATA[expected &amp; got &lt;b&gt; <!DOCTYPE html>]]></failure>' +
          '<system-out><![CDATA[<p>a &amp; b</p>]]></system-out></testcase>',
      ),
      'r.xml',
    );
    expect(report?.results[0]?.message).toBe('expected &amp; got &lt;b&gt; <!DOCTYPE html>');
    expect(report?.results[0]?.output).toBe('<p>a &amp; b</p>');
  });

  test('escaped text outside CDATA is still decoded once', () => {
    const { report } = parseJunit(
      suite(undefined, '<testcase name="t"><system-out>a &amp;amp; &lt;b&gt;</system-out></testcase>'),
      'r.xml',
    );
    expect(report?.results[0]?.output).toBe('a &amp; <b>');
  });

  test('system-err is kept beside system-out', () => {
    const { report } = parseJunit(
      suite(
        undefined,
        '<testcase name="t"><system-out>to stdout</system-out><system-err><![CDATA[to stderr]]></system-err></testcase>',
      ),
      'r.xml',
    );
    expect(report?.results[0]).toMatchObject({ output: 'to stdout', errorOutput: 'to stderr' });
  });
});

describe('suite headers that disagree with their test cases', () => {
  test('a tests= or failures= count that differs is a warning at the suite, naming file and suite', () => {
    const xml =
      '<testsuites tests="3">\n  <testsuite name="payments" tests="2" failures="1">\n    <testcase name="a"/>\n  </testsuite>\n</testsuites>\n';
    const { report, diagnostics } = parseJunit(xml, 'results/cut.xml');
    expect(report?.results).toHaveLength(1);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'junit-count-mismatch',
        severity: 'warning',
        source: { file: 'results/cut.xml', line: 1, column: 1 },
      }),
      expect.objectContaining({
        code: 'junit-count-mismatch',
        severity: 'warning',
        source: { file: 'results/cut.xml', line: 2, column: 3 },
      }),
    ]);
    expect(diagnostics[1]!.message).toContain('results/cut.xml');
    expect(diagnostics[1]!.message).toContain('name="payments"');
    expect(diagnostics[1]!.message).toContain('tests="2" but it holds 1 test case');
    expect(diagnostics[1]!.message).toContain('failures="1" but 0 of its test cases have a <failure>');
  });

  test('counts that agree, nested suites counted in, give no warning; a testsuite in CDATA does not shift positions', () => {
    const xml =
      '<testsuites tests="2" failures="1"><testsuite name="outer" tests="2" failures="1">' +
      '<testcase name="a"><system-out><![CDATA[<testsuite tests="9">]]></system-out></testcase>' +
      '<testsuite name="inner" tests="1" failures="1"><testcase name="b"><failure/></testcase></testsuite>' +
      '</testsuite></testsuites>';
    expect(parseJunit(xml, 'r.xml').diagnostics).toEqual([]);
    const wrongInner = xml.replace('name="inner" tests="1"', 'name="inner" tests="4"');
    expect(parseJunit(wrongInner, 'r.xml').diagnostics.map((d) => d.source?.column)).toEqual([
      wrongInner.indexOf('<testsuite name="inner"') + 1,
    ]);
  });
});

describe('times', () => {
  test('a timestamp without a zone is read as UTC by default, and says so', () => {
    const { report } = parseJunit(suite('2026-11-28T12:07:09.619', '<testcase name="t"/>'), 'r.xml');
    expect(report).toMatchObject({
      timestamp: '2026-11-28T12:07:09.619',
      startedAt: '2026-11-28T12:07:09.619Z',
      timeSource: 'unzoned',
      timezone: 'UTC',
    });
  });

  test('results.timezone reads it in another zone (Paris is UTC+1 in November, New York UTC-4 in July)', () => {
    const paris = parseJunit(suite('2026-11-28T12:07:09', '<testcase name="t"/>'), 'r.xml', {
      timezone: 'Europe/Paris',
    });
    expect(paris.report).toMatchObject({ startedAt: '2026-11-28T11:07:09.000Z', timezone: 'Europe/Paris' });
    const newYork = parseJunit(suite('2026-07-01 08:00:00', '<testcase name="t"/>'), 'r.xml', {
      timezone: 'America/New_York',
    });
    expect(newYork.report?.startedAt).toBe('2026-07-01T12:00:00.000Z');
  });

  test('a timestamp with a zone keeps its zone, whatever results.timezone says', () => {
    const { report } = parseJunit(
      suite('2026-11-28T12:06:55.832563+01:00', '<testcase name="t"/>'),
      'r.xml',
      {
        timezone: 'Asia/Tokyo',
      },
    );
    expect(report).toMatchObject({ startedAt: '2026-11-28T11:06:55.832Z', timeSource: 'zoned' });
    expect(report?.timezone).toBeUndefined();
  });

  test('a timestamp that is not a date is a positioned warning', () => {
    const { report, diagnostics } = parseJunit(suite('yesterday', '<testcase name="t"/>'), 'r.xml');
    expect(report?.startedAt).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'junit-timestamp', source: { file: 'r.xml', line: 2, column: 21 } }),
    ]);
  });

  test('results.timezone must be a time zone, and the error says what to write', () => {
    const parsed = ResultsConfigSchema.safeParse({ timezone: 'Europe/Lndon' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain('"Europe/Lndon" is not a time zone');
    expect(ResultsConfigSchema.parse({}).timezone).toBe('UTC');
  });
});

describe('ordering runs', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  function model(): Model {
    const m = new Model(defaultMetamodel());
    m.addElement({ id: 'TC-1', kind: 'TestCase', name: 'one', attributes: {} });
    m.addElement({ id: 'REQ-1', kind: 'Requirement', name: 'a requirement', attributes: {} });
    return m;
  }

  test('an unzoned time is compared in results.timezone: 12:00 in Paris ran before 11:30 UTC', async () => {
    dir = await mkdtemp(join(tmpdir(), 'tracery-times-'));
    await writeFile(
      join(dir, 'gtest.xml'),
      suite('2026-11-28T12:00:00', '<testcase name="a [TC-1]"><failure/></testcase>'),
    );
    await writeFile(join(dir, 'vitest.xml'), suite('2026-11-28T11:30:00Z', '<testcase name="a [TC-1]"/>'));
    const inUtc = await loadResults(dir, ['*.xml']);
    expect(linkResults(model(), inUtc.reports).testCases[0]?.latest.file).toBe('gtest.xml');
    const inParis = await loadResults(dir, ['*.xml'], undefined, 'error', 'Europe/Paris');
    expect(linkResults(model(), inParis.reports).testCases[0]?.latest.file).toBe('vitest.xml');
  });

  test('reports without timestamps are ordered by file modification time, and the report says so', async () => {
    dir = await mkdtemp(join(tmpdir(), 'tracery-mtime-'));
    // Written in name order, but b.xml was modified first: a.xml is the latest run.
    await writeFile(join(dir, 'a.xml'), suite(undefined, '<testcase name="x [TC-1]"/>'));
    await writeFile(join(dir, 'b.xml'), suite(undefined, '<testcase name="x [TC-1]"><failure/></testcase>'));
    await utimes(join(dir, 'b.xml'), new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'));
    await utimes(join(dir, 'a.xml'), new Date('2026-01-02T00:00:00Z'), new Date('2026-01-02T00:00:00Z'));
    const { reports } = await loadResults(dir, ['*.xml']);
    const linked = linkResults(model(), reports);
    expect(linked.testCases[0]?.latest).toMatchObject({ file: 'a.xml', status: 'passed' });
    expect(linked.reports.map((r) => [r.file, r.timeSource])).toEqual([
      ['b.xml', 'file-time'],
      ['a.xml', 'file-time'],
    ]);
    const trace = testTraceReport(model(), { results: linked });
    expect(trace.resultFiles).toEqual([
      { file: 'b.xml', timeSource: 'file-time' },
      { file: 'a.xml', timeSource: 'file-time' },
    ]);
    expect(renderTestTrace(trace, 'text')).toContain(
      'a.xml: no timestamp; ordered by its file modification time',
    );
  });

  test('the report states the zone an unzoned timestamp was read in', () => {
    const { report } = parseJunit(suite('2026-11-28T12:00:00', '<testcase name="x [TC-1]"/>'), 'g.xml', {
      timezone: 'Europe/Paris',
    });
    const trace = testTraceReport(model(), { results: linkResults(model(), [report!]) });
    for (const format of ['text', 'md', 'html'] as const)
      expect(renderTestTrace(trace, format)).toContain(
        'g.xml: 2026-11-28T12:00:00 (no zone: read as Europe/Paris, 2026-11-28T11:00:00.000Z)',
      );
  });
});

describe('the requirement property links like an id token', () => {
  const result = (name: string, properties: Record<string, string>) => ({
    file: 'r.xml',
    suites: [],
    classname: 'test_settlement',
    name,
    status: 'passed' as const,
    reruns: 0,
    properties,
  });
  function model(): Model {
    const m = new Model(defaultMetamodel());
    m.addElement({ id: 'TC-1', kind: 'TestCase', name: 'one', attributes: {} });
    m.addElement({ id: 'TC-2', kind: 'TestCase', name: 'two', attributes: {} });
    m.addElement({ id: 'REQ-1', kind: 'Requirement', name: 'a requirement', attributes: {} });
    return m;
  }
  const linkedTo = (name: string, properties: Record<string, string>) =>
    linkResults(model(), [{ file: 'r.xml', results: [result(name, properties)] }]);

  test('record_property("requirement", id) links where "[id]" in the name would, several ids included', () => {
    const byToken = linkedTo('test_a [TC-1]', {});
    const byProperty = linkedTo('test_a', { requirement: 'TC-1' });
    expect(byProperty.testCases.map((t) => t.testCase)).toEqual(byToken.testCases.map((t) => t.testCase));
    expect(byProperty.testCases.map((t) => t.testCase)).toEqual(['TC-1']);
    expect(linkedTo('test_a', { requirement: 'TC-1, TC-2' }).testCases.map((t) => t.testCase)).toEqual([
      'TC-1',
      'TC-2',
    ]);
  });

  test('an id of another kind links nothing either way, and the diagnostic says what it names', () => {
    for (const linked of [linkedTo('test_a [REQ-1]', {}), linkedTo('test_a', { requirement: 'REQ-1' })]) {
      expect(linked.testCases).toEqual([]);
      expect(linked.unmatched).toHaveLength(1);
      expect(linked.diagnostics[0]?.message).toContain('REQ-1 is a Requirement');
    }
  });
});
