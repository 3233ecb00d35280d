import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ChangeAssessment, hopRelation, loadRepository } from '@tracery/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCaptured, runJson } from './run-cli.js';

type Impacted = { impacted: { id: string }[]; changed: string[] };

const FIXTURE = join(import.meta.dirname, '..', '..', 'core', 'test', 'fixtures', 'impact', 'repo');
let repo: string;
beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), 'tracery-cli-impact-'));
  await cp(FIXTURE, repo, { recursive: true });
});
afterAll(() => rm(repo, { recursive: true, force: true }));

describe('tracery impact', () => {
  test('given ids, it prints each impacted element with the path that explains it', async () => {
    const { code, out } = await runCaptured(['impact', 'DI-0023', '--repo', repo, '--depth', '2']);
    expect(code).toBe(0);
    expect(out).toContain('Impacted: 7 elements');
    expect(out).toMatch(/IF-021 +Interface +2 +DI-0023 -partOf-> MB-M0 <-carries- IF-021\n/);
  });

  test('--json gives the result as data, and the config stops at services and roles', async () => {
    const { code, envelope } = await runJson(['impact', 'IF-022', '--repo', repo, '--json']);
    expect(code).toBe(0);
    expect(envelope).toMatchObject({ command: 'impact', ok: true, repository: { root: repo } });
    expect((envelope.payload as Impacted).impacted.map((e) => e.id)).toEqual(['LSS', 'SDS']);
    const unstopped = await runJson(['impact', 'IF-022', '--repo', repo, '--json', '--stop-at', '']);
    expect((unstopped.envelope.payload as Impacted).impacted.length).toBeGreaterThan(2);
  });

  test('--cr assesses a change request, with the estimate from tracery.yaml, as Markdown to a file', async () => {
    const file = join(repo, 'out', 'CR-A.md');
    const { code, err } = await runCaptured([
      'impact',
      '--cr',
      'CR-A',
      '--repo',
      repo,
      '--format',
      'md',
      '--out',
      file,
    ]);
    expect(code).toBe(0);
    expect(err).toContain('wrote');
    const md = await readFile(file, 'utf8');
    expect(md).toContain('## Estimate: 64.5 days, GBP 38,700');
    expect(md).toContain('```mermaid');
  });

  test('--decision compares the options side by side', async () => {
    const { code, out } = await runCaptured(['impact', '--decision', 'DEC-X', '--repo', repo]);
    expect(code).toBe(0);
    expect(out).toMatch(/^A +OPT-1 +Suppliers add the recipients .* 37\.5 +22,500$/m);
  });

  test('--since seeds the run with what changed since a baseline', async () => {
    expect((await runCaptured(['baseline', 'create', 'before', '--repo', repo])).code).toBe(0);
    const design = join(repo, 'model', 'design.yaml');
    const text = await readFile(design, 'utf8');
    await writeFile(design, text.replace('name: Load shapes', 'name: Load shapes per GSP group'));
    try {
      const { code, envelope } = await runJson(['impact', '--since', 'before', '--repo', repo, '--json']);
      expect(code).toBe(0);
      const result = envelope.payload as Impacted;
      expect(result.changed).toEqual(['IF-022']);
      expect(result.impacted.map((e: { id: string }) => e.id)).toEqual(['LSS', 'SDS']);
    } finally {
      await writeFile(design, text);
    }
  });

  test.each([
    [['impact', '--repo', '.'], 'give element ids'],
    [['impact', 'DI-0023', '--cr', 'CR-A'], 'give element ids'],
    [['impact', 'NOPE'], 'no element "NOPE" in the model'],
    [['impact', 'DI-023'], 'no element "DI-023" in the model; did you mean "DI-0023"?'],
    [['impact', '--cr', 'CR-B'], 'no change request "CR-B" in the model; did you mean "CR-A"?'],
    [
      ['impact', '--decision', 'DEC-Y'],
      'no change request is an option of decision "DEC-Y" (none has "decision: DEC-Y"); did you mean "DEC-X"?',
    ],
    [['impact', 'DI-0023', '--depth', '-1'], '--depth'],
    [['impact', 'DI-0023', '--format', 'pdf'], 'unknown format'],
    [['impact', '--cr', 'IF-021'], 'no change request "IF-021" in the model (it is an Interface)'],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const { code, err } = await runCaptured([...args, ...(args.includes('--repo') ? [] : ['--repo', repo])]);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });
});

describe('the MHHS assessments can be checked against the model files', () => {
  const MHHS = join(import.meta.dirname, '..', '..', 'examples', 'mhhs');

  test.each(['CR001', 'CR002', 'CR021', 'CR022', 'CR023'])(
    'every path of %s crosses relations written in the model, each the way a change propagates',
    async (cr) => {
      const { model } = await loadRepository(MHHS);
      const { code, envelope } = await runJson(['impact', '--cr', cr, '--repo', MHHS, '--json']);
      expect(code).toBe(0);
      const a = envelope.payload as ChangeAssessment;
      expect(a.impacted.length).toBeGreaterThan(0);
      for (const element of a.impacted) {
        expect(a.changes.map((c) => c.id)).toContain(element.path[0]!.from);
        for (const hop of element.path) {
          expect(model.hasRelation(hopRelation(hop)), `${element.id}: ${element.explanation}`).toBe(true);
          const impact = model.metamodel.relationTypes.get(hop.type)!.impact;
          expect(['both', hop.direction === 'forward' ? 'source-to-target' : 'target-to-source']).toContain(
            impact,
          );
        }
      }
      for (const artefact of a.artefactsToReissue)
        for (const id of artefact.because)
          expect(model.hasRelation({ type: 'documentedIn', source: id, target: artefact.id })).toBe(true);
      for (const test of a.testsToRerun)
        for (const id of test.because)
          expect(model.hasRelation({ type: 'verifies', source: test.id, target: id })).toBe(true);
    },
  );
});
