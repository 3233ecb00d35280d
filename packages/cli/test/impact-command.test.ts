import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ChangeAssessment, type ImpactStep, loadRepository } from '@tracery/core';
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
    expect(out).toContain('Impacted: 6 elements (3 changed by propagation, 3 notified)');
    expect(out).toMatch(
      /IF-021 +Interface +Consumption data +propagated +2 +DI-0023 -partOf-> MB-M0 <-carries- IF-021\n/,
    );
    expect(out).toMatch(
      /LSS +Service +Load Shaping Service +notified +2 +DI-0023 <-carries- IF-022 <-sends- LSS\n/,
    );
  });

  test('the summary comes first: parties that must act, tests to re-run, documents to re-issue, then the table', async () => {
    const { out } = await runCaptured(['impact', 'DI-0023', '--repo', repo]);
    const at = (text: string) => out.indexOf(text);
    expect(at('Parties that must act (3)')).toBeGreaterThan(0);
    expect(at('Parties that must act')).toBeLessThan(at('Tests to re-run (1)'));
    expect(at('Tests to re-run')).toBeLessThan(at('Documents to re-issue (2)'));
    expect(at('Documents to re-issue')).toBeLessThan(at('Impacted elements (9)'));
    expect(out).toMatch(/^TC-001 +Send consumption data +IF-021$/m);
    expect(out).toMatch(/^DOC-DM +Data catalogue +MB-M0$/m);
  });

  test('--kinds filters the table, not the walk', async () => {
    const { code, out } = await runCaptured(['impact', 'DI-0023', '--repo', repo, '--kinds', 'Interface']);
    expect(code).toBe(0);
    expect(out).toContain('Impacted elements (2)');
    expect(out).toContain('Parties that must act (3)');
    const json = await runJson(['impact', 'DI-0023', '--repo', repo, '--kinds', 'Interface', '--json']);
    expect((json.envelope.payload as Impacted).impacted.map((e) => e.id)).toEqual(['IF-021', 'IF-022']);
    const md = await runCaptured([
      'impact',
      'DI-0023',
      '--repo',
      repo,
      '--kinds',
      'Interface',
      '--format',
      'md',
    ]);
    expect(md.out).toContain('## Impacted elements (2)');
    expect(md.out).toContain(
      '| IF-022 | Interface | Load shapes | propagated | 1 | `DI-0023 <-carries- IF-022` |',
    );
  });

  test('--json gives the result as data, each hit with how it was reached', async () => {
    const { code, envelope } = await runJson(['impact', 'IF-022', '--repo', repo, '--json']);
    expect(code).toBe(0);
    expect(envelope).toMatchObject({ command: 'impact', ok: true, repository: { root: repo } });
    const payload = envelope.payload as { impacted: { id: string; reach: string }[] };
    expect(payload.impacted.map((e) => [e.id, e.reach])).toEqual([
      ['LSS', 'notified'],
      ['SDS', 'notified'],
    ]);
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
    expect(out).toMatch(/^A +OPT-1 +Suppliers add the recipients .* 17\.5 +10,500$/m);
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
    [['impact', 'DI-0023', '--depth', '-1'], '--depth'],
    [['impact', 'DI-0023', '--format', 'pdf'], 'unknown format'],
    [['impact', '--cr', 'IF-021'], 'no change request "IF-021" in the model (it is an Interface)'],
    [['impact', 'DI-0024'], 'no element "DI-0024" in the model; did you mean "DI-0021"?'],
    [['impact', '--decision', 'DEC-Y'], 'no decision "DEC-Y" in the model; did you mean "DEC-X"?'],
    [['impact', '--cr', 'CR-Z'], 'CR-Z: its decision "DEC-Y" names no Decision of the model'],
    [['impact', 'DI-0023', '--kinds', 'Interfaces'], 'unknown kind "Interfaces"; did you mean "Interface"?'],
    [
      ['impact', 'DI-0023', '--types', 'hasParts'],
      'unknown relation name "hasParts"; did you mean "hasPart"?',
    ],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const { code, err } = await runCaptured([...args, ...(args.includes('--repo') ? [] : ['--repo', repo])]);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });
});

/** The relation a hop crossed, as written in the model: a backward hop went against it. */
const hopRelation = (hop: ImpactStep) =>
  hop.direction === 'forward'
    ? { type: hop.relation, source: hop.from, target: hop.to }
    : { type: hop.relation, source: hop.to, target: hop.from };

describe('the MHHS assessments can be checked against the model files', () => {
  const MHHS = join(import.meta.dirname, '..', '..', 'examples', 'mhhs');

  test.each(['CR001', 'CR002', 'CR021', 'CR022', 'CR023'])(
    'every path of %s crosses relations written in the model, each with the effect of its direction',
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
          const effect = model.metamodel.relationTypes.get(hop.relation)!.impact[hop.direction];
          expect(effect).not.toBe('none');
          if (hop.effect === 'propagate') expect(effect).toBe('propagate');
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
