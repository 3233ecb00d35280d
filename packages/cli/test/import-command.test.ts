import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportReport } from '@tracery/cli';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCaptured, runJson } from './run-cli.js';

let root: string;

const MODEL = [
  'elements:',
  '  - { id: SDS, kind: Service, name: Smart Data Service }',
  '  - { id: MDS, kind: Service, name: Market-wide Data Service }',
  '  - { id: LDSO, kind: Role, name: Licensed Distribution System Operator }',
  '  - id: IF-021',
  '    kind: Interface',
  '    name: UTC Settlement Period Consumption Data',
  '    sentBy: [SDS]',
  '    receivedBy: [MDS]',
  '  - { id: BP004, kind: BusinessProcess, name: Data Collection }',
  '  - { id: BP004-01, kind: ProcessStep, name: Collect the reads, partOf: [BP004], performedBy: [SDS] }',
  '',
].join('\n');

const DIAGRAM = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:tracery="https://tracery.dev/bpmn" id="D" targetNamespace="t">
  <bpmn:collaboration id="C">
    <bpmn:participant id="Pool_BP004" name="BP004 Data Collection" processRef="P" />
    <bpmn:participant id="Pool_LDSO" name="LDSO" />
    <bpmn:messageFlow id="M1" name="IF-021 Consumption" sourceRef="Send" targetRef="Pool_LDSO" />
  </bpmn:collaboration>
  <bpmn:process id="P">
    <bpmn:laneSet id="LS">
      <bpmn:lane id="Lane_SDS" name="Smart Data Service">
        <bpmn:flowNodeRef>Collect</bpmn:flowNodeRef>
        <bpmn:flowNodeRef>Send</bpmn:flowNodeRef>
      </bpmn:lane>
    </bpmn:laneSet>
    <bpmn:task id="Collect" name="Collect reads" tracery:id="BP004-01" />
    <bpmn:sendTask id="Send" name="Send consumption" />
    <bpmn:sequenceFlow id="F1" sourceRef="Collect" targetRef="Send" />
  </bpmn:process>
