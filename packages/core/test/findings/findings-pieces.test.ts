import type { CheckReport, Finding, Severity } from '@tracery/core';
import {
  findingsJunitPieces,
  findingsMarkdownPieces,
  findingsTextPieces,
  renderFindingsJunit,
  renderFindingsMarkdown,
  renderFindingsText,
  renderSarif,
  sarifPieces,
} from '@tracery/core/render';
import fc from 'fast-check';
import { XMLBuilder } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { junitDocument } from '../../src/findings/render-findings-junit.js';
import { sarifLog } from '../../src/findings/render-sarif.js';

// The renderings of a check are written piece by piece (issue 17: a check of 200k elements has 100,000s
// of findings, which are never held twice). Joined, the pieces must be exactly the text of the whole
// document as it was built at once: JSON.stringify of the SARIF log, the XML builder's whole document.

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const RULES = ['duplicate-name', 'description-required', 'odd-rule'];
/** Text that XML, JSON, Markdown and a terminal each treat specially. */
const hostile = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    'a & b <c> "d" \'e\'',
    'line\nbreak',
    'pipe | cell',
    '\u001b[31mred\u0007',
    '\ufffe\ud800',
    '`tick`',
  ),
);

const finding = fc.record({
  rule: fc.constantFrom(...RULES),
  severity: fc.constantFrom(...SEVERITIES),
  message: hostile,
  elementId: fc.option(hostile, { nil: undefined }),
  file: fc.option(fc.constantFrom('model/a.yaml', 'model/b & c.yaml'), { nil: undefined }),
  line: fc.nat({ max: 5000 }),
  related: fc.boolean(),
});

type Drawn = Omit<typeof finding extends fc.Arbitrary<infer T> ? T : never, 'file'> & {
  readonly file: string | undefined;
};

function reportOf(items: Drawn[], suppressedCount: number): CheckReport {
  const findings: Finding[] = items.map((f, i) => ({
    rule: f.rule,
    code: f.rule,
    severity: f.severity,
    message: f.message,
    fingerprint: i.toString(16).padStart(16, '0'),
    ...(f.elementId === undefined ? {} : { elementId: f.elementId }),
    ...(f.file === undefined
      ? {}
      : { source: { file: f.file, line: f.line + 1, column: 3, endLine: f.line + 2, endColumn: 9 } }),
    ...(f.related
      ? { related: [{ message: 'also here', source: { file: 'model/a.yaml', line: 1, column: 1 } }] }
      : {}),
  }));
  const suppressed: CheckReport['suppressed'] = findings
    .slice(0, suppressedCount)
    .map((f) => ({ ...f, suppression: { kind: 'config', reason: 'known & accepted' } }));
  const counts = { error: 0, warning: 0, info: 0, suppressed: suppressed.length };
  for (const f of findings) counts[f.severity]++;
  const rules = [
    {
      id: 'duplicate-name',
      severity: 'warning' as const,
      description: 'names differ',
      enabled: true,
      findings: 0,
    },
    { id: 'quiet-rule', severity: 'info' as const, description: 'finds nothing', enabled: true, findings: 0 },
    { id: 'off-rule', severity: 'error' as const, description: 'turned off', enabled: false, findings: 0 },
  ];
  return { rules, findings, suppressed, counts };
}

const reports = fc
  .tuple(fc.array(finding, { maxLength: 40 }), fc.nat({ max: 3 }))
  .map(([items, suppressed]) => reportOf(items, suppressed));

/** A report with more findings of one rule than the JUnit writer makes at once (256). */
const large = reportOf(
  Array.from({ length: 1000 }, (_, i) => ({
    rule: RULES[i % 2]!,
    severity: SEVERITIES[i % 3]!,
    message: `finding ${i} & <more>\nsecond line`,
    elementId: `EL-${i}`,
    file: i % 7 === 0 ? undefined : `model/f${i % 5}.yaml`,
    line: i,
    related: i % 3 === 0,
  })),
  10,
);

const wholeJunit = (report: CheckReport, failOn: Severity) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true }).build(junitDocument(report, failOn))}`;

describe('the renderings of a check, piece by piece', () => {
  test('SARIF: the pieces are JSON.stringify of the whole log, byte for byte', () => {
    fc.assert(
      fc.property(reports, (report) => {
        expect(renderSarif(report, { uriPrefix: 'design' })).toBe(
          `${JSON.stringify(sarifLog(report, { uriPrefix: 'design' }), null, 2)}\n`,
        );
      }),
      { numRuns: 150 },
    );
    const pieces = [...sarifPieces(large, { toolVersion: '1.0.0' })];
    expect(pieces.join('')).toBe(`${JSON.stringify(sarifLog(large, { toolVersion: '1.0.0' }), null, 2)}\n`);
    // One piece per result at least: the log is never one string.
    expect(pieces.length).toBeGreaterThan(large.findings.length + large.suppressed.length);
  });

  test.each(SEVERITIES)(
    "JUnit failing on %s: the pieces are the XML builder's whole document, byte for byte",
    (failOn) => {
      fc.assert(
        fc.property(reports, (report) => {
          expect(renderFindingsJunit(report, { failOn })).toBe(wholeJunit(report, failOn));
        }),
        { numRuns: 100 },
      );
      const pieces = [...findingsJunitPieces(large, { failOn })];
      expect(pieces.join('')).toBe(wholeJunit(large, failOn));
      expect(pieces.length).toBeGreaterThan(4);
    },
  );

  test('JUnit of a check that ran no rule is the same one empty element as before', () => {
    const empty: CheckReport = {
      rules: [],
      findings: [],
      suppressed: [],
      counts: { error: 0, warning: 0, info: 0, suppressed: 0 },
    };
    expect(renderFindingsJunit(empty)).toBe(wholeJunit(empty, 'error'));
  });

  test('text: each piece is whole lines, so colour codes are never split between writes', () => {
    const paint = (severity: Severity, text: string) =>
      `\u001b[${severity === 'error' ? 31 : 33}m${text}\u001b[39m`;
    fc.assert(
      fc.property(reports, fc.boolean(), (report, showSuppressed) => {
        const pieces = [...findingsTextPieces(report, { paint, showSuppressed })];
        for (const piece of pieces) expect(piece.endsWith('\n')).toBe(true);
        expect(pieces.join('')).toBe(renderFindingsText(report, { paint, showSuppressed }));
      }),
      { numRuns: 100 },
    );
    const lines = renderFindingsText(large).split('\n');
    // Every finding has its line (the message's first line), under its file.
    for (const f of large.findings)
      expect(lines.some((l) => l.endsWith(f.message.split('\n')[0]!))).toBe(true);
    expect([...findingsTextPieces(large)].length).toBeGreaterThan(large.findings.length);
  });

  test('Markdown: a table row per finding, written row by row', () => {
    const pieces = [...findingsMarkdownPieces(large)];
    expect(pieces.join('')).toBe(renderFindingsMarkdown(large));
    const rows = pieces.filter((p) => /^\| \d+:3 \|/.test(p) || /^\| {2}\|/.test(p));
    expect(rows).toHaveLength(large.findings.length);
    expect(rows.every((r) => r.endsWith(' |\n') && !r.slice(0, -1).includes('\n'))).toBe(true);
  });
});
