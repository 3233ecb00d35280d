import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCaptured } from './run-cli.js';

// A diagram as another tool draws it: two pools, no BP id anywhere, lanes named in words.
const diagram = (secondTask: string) => `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="defs" targetNamespace="http://example.com">
  <collaboration id="collab">
    <participant id="pool_a" name="Supplier" processRef="proc_a"/>
    <participant id="pool_b" name="Registration" processRef="proc_b"/>
  </collaboration>
  <process id="proc_a" name="Request a change">
    <task id="a_task" name="Submit change"/>
  </process>
  <process id="proc_b" name="Record a change">
    <task id="b_task1" name="Check request"/>
    <task id="b_task2" name="${secondTask}"/>
    <sequenceFlow id="b_f" sourceRef="b_task1" targetRef="b_task2"/>
  </process>
</definitions>`;

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'tracery-any-tool-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('tracery import bpmn --create-missing', () => {
  test('a diagram from another tool imports as two processes with ids that fit, validates, and re-imports by its id map', async () => {
    const dir = join(work, 'repo');
    expect((await runCaptured(['init', dir])).code).toBe(0);
    await writeFile(
      join(dir, 'tracery.yaml'),
      `${await readFile(join(dir, 'tracery.yaml'), 'utf8')}    BusinessProcess: '^BP\\d{3}$'\n    ProcessStep: '^BP\\d{3}-\\d{2}$'\nbpmn:\n  ids:\n    businessProcess: BP9{n:2}\n`,
    );
    const file = join(dir, 'change.bpmn');
    await writeFile(file, diagram('Record supplier'));

    const without = await runCaptured(['import', 'bpmn', file, '--repo', dir]);
    expect(without.code).toBe(1);
    expect(without.out).toContain('--create-missing');

    const written = await runCaptured(['import', 'bpmn', file, '--repo', dir, '--create-missing', '--write']);
    expect(written.code).toBe(0);
    const model = await readFile(join(dir, 'model', 'bpmn', 'change.yaml'), 'utf8');
    for (const id of ['BP901', 'BP902', 'BP901-01', 'BP902-01', 'BP902-02'])
      expect(model).toContain(`id: ${id}\n`);
    expect(model).toContain('bpmnFile: change.bpmn');
    expect((await runCaptured(['validate', dir])).code).toBe(0);

    // The same diagram again: nothing changes.
    const idMap = await readFile(join(dir, '.tracery', 'imports', 'bpmn-change.yaml'), 'utf8');
    expect(
      (await runCaptured(['import', 'bpmn', file, '--repo', dir, '--create-missing', '--write'])).code,
    ).toBe(0);
    expect(await readFile(join(dir, 'model', 'bpmn', 'change.yaml'), 'utf8')).toBe(model);
    expect(await readFile(join(dir, '.tracery', 'imports', 'bpmn-change.yaml'), 'utf8')).toBe(idMap);

    // An edited diagram: the renamed task keeps its id and the file says its new name; nothing is duplicated.
    await writeFile(file, diagram('Record the gaining supplier'));
    expect(
      (await runCaptured(['import', 'bpmn', file, '--repo', dir, '--create-missing', '--write'])).code,
    ).toBe(0);
    const edited = await readFile(join(dir, 'model', 'bpmn', 'change.yaml'), 'utf8');
    expect(edited).toContain('name: Record the gaining supplier');
    expect(edited).not.toContain('name: Record supplier\n');
    expect(edited.match(/id: BP902-02\n/g)).toHaveLength(1);
    expect((await runCaptured(['validate', dir])).code).toBe(0);
  });
});