</bpmn:definitions>
`;

async function makeRepo(name: string, extra: Record<string, string> = {}): Promise<string> {
  const dir = join(root, name);
  const files = { 'tracery.yaml': 'name: import test\n', 'model/design.yaml': MODEL, ...extra };
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'tracery-import-'));
  await writeFile(join(root, 'bp004.bpmn'), DIAGRAM);
  await writeFile(join(root, 'broken.bpmn'), DIAGRAM.slice(0, 400));
});
afterAll(() => rm(root, { recursive: true, force: true }));

const exists = (path: string) =>
  readFile(path).then(
    () => true,
    () => false,
  );

describe('tracery import bpmn', () => {
  test('reports what the diagram would add, with the disagreement, and writes nothing', async () => {
    const repo = await makeRepo('report');
    const { code, out } = await runCaptured(['import', 'bpmn', join(root, 'bp004.bpmn'), '--repo', repo]);
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /bp004\.bpmn: 1 element, 6 relations \(would add to model\/bpmn\/bp004\.yaml\)$/,
    );
    expect(lines.slice(1, 8).map((l) => l.replace(/\s+\S+:\d+:\d+$/, ''))).toEqual([
      '  + BP004.Send (ProcessStep) "Send consumption"',
      '  + BP004-01 -flowsTo-> BP004.Send',
      '  + BP004.Send -partOf-> BP004',
      '  + BP004.Send -sends-> IF-021',
      '  + LDSO -receives-> IF-021',
      '  + SDS -performs-> BP004',
      '  + SDS -performs-> BP004.Send',
    ]);
    // The diagram draws no start or end event: the notation rules say so.
    expect(out).toContain('warning bpmn-start-event-required: process "P" has no start event');
    expect(out).toContain(
      'warning bpmn-model-disagreement: the diagram has LDSO -receives-> IF-021, but the model files write IF-021 receivedBy [MDS] (Service, Role), without LDSO',
    );
    expect(lines.at(-1)).toBe('ok: 1 diagram: 1 element, 6 relations to add; 0 errors, 3 warnings');
    expect(await exists(join(repo, 'model/bpmn/bp004.yaml'))).toBe(false);
  });

  test('--json prints the report as data', async () => {
    const repo = await makeRepo('json');
    const { code, envelope } = await runJson(['import', 'bpmn', join(root, 'bp004.bpmn'), '--repo', repo]);
    expect(code).toBe(0);
    expect(envelope).toMatchObject({ command: 'import bpmn', ok: true, repository: { root: repo } });
    const report = envelope.payload as ImportReport;
    expect(report.counts).toEqual({ elements: 1, relations: 6, error: 0, warning: 3, info: 0 });
    expect(report.diagrams[0]).toMatchObject({ target: 'model/bpmn/bp004.yaml', written: false });
    expect(report.diagrams[0]?.elements).toEqual([
      expect.objectContaining({ id: 'BP004.Send', kind: 'ProcessStep', name: 'Send consumption' }),
    ]);
  });

  test('--write puts the additions in a new model file that loads cleanly, and leaves the hand-written file alone', async () => {
    // A diagram inside the repository (but not under sources.bpmn) is named by its repository path.
    const repo = await makeRepo('write', { 'diagrams/bp004.bpmn': DIAGRAM });
    const before = await readFile(join(repo, 'model/design.yaml'), 'utf8');
    const { code } = await runCaptured([
      'import',
      'bpmn',
      join(repo, 'diagrams/bp004.bpmn'),
      '--repo',
      repo,
      '--write',
    ]);
    expect(code).toBe(0);
    expect(await readFile(join(repo, 'model/design.yaml'), 'utf8')).toBe(before);
    const written = await readFile(join(repo, 'model/bpmn/bp004.yaml'), 'utf8');
    expect(written).toMatchInlineSnapshot(`
      "# Imported from diagrams/bp004.bpmn by \`tracery import bpmn\`.
      elements:
        - id: BP004.Send
          kind: ProcessStep
          name: Send consumption
          stepType: task
          flowsFrom:
            - BP004-01
          partOf:
            - BP004
          performedBy:
            - SDS
          sends:
            - IF-021
      relations:
        - from: LDSO
          type: receives
          to: IF-021
        - from: SDS
          type: performs
          to: BP004
      "
    `);
    const validate = await runCaptured(['validate', repo]);
    expect(validate.out).toBe('ok: 3 files, 7 elements, 10 relations: 0 errors, 0 warnings\n');
    // Imported once, the diagram adds nothing more.
    const again = await runCaptured([
      'import',
      'bpmn',
      join(repo, 'diagrams/bp004.bpmn'),
      '--repo',
      repo,
      '--write',
    ]);
    expect(again.code).toBe(0);
    expect(again.out).toContain('ok: 1 diagram: 0 elements, 0 relations to add; 0 errors, 2 warnings');
  });

  test('--write never writes over an existing file', async () => {
    const existing = 'elements:\n  - { id: LDSO-X, kind: Role, name: Another }\n';
    const repo = await makeRepo('clash', { 'model/bpmn/bp004.yaml': existing });
    const { code, err } = await runCaptured([
      'import',
      'bpmn',
      join(root, 'bp004.bpmn'),
      '--repo',
      repo,
      '--write',
    ]);
    expect(code).toBe(2);
    expect(err).toContain('model/bpmn/bp004.yaml already exists');
    expect(await readFile(join(repo, 'model/bpmn/bp004.yaml'), 'utf8')).toBe(existing);
  });

  test('a broken diagram exits 1 with its error, and --write then writes nothing', async () => {
    const repo = await makeRepo('broken');
    const { code, out } = await runCaptured([
      'import',
      'bpmn',
      join(root, 'broken.bpmn'),
      '--repo',
      repo,
      '--write',
    ]);
    expect(code).toBe(1);
    expect(out).toContain('error bpmn-malformed-xml');
    expect(out.trimEnd().split('\n').at(-1)).toMatch(/^failed: .* \(nothing written\)$/);
    expect(await exists(join(repo, 'model/bpmn/broken.yaml'))).toBe(false);
  });

  test('a file that cannot be read, or a folder that is not a repository, exits 2', async () => {
    const repo = await makeRepo('missing');
    const missing = await runCaptured(['import', 'bpmn', join(root, 'nope.bpmn'), '--repo', repo]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('cannot read');
    const notRepo = await runCaptured([
      'import',
      'bpmn',
      join(root, 'bp004.bpmn'),
      '--repo',
      join(root, 'nowhere'),
    ]);
    expect(notRepo.code).toBe(2);
  });
});
