import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCaptured } from './run-cli.js';

const SIGNAVIO = join(
  import.meta.dirname,
  '..',
  '..',
  'bpmn',
  'test',
  'fixtures',
  'miwg-sample',
  'SAP Signavio Process Manager 19.9.0',
  'A.3.0-export.bpmn',
);
const DOORS = join(
  import.meta.dirname,
  '..',
  '..',
  'reqif',
  'test',
  'fixtures',
  'corpus',
  'Doors',
  '04_example_from_a_user',
  'sample.reqif',
);
const DEFAULT_KINDS = [
  'Artefact',
  'BusinessProcess',
  'ChangeRequest',
  'DataEntity',
  'DataItem',
  'Decision',
  'Interface',
  'Principle',
  'ProcessStep',
  'Requirement',
  'Role',
  'Service',
  'TestCase',
];

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'tracery-init-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('tracery init', () => {
  test('writes a repository with one element of each default kind that validates and checks clean', async () => {
    const dir = join(work, 'fresh');
    const init = await runCaptured(['init', dir]);
    expect(init.code).toBe(0);
    for (const file of [
      'tracery.yaml',
      'model/example.yaml',
      '.gitignore',
      '.github/workflows/tracery.yml',
      '.tracery/model.schema.json',
      '.tracery/tracery.schema.json',
    ])
      expect(init.out).toContain(file);
    expect(await readFile(join(dir, 'tracery.yaml'), 'utf8')).toMatch(
      /^# yaml-language-server: \$schema=\.tracery\/tracery\.schema\.json/,
    );
    const workflow = await readFile(join(dir, '.github', 'workflows', 'tracery.yml'), 'utf8');
    expect(workflow).toContain('tracery validate');
    expect(workflow).toContain('upload-sarif');
    expect(workflow).toContain('tracery trace report . --fail-under 80');
    const stats = await runCaptured(['stats', dir, '--json']);
    expect(Object.keys(JSON.parse(stats.out).payload.countsByKind).sort()).toEqual(DEFAULT_KINDS);
    expect((await runCaptured(['validate', dir])).code).toBe(0);
    const check = await runCaptured(['check', dir]);
    expect(check.out).toContain('0 errors, 0 warnings');
    expect(check.code).toBe(0);
  });

  test('refuses a folder that already has a repository, and writes nothing', async () => {
    const dir = join(work, 'taken');
    expect((await runCaptured(['init', dir])).code).toBe(0);
    await writeFile(join(dir, 'tracery.yaml'), 'name: mine\n');
    const again = await runCaptured(['init', dir]);
    expect(again.code).toBe(2);
    expect(again.err).toContain('already has tracery.yaml');
    expect(await readFile(join(dir, 'tracery.yaml'), 'utf8')).toBe('name: mine\n');
  });
});

describe('tracery metamodel', () => {
  test('lists every kind with its mandatory fields and the relations it can write', async () => {
    const result = await runCaptured(['metamodel', '--json']);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.out).payload;
    expect(summary.kinds.map((k: { name: string }) => k.name)).toEqual(DEFAULT_KINDS);
    const testCase = summary.kinds.find((k: { name: string }) => k.name === 'TestCase');
    expect(testCase.relations).toContain('verifies');
    expect(
      testCase.attributes
        .filter((a: { required: boolean }) => a.required)
        .map((a: { name: string }) => a.name),
    ).toEqual(['id', 'kind', 'name']);
    const satisfies = summary.relationTypes.find((t: { name: string }) => t.name === 'satisfies');
    expect(satisfies.inverse).toBe('satisfiedBy');
    expect(satisfies.to).toEqual(['Requirement']);
  });

  test('reads the repository’s id patterns; Markdown has a table per kind; an unknown kind is named', async () => {
    const dir = join(work, 'patterns');
    await runCaptured(['init', dir]);
    const md = await runCaptured(['metamodel', '--repo', dir, '--md']);
    expect(md.out).toContain('### Requirement');
    expect(md.out).toContain('Ids: `^REQ-\\d{3}$`');
    expect(md.out).toContain('| satisfies | satisfiedBy |');
    const unknown = await runCaptured(['metamodel', '--kind', 'Interfce']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Interface');
  });
});

