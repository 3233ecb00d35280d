import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runCaptured } from '../run-cli.js';
import { fileTree, hostileRepo, removeHostileRepos } from './hostile-repo.js';

afterAll(removeHostileRepos);

/** A new process, BP005, drawn with one task that has no tracery:id: the import names it BP005.Settle. */
const DIAGRAM = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="t">
  <bpmn:collaboration id="C"><bpmn:participant id="Pool" name="BP005 Settlement" processRef="P" /></bpmn:collaboration>
  <bpmn:process id="P"><bpmn:task id="Settle" name="Settle the day" /></bpmn:process>
</bpmn:definitions>
`;

/** The same diagram, with the author's own id on the task (tracery:id), which the import must keep. */
const AUTHORED_ID = DIAGRAM.replace('id="D"', 'id="D" xmlns:tracery="https://tracery.dev/bpmn"').replace(
  '<bpmn:task id="Settle"',
  '<bpmn:task id="Settle" tracery:id="BP005.Settle"',
);
const PATTERNS = 'name: Patterns\nmetamodel:\n  idPatterns:\n    ProcessStep: "^BP[0-9]{3}-[0-9]{2}$"\n';

describe('import bpmn --write checks what it would write', () => {
  test('an id the diagram gives that breaks the id patterns: exit 1, the positioned error, no file changed', async () => {
    const repo = await hostileRepo({ 'tracery.yaml': PATTERNS, 'diagrams/bp005.bpmn': AUTHORED_ID });
    const before = await fileTree(repo);
    const { code, err } = await runCaptured([
      'import',
      'bpmn',
      join(repo, 'diagrams/bp005.bpmn'),
      '--repo',
      repo,
      '--write',
    ]);
    expect(code).toBe(1);
    expect(err).toMatch(
      /model\/bpmn\/bp005\.yaml:\d+:\d+: error id-pattern: id "BP005\.Settle" does not match the ProcessStep pattern/,
    );
    expect(err).toContain('nothing was written');
    expect(await fileTree(repo)).toEqual(before);
  });

  test('an id the import makes up fits the id patterns (BP005-01, not BP005.Settle), and the repository validates', async () => {
    const repo = await hostileRepo({ 'tracery.yaml': PATTERNS, 'diagrams/bp005.bpmn': DIAGRAM });
    const { code } = await runCaptured([
      'import',
      'bpmn',
      join(repo, 'diagrams/bp005.bpmn'),
      '--repo',
      repo,
      '--write',
    ]);
    expect(code).toBe(0);
    expect(await readFile(join(repo, 'model/bpmn/bp005.yaml'), 'utf8')).toContain('id: BP005-01\n');
    expect((await runCaptured(['validate', repo])).code).toBe(0);
  });

  test('bpmnFile is recorded relative to the repository, wherever the diagram is', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'tracery-outside-'));
    try {
      await writeFile(join(outside, 'bp005.bpmn'), DIAGRAM);
      const repo = await hostileRepo({ 'diagrams/bp005.bpmn': DIAGRAM });
      const inside = await runCaptured([
        'import',
        'bpmn',
        join(repo, 'diagrams/bp005.bpmn'),
        '--repo',
        repo,
        '--write',
      ]);
      expect(inside.code).toBe(0);
      expect(await readFile(join(repo, 'model/bpmn/bp005.yaml'), 'utf8')).toContain(
        'bpmnFile: diagrams/bp005.bpmn',
      );
      const other = await hostileRepo();
      const far = await runCaptured([
        'import',
        'bpmn',
        join(outside, 'bp005.bpmn'),
        '--repo',
        other,
        '--write',
      ]);
      expect(far.code).toBe(0);
      const written = await readFile(join(other, 'model/bpmn/bp005.yaml'), 'utf8');
      const recorded = /bpmnFile: (.*)/.exec(written)?.[1] ?? '';
      // From the repository, the recorded path leads to the diagram.
      expect(recorded).toMatch(/^\.\.\//);
      expect(await readFile(join(other, recorded), 'utf8')).toBe(DIAGRAM);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  test('a FIFO or socket anywhere in the repository does not break the trial load (it was an internal error)', async () => {
    const repo = await hostileRepo({ 'diagrams/bp005.bpmn': DIAGRAM });
    execFileSync('mkfifo', [join(repo, 'a-pipe')]);
    const server = createServer();
    await new Promise<void>((done) => server.listen(join(repo, 'diagrams', 'a.sock'), done));
    try {
      const { code, err } = await runCaptured([
        ...['import', 'bpmn', join(repo, 'diagrams/bp005.bpmn')],
        ...['--repo', repo, '--write'],
      ]);
      expect(err).not.toContain('internal error');
      expect(code).toBe(0);
      expect(await readFile(join(repo, 'model/bpmn/bp005.yaml'), 'utf8')).toContain('id: BP005.Settle');
    } finally {
      server.close();
    }
  });
});
