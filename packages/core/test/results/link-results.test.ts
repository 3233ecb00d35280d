import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultMetamodel, InvalidArgumentError, Model } from '@tracery/core';
import { linkResults, parseJunit, type TestReport } from '@tracery/core/advanced';
import { describe, expect, test } from 'vitest';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'junit');

async function report(path: string): Promise<TestReport> {
  return parseJunit(await readFile(join(FIXTURES, path), 'utf8'), path).report!;
}

function model(): Model {
  const m = new Model(defaultMetamodel());
  const tc = (id: string, attributes: Record<string, string> = {}) =>
    m.addElement({ id, kind: 'TestCase', name: id, attributes });
  tc('TC-0001', { junit: 'dev.tracery.fixture.SettlementTest.periodsPerDay_TC_0001' });
  tc('TC-0002');
  tc('TC-0003');
  tc('TC-0004');
  tc('TC-0009');
  m.addElement({ id: 'REQ-1', kind: 'Requirement', name: 'not a test', attributes: {} });
  return m;
}

const inline = (file: string, timestamp: string | undefined, status: 'passed' | 'failed') => ({
  file,
  ...(timestamp ? { timestamp } : {}),
  results: [{ file, suites: [], classname: 'c', name: 'x [TC-0002]', status, reruns: 0, properties: {} }],
});

describe('linkResults', () => {
  test('links by the junit attribute (classname.name) and by an id token in the name', async () => {
    const linked = linkResults(model(), [
      await report('surefire/TEST-dev.tracery.fixture.SettlementTest.xml'),
      await report('vitest/vitest-junit.xml'),
    ]);
    const latest = Object.fromEntries(linked.testCases.map((t) => [t.testCase, t.latest.status]));
    // Surefire has no timestamp, so it counts as older than the vitest report: vitest's result wins for TC-0002.
    expect(latest).toEqual({
      'TC-0001': 'passed',
      'TC-0002': 'failed',
      'TC-0003': 'failed',
      'TC-0004': 'skipped',
    });
    expect(linked.withoutResults).toEqual(['TC-0009']);
  });

  test('results that link to no TestCase are reported, tokens naming other kinds or unknown ids included', async () => {
    const linked = linkResults(model(), [await report('vitest/vitest-junit.xml')]);
    expect(linked.unmatched.map((r) => r.name)).toEqual(['nested > deeper > passes inside two describes']);
    expect(linked.diagnostics).toEqual([
      expect.objectContaining({ code: 'junit-unmatched', severity: 'info' }),
    ]);
    const other = linkResults(model(), [
      {
        file: 'r.xml',
        results: [
          {
            file: 'r.xml',
            suites: [],
            classname: 'c',
            name: 'checks [REQ-1] and [TC-7777]',
            status: 'passed',
            reruns: 0,
            properties: {},
          },
        ],
      },
    ]);
    expect(other.unmatched).toHaveLength(1);
  });

  test('the latest report by timestamp wins and the history keeps every run, oldest first', () => {
    const linked = linkResults(model(), [
      inline('new.xml', '2025-03-02T10:00:00Z', 'passed'),
      inline('old.xml', '2025-03-01T10:00:00Z', 'failed'),
    ]);
    const tc = linked.testCases.find((t) => t.testCase === 'TC-0002')!;
    expect(tc.latest).toMatchObject({ file: 'new.xml', status: 'passed' });
    expect(tc.history.map((r) => r.file)).toEqual(['old.xml', 'new.xml']);
  });

  test('without timestamps the file order decides', () => {
    const linked = linkResults(model(), [
      inline('first.xml', undefined, 'passed'),
      inline('second.xml', undefined, 'failed'),
    ]);
    expect(linked.testCases[0]?.latest.file).toBe('second.xml');
  });

  test('several results of one TestCase in one report combine to the worst that ran', () => {
    const r = inline('a.xml', undefined, 'passed');
    const linked = linkResults(model(), [
      { ...r, results: [...r.results, { ...r.results[0]!, name: 'y [TC-0002]', status: 'failed' }] },
    ]);
    expect(linked.testCases[0]?.latest.status).toBe('failed');
    expect(linked.testCases[0]?.latest.results).toHaveLength(2);
  });

  test('a custom id token and attribute are honoured; a bad token is an InvalidArgumentError', () => {
    const m = model();
    m.putElement({ id: 'TC-0004', kind: 'TestCase', name: 'x', attributes: { testName: 'suite::by name' } });
    const result = (name: string, classname = 'c') => ({
      file: 'r.xml',
      suites: [],
      classname,
      name,
      status: 'passed' as const,
      reruns: 0,
      properties: {},
    });
    const reports = [
      { file: 'r.xml', results: [result('x {TC-0003}'), result('x [TC-0002]'), result('by name', 'suite')] },
    ];
    const linked = linkResults(m, reports, { idToken: '\\{(TC-\\d{4})\\}', attribute: 'testName' });
    expect(linked.testCases.map((t) => t.testCase)).toEqual(['TC-0003', 'TC-0004']);
    expect(linked.unmatched.map((r) => r.name)).toEqual(['x [TC-0002]']);
    expect(() => linkResults(m, [], { idToken: '(' })).toThrow(InvalidArgumentError);
  });
});
