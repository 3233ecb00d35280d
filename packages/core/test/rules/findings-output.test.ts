import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type CheckReport, checkRepository, failsCheck, loadRepository } from '@tracery/core';
import {
  renderFindingsJson,
  renderFindingsJunit,
  renderFindingsMarkdown,
  renderFindingsText,
  renderSarif,
} from '@tracery/core/render';
import AjvDraft04 from 'ajv-draft-04';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, test } from 'vitest';

const OUTPUT = join(import.meta.dirname, '..', 'fixtures', 'rules', 'output');
let report: CheckReport;

beforeAll(async () => {
  // A repository with an error, warnings, an info finding, a suppression and an accepted finding.
  report = await checkRepository(await loadRepository(join(OUTPUT, 'repository')));
});

async function sarifValidator() {
  const schema = JSON.parse(await readFile(join(OUTPUT, 'sarif-schema-2.1.0-rtm.5.json'), 'utf8')) as object;
  // The published schema's language pattern has a stray `]` that only a non-unicode RegExp accepts.
  // A CommonJS module: its default export is the class, also under `.default`.
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  ajv.addFormat('uri-reference', (value: string) => URL.canParse(value, 'file:///'));
  ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
  return ajv.compile(schema);
}

describe('the renderings of a check', () => {
  test('the showcase holds every severity, a suppression and an accepted finding', () => {
    expect(report.counts).toEqual({ error: 1, warning: 2, info: 1, suppressed: 2 });
    expect(report.suppressed.map((f) => f.suppression.kind).sort()).toEqual(['accepted', 'config']);
  });

  test.each([
    ['text, grouped by file', () => renderFindingsText(report, { showSuppressed: true }), 'findings.txt'],
    ['Markdown', () => renderFindingsMarkdown(report, { title: 'Showcase assurance' }), 'findings.md'],
    ['JSON', () => renderFindingsJson(report), 'findings.json'],
    ['JUnit XML', () => renderFindingsJunit(report, { failOn: 'warning' }), 'findings.junit.xml'],
    ['SARIF', () => renderSarif(report, { toolVersion: '0.1.0', uriPrefix: 'design' }), 'findings.sarif'],
  ])('%s matches its golden file', async (_name, render, file) => {
    await expect(render()).toMatchFileSnapshot(join(OUTPUT, file));
  });

  test('the SARIF validates against the published SARIF 2.1.0 schema, with locations in the YAML files', async () => {
    const validate = await sarifValidator();
    const sarif = JSON.parse(renderSarif(report, { uriPrefix: 'design/' }));
    expect(validate(sarif), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const results = sarif.runs[0].results as {
      ruleId: string;
      level: string;
      locations?: {
        physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
      }[];
      suppressions?: { kind: string; justification: string }[];
    }[];
    const receiver = results.find((r) => r.ruleId === 'interface-without-receiver')!;
    expect(receiver.level).toBe('error');
    expect(receiver.locations?.[0]?.physicalLocation.artifactLocation.uri).toBe('design/model/design.yaml');
    expect(receiver.locations?.[0]?.physicalLocation.region.startLine).toBe(10);
    expect(
      results
        .filter((r) => r.suppressions)
        .map((r) => r.suppressions![0]!.kind)
        .sort(),
    ).toEqual(['external', 'inSource']);
  });

  test('the schema check can fail: a result without a message is refused', async () => {
    const validate = await sarifValidator();
    const sarif = JSON.parse(renderSarif(report));
    delete sarif.runs[0].results[0].message;
    expect(validate(sarif)).toBe(false);
  });

  test('the JUnit XML is well formed, with a suite per rule and a failure per finding at or above --fail-on', () => {
    const xml = renderFindingsJunit(report, { failOn: 'error' });
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    const suites = parsed.testsuites.testsuite as { name: string; failures: string }[];
    expect(suites.find((s) => s.name === 'interface-without-receiver')?.failures).toBe('1');
    expect(suites.find((s) => s.name === 'duplicate-name')?.failures).toBe('0');
    expect(parsed.testsuites.failures).toBe('1');
  });

  test.each([
    ['error', true],
    ['warning', true],
    ['info', true],
  ] as const)('--fail-on %s fails a check with an error finding', (failOn, fails) => {
    expect(failsCheck(report, failOn)).toBe(fails);
  });

  test('--fail-on error passes a check with only warnings', () => {
    const warningsOnly = { ...report, findings: report.findings.filter((f) => f.severity !== 'error') };
    expect(failsCheck(warningsOnly, 'error')).toBe(false);
    expect(failsCheck(warningsOnly, 'warning')).toBe(true);
  });
});
