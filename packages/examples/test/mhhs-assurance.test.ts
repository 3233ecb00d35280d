import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CheckReport, checkRepository, defaultRules, loadRepository } from '@tracery/core';
import { beforeAll, describe, expect, test } from 'vitest';
import { dipIsStateless, interfacePassesOnlyUsedData, runAssurance } from '../src/mhhs-assurance.js';

const MHHS = join(import.meta.dirname, '..', 'mhhs');
let report: CheckReport;

beforeAll(async () => {
  const loaded = await loadRepository(MHHS);
  report = await checkRepository(loaded, {
    rules: [...defaultRules(), dipIsStateless, interfacePassesOnlyUsedData],
  });
});

const has = (rule: string, elementId: string) =>
  report.findings.find((f) => f.rule === rule && f.elementId === elementId);

describe('the MHHS design assurance run', () => {
  test('finds the planted defects, at every severity', () => {
    expect(has('interface-without-receiver', 'IF-048')?.severity).toBe('error');
    expect(has('mandatory-attributes', 'IF-048')?.message).toContain('lacks frequency');
    expect(has('terminology', 'IF-048')?.message).toContain('"Change of Agent"');
    expect(has('terminology', 'CR010')?.message).toContain('"Industry Standing Data"');
    expect(has('duplicate-name', 'DI-0990')?.severity).toBe('warning');
    expect(has('unused-data-item', 'DI-0230')?.severity).toBe('info');
    expect(report.counts.error).toBeGreaterThan(0);
    expect(report.counts.warning).toBeGreaterThan(0);
    expect(report.counts.info).toBeGreaterThan(0);
  });

  test('DP-03: the DIP using the energisation status cache that CR010 proposes is an error, located where the link is written', () => {
    const finding = has('dp-03-dip-stateless', 'DIP');
    expect(finding?.severity).toBe('error');
    expect(finding?.message).toContain('MB-B099');
    expect(finding?.source?.file).toBe('model/proposed/CR010-dip-energisation-filter.yaml');
    // the header blocks the DIP routes on are not business data
    expect(report.findings.filter((f) => f.rule === 'dp-03-dip-stateless')).toHaveLength(1);
  });

  test('DP-11: the single items IF-020 carries are accepted by the Design Authority, with the reason', () => {
    const accepted = report.suppressed.filter((f) => f.rule === 'dp-11-only-used-data');
    expect(accepted.map((f) => [f.elementId, f.suppression.kind])).toEqual([
      ['IF-020', 'accepted'],
      ['IF-020', 'accepted'],
    ]);
    expect(report.findings.some((f) => f.rule === 'stale-accepted-finding')).toBe(false);
  });

  test('the script writes SARIF, JUnit XML and Markdown, and exits 1 as CI would', async () => {
    const out = await mkdtemp(join(tmpdir(), 'tracery-assurance-'));
    try {
      expect(await runAssurance(MHHS, out)).toBe(1);
      expect(JSON.parse(await readFile(join(out, 'assurance.sarif'), 'utf8')).version).toBe('2.1.0');
      expect(await readFile(join(out, 'assurance-junit.xml'), 'utf8')).toContain(
        'tracery.dp-03-dip-stateless',
      );
      expect(await readFile(join(out, 'assurance.md'), 'utf8')).toMatch(/^# MHHS design assurance/);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
