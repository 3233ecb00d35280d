import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  assessChangeRequest,
  assessOptionsFromConfig,
  compareOptions,
  defaultRules,
  impactOfRepository,
  loadRepository,
  NotFoundError,
  openRepository,
  RepositoryError,
  type TraceryRepository,
} from '@tracery/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { importSourcePlugin } from '../../src/open/import-source-plugin.js';

const MHHS = join(import.meta.dirname, '..', '..', '..', 'examples', 'mhhs');

describe('openRepository on the MHHS example', () => {
  let repo: TraceryRepository;
  beforeAll(async () => {
    repo = await openRepository(MHHS);
  });

  test('the diagrams that sources.bpmn names join the model, found without core importing @tracery/bpmn', async () => {
    // given the example's tracery.yaml names bpmn/**/*.bpmn, when it is opened, then the diagrams were read
    const plain = await loadRepository(MHHS);
    expect(plain.files.filter((f) => f.endsWith('.bpmn'))).toEqual([]);
    expect(repo.files.filter((f) => f.endsWith('.bpmn'))).toEqual([
      'bpmn/bp001-change-of-supplier.bpmn',
      'bpmn/bp004-data-collection.bpmn',
      'bpmn/bp018-load-shaping-service.bpmn',
    ]);
    expect(repo.plugins.map((p) => p.source)).toEqual(['bpmn']);
    expect(repo.ok).toBe(true);
  });

  test('impact uses the repository settings: the same answer as impactOfRepository on the same load', async () => {
    expect(await repo.impact(['DI-0023'])).toEqual(impactOfRepository(repo, ['DI-0023']));
  });

  test('impact since the working tree starts from nothing changed', async () => {
    const result = await repo.impact({ since: 'working' });
    expect(result.changed).toEqual([]);
    expect(result.impacted).toEqual([]);
  });

  test('an unknown id throws NotFoundError with the nearest id', async () => {
    await expect(repo.impact(['DI-023'])).rejects.toThrow(NotFoundError);
    await expect(repo.impact(['DI-023'])).rejects.toThrow(/did you mean "DI-0023"/);
    expect(() => repo.trace('REQ-LSS-01', { direction: 'down' })).toThrow(/did you mean "REQ-LSS-001"/);
  });

  test('assess answers a change request and a decision with tracery.yaml estimate and impact settings', () => {
    const settings = assessOptionsFromConfig(repo.config);
    expect(repo.assess('CR001')).toEqual(assessChangeRequest(repo.model, 'CR001', settings));
    expect(repo.assess('DEC-021')).toEqual(compareOptions(repo.model, 'DEC-021', settings));
    expect(() => repo.assess('IF-021')).toThrow(/"IF-021" is an Interface, not a ChangeRequest or Decision/);
    expect(() => repo.assess('CR01')).toThrow(/did you mean "CR001"/);
  });

  test('check runs the BPMN notation rules of the plugin beside the default rules', async () => {
    const report = await repo.check();
    const ids = report.rules.map((r) => r.id);
    expect(ids.some((id) => id.startsWith('bpmn-'))).toBe(true);
    for (const rule of defaultRules()) expect(ids).toContain(rule.id);
  });

  test('trace gives a path with a target and the reached elements without one', () => {
    const path = repo.trace('REQ-LSS-001', 'IF-022');
    expect(path?.[0]?.from).toBe('REQ-LSS-001');
    expect(path?.at(-1)?.to).toBe('IF-022');
    const down = repo.trace('REQ-LSS-001', { types: ['verifiedBy'] });
    expect(down.length).toBeGreaterThan(0);
    expect(down.every((h) => h.kind === 'TestCase')).toBe(true);
  });

  test('diff of the working tree with itself is empty', async () => {
    const report = await repo.diff('working');
    expect(report.counts.elementsAdded + report.counts.elementsChanged + report.counts.elementsRemoved).toBe(
      0,
    );
  });
});

describe('source packages', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tracery-open-'));
    await writeFile(join(dir, 'tracery.yaml'), 'name: t\n');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test('a missing package is an error that names it and how to install it', async () => {
    const missing = importSourcePlugin('bpmn', '@tracery/not-installed', dir);
    await expect(missing).rejects.toThrow(RepositoryError);
    await expect(importSourcePlugin('bpmn', '@tracery/not-installed', dir)).rejects.toThrow(
      /sources\.bpmn.*pnpm add @tracery\/not-installed/,
    );
  });

  test('a diagram that sources.bpmn names is read by the BPMN plugin: a broken one is a diagnostic at its file', async () => {
    await writeFile(
      join(dir, 'tracery.yaml'),
      'name: t\nsources:\n  model: [m/*.yaml]\n  bpmn: [d/*.bpmn]\n',
    );
    await mkdir(join(dir, 'd'));
    await writeFile(join(dir, 'd', 'broken.bpmn'), '<bpmn:definitions');
    const repo = await openRepository(dir);
    expect(repo.plugins.map((p) => p.source)).toEqual(['bpmn']);
    expect(repo.ok).toBe(false);
    expect(repo.diagnostics.filter((d) => d.severity === 'error').map((d) => d.source?.file)).toContain(
      'd/broken.bpmn',
    );
  });

  test('a repository that names no such source needs no plugin', async () => {
    await writeFile(join(dir, 'tracery.yaml'), 'name: t\nsources:\n  model: [m/*.yaml]\n');
    const repo = await openRepository(dir);
    expect(repo.plugins).toEqual([]);
  });
});