describe('a new user’s first ten minutes', () => {
  test('init, look up a kind, add elements, validate, check, import a diagram from another tool and a DOORS export', async () => {
    const dir = join(work, 'first-ten-minutes');
    expect((await runCaptured(['init', dir])).code).toBe(0);
    const lookUp = await runCaptured(['metamodel', '--repo', dir, '--kind', 'TestCase']);
    expect(lookUp.out).toContain('verifies');

    // The newcomer's first try uses a word of their own; the error names the relation to use.
    await writeFile(
      join(dir, 'model', 'mine.yaml'),
      'elements:\n  - id: TC-002\n    kind: TestCase\n    name: Losing supplier is told\n    tests: [REQ-001]\n',
    );
    const wrong = await runCaptured(['validate', dir]);
    expect(wrong.code).toBe(1);
    expect(wrong.out).toContain('model/mine.yaml:5:5');
    expect(wrong.out).toContain('did you mean "verifies"?');

    await writeFile(
      join(dir, 'model', 'mine.yaml'),
      'elements:\n  - id: TC-002\n    kind: TestCase\n    name: Losing supplier is told\n    description: Registers a change and checks the losing supplier hears of it.\n    verifies: [REQ-001]\n',
    );
    expect((await runCaptured(['validate', dir])).code).toBe(0);
    expect((await runCaptured(['check', dir])).code).toBe(0);

    // The DOORS file's object has no id that fits REQ-nnn: the report says which setting gives it one.
    // A diagram drawn in SAP Signavio names no business process: --create-missing gives it ids that fit.
    const diagram = join(dir, 'bpmn', 'signavio.bpmn');
    await mkdir(join(dir, 'bpmn'), { recursive: true });
    await writeFile(diagram, await readFile(SIGNAVIO));
    const refused = await runCaptured(['import', 'bpmn', diagram, '--repo', dir]);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('bpmn-process-without-id');
    const drawn = await runCaptured([
      'import',
      'bpmn',
      diagram,
      '--repo',
      dir,
      '--create-missing',
      '--write',
    ]);
    expect(drawn.code).toBe(0);
    const imported = await readFile(join(dir, 'model', 'bpmn', 'signavio.yaml'), 'utf8');
    expect(imported).toContain('kind: BusinessProcess');
    expect(imported).toContain('kind: ProcessStep');
    expect((await runCaptured(['validate', dir])).code).toBe(0);

    const report = await runCaptured(['import', 'reqif', DOORS, '--repo', dir]);
    expect(report.code).toBe(1);
    expect(report.out).toContain('would add model/reqif/sample.yaml');
    expect(report.out).toContain('set reqif.ids.Requirement in tracery.yaml');
    await writeFile(
      join(dir, 'tracery.yaml'),
      `${await readFile(join(dir, 'tracery.yaml'), 'utf8')}reqif:\n  ids:\n    Requirement: REQ-9{n:2}\n`,
    );
    const written = await runCaptured(['import', 'reqif', DOORS, '--repo', dir, '--write']);
    expect(written.code).toBe(0);
    expect(await readFile(join(dir, 'model', 'reqif', 'sample.yaml'), 'utf8')).toContain('id: REQ-901');
    expect((await runCaptured(['validate', dir])).code).toBe(0);
  });

  test('model files in a folder the globs do not name are a warning, not a silent "0 elements"', async () => {
    const dir = join(work, 'models-typo');
    await runCaptured(['init', dir]);
    await rm(join(dir, 'model'), { recursive: true });
    const result = await runCaptured(['validate', dir]);
    expect(result.out).toContain('no-model-files');
    expect(result.out).toContain('model/**/*.yaml');
  });
});
