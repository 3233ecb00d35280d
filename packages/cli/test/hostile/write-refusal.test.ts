import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runCaptured } from '../run-cli.js';
import { fileTree, hostileRepo, removeHostileRepos } from './hostile-repo.js';

afterAll(removeHostileRepos);

/** A model file that has an unknown kind: the repository then has one load error, at model/broken.yaml:2. */
const BROKEN = 'elements:\n  - { id: X-1, kind: Servise, name: A service }\n';
const CONFIG = 'name: Hostile\nrules:\n  acceptedFindings: assurance/accepted-findings.yaml\n';
const DIAGRAM = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="t">
  <bpmn:collaboration id="C"><bpmn:participant id="Pool" name="BP004 Data Collection" processRef="P" /></bpmn:collaboration>
  <bpmn:process id="P"><bpmn:task id="Collect" name="Collect reads" /></bpmn:process>
</bpmn:definitions>
`;
const EXTRA = 'elements:\n  - { id: BP004, kind: BusinessProcess, name: Data Collection }\n';

const broken = () =>
  hostileRepo({
    'tracery.yaml': CONFIG,
    'model/broken.yaml': BROKEN,
    'model/process.yaml': EXTRA,
    'diagrams/bp004.bpmn': DIAGRAM,
  });

// Every writing command, given a repository with a load error: what it would write without the error.
const WRITERS: [string, (repo: string) => string[]][] = [
  ['baseline create', (repo) => ['baseline', 'create', 'T9', '--repo', repo]],
  ['review', (repo) => ['review', 'IF-021', 'carries', 'MB-M0', '--repo', repo]],
  ['check --accept', (repo) => ['check', repo, '--accept', 'agreed at the design authority']],
  [
    'import bpmn --write',
    (repo) => ['import', 'bpmn', join(repo, 'diagrams/bp004.bpmn'), '--repo', repo, '--write'],
  ],
];

describe('one policy for load errors: a command that writes refuses to', () => {
  test.each(WRITERS)('%s exits 1, names the load error, and changes no file', async (command, args) => {
    const repo = await broken();
    const before = await fileTree(repo);
    const { code, err } = await runCaptured(args(repo));
    expect(code).toBe(1);
    expect(err).toMatch(/model\/broken\.yaml:\d+:\d+: error /);
    expect(err).toContain(`tracery ${command}: the repository has 1 load error(s); nothing was written.`);
    expect(await fileTree(repo)).toEqual(before);
  });

  test.each(WRITERS)(
    '%s writes with --allow-errors, and says nothing is pruned or deleted',
    async (command, args) => {
      const repo = await broken();
      const before = await fileTree(repo);
      const { code, err } = await runCaptured([...args(repo), '--allow-errors']);
      expect(code).toBe(0);
      expect(err).toContain(
        `tracery ${command}: the repository has 1 load error(s); --allow-errors: writing what loaded, and pruning or deleting nothing.`,
      );
      expect(await fileTree(repo)).not.toEqual(before);
    },
  );

  test('the same commands write on a repository that loads cleanly', async () => {
    const repo = await hostileRepo({
      'tracery.yaml': CONFIG,
      'model/process.yaml': EXTRA,
      'diagrams/bp004.bpmn': DIAGRAM,
    });
    for (const [, args] of WRITERS) {
      const before = await fileTree(repo);
      expect((await runCaptured(args(repo))).code).toBe(0);
      expect(await fileTree(repo)).not.toEqual(before);
    }
  });
});

describe('one policy for load errors: a command that reads reports them and exits 1', () => {
  test.each([
    [['stats']],
    [['trace', 'report']],
    [['impact', 'MB-M0', '--repo']],
    [['trace', 'MB-M0', '--up', '--repo']],
    [['review', '--repo']],
    [['validate']],
  ])('tracery %j', async (args) => {
    const repo = await broken();
    const before = await fileTree(repo);
    const { code, err, out } = await runCaptured([...args, repo]);
    expect(code).toBe(1);
    expect(err + out).toMatch(/1 load error|1 error/);
    expect(await fileTree(repo)).toEqual(before);
  });
});

describe('check --accept with a file outside the repository', () => {
  test.each([['../../outside-accepted.yaml'], ['/tmp/outside-accepted.yaml']])(
    'rules.acceptedFindings: %s is a load error: exit 1, named at tracery.yaml, nothing written',
    async (path) => {
      const repo = await hostileRepo({ 'tracery.yaml': `name: x\nrules:\n  acceptedFindings: ${path}\n` });
      const before = await fileTree(repo);
      const { code, err } = await runCaptured(['check', repo, '--accept', 'agreed']);
      expect(code).toBe(1);
      expect(err).toMatch(/tracery\.yaml:3:\d+: error invalid-config: .*leads outside the repository/);
      expect(err).toContain('nothing was written');
      expect(await fileTree(repo)).toEqual(before);
      await expect(readFile(resolve(repo, path))).rejects.toThrow(/ENOENT/);
    },
  );
});

describe('baseline create', () => {
  test('refuses an existing name without --force, and replaces it with --force', async () => {
    const repo = await hostileRepo();
    expect((await runCaptured(['baseline', 'create', 'T1', '--repo', repo])).code).toBe(0);
    const first = await readFile(join(repo, 'baselines/T1.json'), 'utf8');
    await (await import('node:fs/promises')).writeFile(
      join(repo, 'model/design.yaml'),
      (await readFile(join(repo, 'model/design.yaml'), 'utf8')).replace('name: MPAN', 'name: MPAN block'),
    );
    const again = await runCaptured(['baseline', 'create', 'T1', '--repo', repo]);
    expect(again.code).toBe(2);
    expect(again.err).toContain('baselines/T1.json already exists; a baseline is fixed once made');
    expect(await readFile(join(repo, 'baselines/T1.json'), 'utf8')).toBe(first);
    expect((await runCaptured(['baseline', 'create', 'T1', '--repo', repo, '--force'])).code).toBe(0);
    expect(await readFile(join(repo, 'baselines/T1.json'), 'utf8')).toContain('MPAN block');
  });
});
