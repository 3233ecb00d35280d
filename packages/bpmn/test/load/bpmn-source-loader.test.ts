import { cp, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bpmnSourceLoader } from '@tracery/bpmn';
import { describeRelation, type LoadedRepository, loadRepository, related } from '@tracery/core';
import { beforeAll, describe, expect, test } from 'vitest';

const REPOSITORY = fileURLToPath(new URL('../fixtures/repository', import.meta.url));
const DIAGRAM = 'bpmn/bp004-data-collection.bpmn';

describe('bpmnSourceLoader: diagrams join the model when the repository loads', () => {
  let loaded: LoadedRepository;
  beforeAll(async () => {
    loaded = await loadRepository(REPOSITORY, { loaders: [bpmnSourceLoader()] });
  });

  test('the diagram is read, and its tasks join the hand-written steps instead of repeating them', () => {
    expect(loaded.files).toContain(DIAGRAM);
    expect(loaded.diagnostics.map((d) => d.code)).not.toContain('duplicate-id');
    expect(loaded.model.getElement('BP004-01').name).toBe('Collect the reads');
    expect(related(loaded.model, 'BP004', 'hasPart')).toEqual([
      'BP004-01',
      'BP004-02',
      'BP004.End',
      'BP004.Start',
    ]);
    expect(loaded.model.originOfElement('BP004.Start')).toMatchObject({ file: DIAGRAM, line: 19 });
  });

  test('relations the files already write are merged without a duplicate warning; new ones come from the diagram', () => {
    expect(loaded.diagnostics.map((d) => d.code)).not.toContain('duplicate-relation');
    const flows = [...loaded.model.graph.edges()]
      .map((edge) => loaded.model.graph.getEdgeAttribute(edge, 'relation'))
      .filter((r) => r.type === 'flowsTo')
      .map((r) => [describeRelation(r), loaded.model.originOfRelation(r)?.file]);
    expect(flows).toEqual([
      ['BP004-01 -flowsTo-> BP004-02', 'model/model.yaml'],
      ['BP004-02 -flowsTo-> BP004.End', DIAGRAM],
      ['BP004.Start -flowsTo-> BP004-01', DIAGRAM],
    ]);
    expect(related(loaded.model, 'IF-021', 'sentBy')).toEqual(['BP004-02', 'SDS']);
  });

  test('a receiver the files do not list is a disagreement that points at the diagram and at the files', () => {
    const disagreements = loaded.diagnostics.filter((d) => d.code === 'bpmn-model-disagreement');
    expect(disagreements).toEqual([
      {
        code: 'bpmn-model-disagreement',
        severity: 'warning',
        elementId: 'IF-021',
        source: { file: DIAGRAM, line: 8, column: 5 },
        message:
          'the diagram has LDSO -receives-> IF-021, but the model files write IF-021 receivedBy [MDS, SUP] (Service, Role), without LDSO; add LDSO there or correct the diagram.',
        related: [
          {
            message: 'IF-021 receivedBy MDS is written here',
            source: { file: 'model/model.yaml', line: 18, column: 18, endLine: 18, endColumn: 21 },
          },
          {
            message: 'IF-021 receivedBy SUP is written here',
            source: { file: 'model/model.yaml', line: 18, column: 23, endLine: 18, endColumn: 26 },
          },
        ],
      },
    ]);
    // Both sources count: the diagram's receiver is in the model, with the warning beside it.
    expect(related(loaded.model, 'IF-021', 'receivedBy')).toEqual(['LDSO', 'MDS', 'SUP']);
  });

  test('nothing else is reported', () => {
    expect(loaded.diagnostics.map((d) => d.code)).toEqual(['bpmn-model-disagreement']);
  });
});

describe('bpmnSourceLoader: what it reads', () => {
  const context = async (sources: { bpmn?: string[] }, maxFileBytes = 1_000_000) => {
    const base = await loadRepository(REPOSITORY);
    return {
      root: base.root,
      config: {
        ...base.config,
        sources: { ...base.config.sources, ...sources },
        limits: { ...base.config.limits, maxFileBytes },
      },
      metamodel: base.metamodel,
      elements: [],
      relations: [],
    };
  };

  test('without sources.bpmn it reads nothing', async () => {
    const result = await bpmnSourceLoader().load(await context({ bpmn: [] }));
    expect(result).toEqual({ elements: [], relations: [], diagnostics: [], files: [] });
  });

  test('a diagram over the size limit is refused with a diagnostic, not read', async () => {
    const result = await bpmnSourceLoader().load(await context({ bpmn: ['bpmn/*.bpmn'] }, 100));
    expect(result.files).toEqual([DIAGRAM]);
    expect(result.elements).toEqual([]);
    expect(result.diagnostics).toMatchObject([
      { code: 'bpmn-file-unreadable', severity: 'error', source: { file: DIAGRAM, line: 1, column: 1 } },
    ]);
    expect(result.diagnostics[0]?.message).toContain('over the limit of 100');
  });

  // `idle` lets a load with this loader share its snapshot with a load without it (the CLI always
  // brings it, a script only when tracery.yaml has sources.bpmn): it must hold exactly when the load
  // adds nothing, so that a load it changes is never keyed as one it does not.
  test.each<[string, string[] | undefined, boolean]>([
    ['no sources.bpmn', undefined, true],
    ['an empty sources.bpmn', [], true],
    ['globs that match no file', ['diagrams/**/*.bpmn'], true],
    ['a glob that matches the diagram', ['bpmn/*.bpmn'], false],
  ])('with %s, it says it is idle exactly when its load adds nothing', async (_, globs, idle) => {
    const loader = bpmnSourceLoader();
    const fixture = await context({});
    const { bpmn: _fixtures, ...others } = fixture.config.sources;
    const sources = globs === undefined ? others : { ...others, bpmn: globs };
    const given = { ...fixture, config: { ...fixture.config, sources } };
    const inputs = await loader.inputs!(given);
    const result = await loader.load(given);
    expect(inputs.idle).toBe(idle);
    const added = [result.elements, result.relations, result.diagnostics, result.files].flat();
    expect(added.length === 0).toBe(idle);
    expect(inputs.files.map((f) => relative(REPOSITORY, f))).toEqual(idle ? [] : [DIAGRAM]);
  });

  test('a link to a diagram outside the repository is not idle: the load reports it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tracery-bpmn-outside-'));
    try {
      await cp(REPOSITORY, join(dir, 'repo'), { recursive: true });
      await rm(join(dir, 'repo', 'bpmn'), { recursive: true });
      await mkdir(join(dir, 'repo', 'bpmn'));
      await symlink(join(REPOSITORY, DIAGRAM), join(dir, 'repo', 'bpmn', 'outside.bpmn'));
      const given = { ...(await context({})), root: join(dir, 'repo') };
      const loader = bpmnSourceLoader();
      expect((await loader.inputs!(given)).idle).toBe(false);
      expect((await loader.load(given)).diagnostics.map((d) => d.code)).toEqual([
        'symlink-outside-repository',
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('without the model files to match, lanes match nothing and every relation is new', async () => {
    const result = await bpmnSourceLoader().load(await context({}));
    expect(result.elements.map((e) => e.element.id)).toContain('BP004-01');
    expect(result.diagnostics.map((d) => d.code)).toContain('bpmn-unmatched-performer');
  });
});
