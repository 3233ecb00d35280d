import { type CheckReport, defaultMetamodel, Model, testTraceReport } from '@tracery/core';
import { parseJunit } from '@tracery/core/advanced';
import { escapeHtml, renderFindingsJunit, renderSarif, renderTestTrace } from '@tracery/core/render';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';

// Issue 12: HTML and XML outputs never carry control characters from the data, and markup in the
// data stays text. The names below are what a hostile user would write into a model or a test name.

const HOSTILE = 'x\u001b[2J\u0007\u0000<script>alert(1)</script>]]>"\'&amp;\u009b\u202e';
// C0 controls except tab and line feed, DEL and C1: never in an HTML or XML output.
const hasRawControl = (text: string): boolean =>
  [...text].some((c) => {
    const n = c.codePointAt(0) ?? 0;
    return n <= 0x08 || (n >= 0x0b && n <= 0x1f) || (n >= 0x7f && n <= 0x9f) || n === 0x202e;
  });

function hostileCheck(): CheckReport {
  const finding = {
    code: 'hostile',
    severity: 'error' as const,
    message: `element ${HOSTILE} is bad`,
    elementId: `REQ-${HOSTILE}`,
    source: { file: `model/${HOSTILE}.yaml`, line: 1, column: 1 },
    rule: 'hostile-rule',
    fingerprint: '0123456789abcdef',
  };
  return {
    rules: [{ id: 'hostile-rule', severity: 'error', description: 'a rule', enabled: true, findings: 1 }],
    findings: [finding],
    suppressed: [
      { ...finding, fingerprint: 'fedcba9876543210', suppression: { kind: 'accepted', reason: HOSTILE } },
    ],
    counts: { error: 1, warning: 0, info: 0, suppressed: 1 },
  };
}

describe('HTML and XML outputs with hostile names', () => {
  test('escapeHtml shows control characters as escapes and markup as text', () => {
    const html = escapeHtml(HOSTILE);
    expect(hasRawControl(html)).toBe(false);
    expect(html).toContain('\\x1b[2J\\x07\\x00&lt;script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&quot;&#39;&amp;amp;');
  });

  test('the test-trace HTML report carries no control character and no markup from names and messages', () => {
    const model = new Model(defaultMetamodel());
    model.addElement({ id: 'REQ-1', kind: 'Requirement', name: HOSTILE, attributes: {} });
    model.addElement({ id: 'TC-1', kind: 'TestCase', name: HOSTILE, attributes: {} });
    model.addRelation({ type: 'verifies', source: 'TC-1', target: 'REQ-1', attributes: {} });
    const report = testTraceReport(model, {
      title: HOSTILE,
      results: {
        testCases: [],
        reports: [{ file: `results/${HOSTILE}.xml`, timeSource: 'file-time' }],
        unmatched: [],
        withoutResults: ['TC-1'],
        diagnostics: [],
      },
    });
    const html = renderTestTrace(report, 'html');
    expect(hasRawControl(html)).toBe(false);
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;]]&gt;');
  });

  test('the JUnit findings output is well-formed XML without control characters, and reads back as written', () => {
    const xml = renderFindingsJunit(hostileCheck());
    expect(hasRawControl(xml)).toBe(false);
    expect(XMLValidator.validate(xml)).toBe(true);
    const { report, diagnostics } = parseJunit(xml, 'tracery-junit.xml');
    expect(diagnostics).toEqual([]);
    const failed = report!.results.find((r) => r.status === 'failed')!;
    expect(failed.message).toBe(
      'element x\\x1b[2J\\x07\\x00<script>alert(1)</script>]]>"\'&amp;\\x9b\\u202e is bad',
    );
  });

  test('the SARIF output shows control characters as escapes in every text a viewer shows', () => {
    const sarif = renderSarif(hostileCheck());
    const log = JSON.parse(sarif);
    const texts = JSON.stringify(log.runs[0].results);
    const decoded = JSON.parse(texts) as unknown;
    expect(JSON.stringify(decoded, (_k, v) => v)).not.toMatch(/\\u00(0[0-8]|1[0-9a-f]|7f|[89][0-9a-f])/);
    const [result, suppressed] = log.runs[0].results;
    expect(result.message.text).toContain('x\\x1b[2J\\x07\\x00<script>');
    expect(hasRawControl(result.locations[0].logicalLocations[0].name)).toBe(false);
    expect(hasRawControl(result.locations[0].physicalLocation.artifactLocation.uri)).toBe(false);
    expect(hasRawControl(suppressed.suppressions[0].justification)).toBe(false);
  });
});
