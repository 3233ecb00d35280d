import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  applyDiff,
  baselineJson,
  canonicalModel,
  createBaseline,
  listBaselines,
  parseBaseline,
} from '../../src/advanced.js';
import {
  changedIds,
  createSnapshot,
  diffReport,
  diffSnapshots,
  InvalidArgumentError,
  isEmptyDiff,
  type LoadedRepository,
  loadRepository,
  loadState,
  RepositoryError,
} from '../../src/index.js';
import { renderDiffMarkdown, renderDiffText } from '../../src/render.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'baseline');
let root: string;
let repo: LoadedRepository;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'tracery-baseline-'));
  await cp(join(FIXTURES, 'repo'), root, { recursive: true });
  repo = await loadRepository(root);
  expect(repo.diagnostics).toEqual([]);
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** The fixture with a few edits: a field, an attribute, a relation attribute, one relation and one element each way. */
function edited() {
  const model = repo.model.clone();
  const if021 = model.getElement('IF-021');
  model.putElement({
    ...if021,
    status: 'approved',
    attributes: { ...if021.attributes, channel: 'API', version: '2' },
  });
  model.putRelation({ type: 'changes', source: 'CR001', target: 'MB-M0', attributes: { nature: 'remove' } });
  model.removeRelation({ type: 'dependsOn', source: 'SDS', target: 'MB-M0' });
  model.removeElement('DOC-IF021');
  model.addElement({ id: 'MB-S0', kind: 'DataEntity', name: 'Header', attributes: {} });
  model.addRelation({ type: 'carries', source: 'IF-021', target: 'MB-S0', attributes: {} });
  return model;
}

describe('baselines', () => {
  test('a baseline file is canonical JSON with a sha256 per element and relation, and reads back', async () => {
    const file = await createBaseline(root, 'T1', repo.model);
    expect(file).toBe('baselines/T1.json');
    const text = await readFile(join(root, file), 'utf8');
    expect(text).toBe(baselineJson('T1', createSnapshot((await loadRepository(root)).model)));
    const parsed = JSON.parse(text);
    expect(parsed.elements[0].hash).toMatch(/^[0-9a-f]{64}$/);
    expect(parsed.elements.map((e: { element: { id: string } }) => e.element.id)).toEqual([
      'CR001',
      'DOC-IF021',
      'IF-021',
      'MB-B050',
      'MB-M0',
      'SDS',
    ]);
    expect(isEmptyDiff(diffSnapshots(parseBaseline(text, file), createSnapshot(repo.model)))).toBe(true);
    expect(await listBaselines(root)).toEqual(['T1']);
  });

  test('a bad baseline name or file is refused with a typed error', async () => {
    await expect(createBaseline(root, '../escape', repo.model)).rejects.toThrow(InvalidArgumentError);
    expect(() => parseBaseline('{"format":"other"}', 'x.json')).toThrow(RepositoryError);
    await expect(loadState(root, 'NOPE')).rejects.toThrow(/the baselines are T1/);
  });
});

describe('diffSnapshots', () => {
  test('it reports elements and relations added, removed and changed, field by field', () => {
    const diff = diffSnapshots(createSnapshot(repo.model), createSnapshot(edited()));
    expect(diff.elements.added.map((e) => e.id)).toEqual(['MB-S0']);
    expect(diff.elements.removed.map((e) => e.id)).toEqual(['DOC-IF021']);
    expect(diff.elements.changed).toEqual([
      {
        id: 'IF-021',
        kind: 'Interface',
        changes: [
          { field: 'status', after: 'approved' },
          { field: 'attributes.channel', before: 'DIP', after: 'API' },
          { field: 'attributes.version', after: '2' },
        ],
      },
    ]);
    expect(diff.relations.added).toEqual([
      { type: 'carries', source: 'IF-021', target: 'MB-S0', attributes: {} },
    ]);
    expect(diff.relations.removed.map((r) => `${r.source} -${r.type}-> ${r.target}`)).toEqual([
      'IF-021 -documentedIn-> DOC-IF021',
      'SDS -dependsOn-> MB-M0',
    ]);
    expect(diff.relations.changed).toEqual([
      {
        type: 'changes',
        source: 'CR001',
        target: 'MB-M0',
        changes: [{ field: 'nature', before: 'modify', after: 'remove' }],
      },
    ]);
    expect(changedIds(diff)).toEqual(['CR001', 'IF-021', 'MB-M0', 'MB-S0', 'SDS']);
  });

  test('applying the diff to the first state gives the second', () => {
    const after = edited();
    const diff = diffSnapshots(createSnapshot(repo.model), createSnapshot(after));
    expect(applyDiff(canonicalModel(repo.model), diff)).toEqual(canonicalModel(after));
  });

  test('renderings match the golden files', async () => {
    const report = diffReport(
      'baseline T1',
      'working tree',
      diffSnapshots(createSnapshot(repo.model), createSnapshot(edited())),
    );
    await expect(renderDiffText(report)).toMatchFileSnapshot(join(FIXTURES, 'golden', 'diff.txt'));
    await expect(renderDiffMarkdown(report)).toMatchFileSnapshot(join(FIXTURES, 'golden', 'diff.md'));
    await expect(`${JSON.stringify(report, null, 2)}\n`).toMatchFileSnapshot(
      join(FIXTURES, 'golden', 'diff.json'),
    );
  });
});
