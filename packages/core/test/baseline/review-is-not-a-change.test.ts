import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  applyDiff,
  canonicalModel,
  elementHash,
  findSuspectLinks,
  REVIEW_FIELDS,
  reviewLinks,
  reviewStamp,
} from '../../src/advanced.js';
import { suspectLinkEnds } from '../../src/baseline/suspect-links.js';
import {
  changedIds,
  createSnapshot,
  diffReport,
  diffSnapshots,
  loadRepository,
  type Model,
} from '../../src/index.js';
import { renderDiffMarkdown, renderDiffText } from '../../src/render.js';
import { generateModel } from '../../src/testing/index.js';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'baseline', 'repo');
let root: string;
const file = () => join(root, 'model', 'design.yaml');
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'tracery-review-'));
  await cp(FIXTURE, root, { recursive: true });
});
afterEach(() => rm(root, { recursive: true, force: true }));

const load = async () => {
  const loaded = await loadRepository(root);
  expect(loaded.diagnostics).toEqual([]);
  return loaded;
};
const edit = async (from: string, to: string) => {
  const text = await readFile(file(), 'utf8');
  expect(text).toContain(from);
  await writeFile(file(), text.replace(from, to));
};

describe('a review stamp hashes what a reviewer reviews', () => {
  // MB-M0 is written as a block map: `name: MPAN` then `blockCode: M0`; fields are added after name.
  test.each([
    ['its status (approving it)', 'name: MPAN\n', 'name: MPAN\n    status: approved\n'],
    ['its owner', 'name: MPAN\n', 'name: MPAN\n    owner: Data team\n'],
    ['its tranche', 'name: MPAN\n', 'name: MPAN\n    tranche: T2\n'],
    ['its tags', 'name: MPAN\n', 'name: MPAN\n    tags: [core]\n'],
  ])('changing %s does not make its links suspect', async (_what, from, to) => {
    await reviewLinks(root, (await load()).model, 'MB-M0');
    await edit(from, to);
    expect(findSuspectLinks((await load()).model)).toEqual([]);
  });

  test.each([
    ['its name', 'name: MPAN\n', 'name: MPAN number\n'],
    ['its description', 'name: MPAN\n', 'name: MPAN\n    description: The meter point\n'],
    ['an attribute of its kind', 'blockCode: M0', 'blockCode: M9'],
  ])('changing %s makes each of its reviewed links suspect', async (_what, from, to) => {
    await reviewLinks(root, (await load()).model, 'MB-M0');
    await edit(from, to);
    expect(findSuspectLinks((await load()).model).map((s) => [s.source, s.target, s.reason])).toEqual([
      ['IF-021', 'MB-M0', 'target-changed'],
      ['SDS', 'MB-M0', 'target-changed'],
    ]);
  });

  test('a stamp written before v2 (hashes of whole elements) is checked as it was made', async () => {
    const { model } = await load();
    const end = (id: string) => elementHash(model.getElement(id)).slice(0, 16);
    const legacy = `${end('SDS')}/${end('MB-M0')}`;
    await edit(
      '{ from: SDS, type: dependsOn, to: MB-M0 }',
      `{ from: SDS, type: dependsOn, to: MB-M0, reviewed: "${legacy}" }`,
    );
    const link = { type: 'dependsOn', source: 'SDS', target: 'MB-M0' };
    const unchanged = (await load()).model;
    expect(findSuspectLinks(unchanged)).toEqual([]);
    expect(suspectLinkEnds(unchanged)).toEqual([]);
    await edit('blockCode: M0', 'blockCode: M9');
    const targetChanged = (await load()).model;
    expect(findSuspectLinks(targetChanged).find((s) => s.source === 'SDS')?.reason).toBe('target-changed');
    expect(suspectLinkEnds(targetChanged)).toContainEqual(link);
    await edit('blockCode: M9', 'blockCode: M0');
    await edit('name: Smart Data Service', 'name: Smart Data Services');
    const sourceChanged = (await load()).model;
    const [suspect] = findSuspectLinks(sourceChanged);
    expect([suspect?.source, suspect?.reason, suspect?.reviewed]).toEqual(['SDS', 'source-changed', legacy]);
    expect(suspectLinkEnds(sourceChanged)).toEqual([link]);
    // Reviewing it again writes a stamp of the current scheme.
    expect(suspect?.current.startsWith('v2:')).toBe(true);
  });
});

describe('recording a review is not a change', () => {
  test('it writes who and when beside the stamp, and a diff lists it as a review, seeding nothing', async () => {
    const before = await load();
    const reviewed = await reviewLinks(root, before.model, 'IF-021 carries MB-M0', {
      by: 'Ada Analyst',
      at: '2026-11-30T17:00:00Z',
    });
    const stamp = reviewStamp(before.model, { source: 'IF-021', target: 'MB-M0' });
    expect(reviewed).toEqual([
      {
        type: 'carries',
        source: 'IF-021',
        target: 'MB-M0',
        stamp,
        file: 'model/design.yaml',
        by: 'Ada Analyst',
        at: '2026-11-30T17:00:00Z',
      },
    ]);
    expect(await readFile(file(), 'utf8')).toContain(
      `carries: [{ id: MB-M0, reviewed: "${stamp}", reviewedBy: "Ada Analyst", reviewedAt: "2026-11-30T17:00:00Z" }, MB-B050]`,
    );
    const after = await load();
    const diff = diffSnapshots(createSnapshot(before.model), createSnapshot(after.model));
    expect(diff.relations.changed).toEqual([]);
    expect(changedIds(diff)).toEqual([]);
    expect(diff.reviews).toEqual([
      {
        type: 'carries',
        source: 'IF-021',
        target: 'MB-M0',
        stamp,
        by: 'Ada Analyst',
        at: '2026-11-30T17:00:00Z',
        changes: [
          { field: 'reviewed', after: stamp },
          { field: 'reviewedAt', after: '2026-11-30T17:00:00Z' },
          { field: 'reviewedBy', after: 'Ada Analyst' },
        ],
      },
    ]);
    expect(renderDiffMarkdown(diffReport('before', 'after', diff))).toContain(
      `## Reviews (not changes)\n\n| relation | by | at | stamp |\n| --- | --- | --- | --- |\n| \`IF-021 -carries-> MB-M0\` | Ada Analyst | 2026-11-30T17:00:00Z | ${stamp} |\n`,
    );
    expect(renderDiffText(diffReport('before', 'after', diff))).toContain(
      'reviewed (not changes):\n  IF-021 -carries-> MB-M0 by Ada Analyst at 2026-11-30T17:00:00Z\n',
    );
  });

  test('a second review by someone else replaces who and when in place', async () => {
    await reviewLinks(root, (await load()).model, 'SDS dependsOn MB-M0', { by: 'Ada', at: '2026-01-01' });
    await reviewLinks(root, (await load()).model, 'SDS dependsOn MB-M0', { by: 'Bob', at: '2026-02-02' });
    const text = await readFile(file(), 'utf8');
    expect(text).toContain('reviewedBy: "Bob", reviewedAt: "2026-02-02" }');
    expect(text.match(/reviewedBy/g)).toHaveLength(1);
  });

  test('a relation whose note and review both changed is in both lists, each with its own fields', async () => {
    const before = await load();
    await reviewLinks(root, before.model, 'SDS dependsOn MB-M0', { by: 'Ada' });
    await edit('to: MB-M0,', 'to: MB-M0, note: the block,');
    const diff = diffSnapshots(createSnapshot(before.model), createSnapshot((await load()).model));
    expect(diff.relations.changed.map((c) => c.changes.map((f) => f.field))).toEqual([['note']]);
    expect(diff.reviews.map((r) => r.changes.map((f) => f.field))).toEqual([['reviewed', 'reviewedBy']]);
    expect(changedIds(diff)).toEqual(['MB-M0', 'SDS']);
  });
});

/** Records a review on some relations of a model, in memory, as `tracery review` writes it. */
function review(model: Model, picks: readonly number[]): Set<string> {
  const edges = model.graph.edges();
  const reviewed = new Set<string>();
  for (const pick of picks) {
    if (edges.length === 0) break;
    const relation = model.graph.getEdgeAttribute(edges[pick % edges.length]!, 'relation');
    const stamp = reviewStamp(model, relation);
    model.putRelation({
      ...relation,
      attributes: {
        ...relation.attributes,
        reviewed: stamp,
        reviewedBy: `R${pick}`,
        reviewedAt: '2026-11-30',
      },
    });
    reviewed.add(`${relation.source} -${relation.type}-> ${relation.target}`);
  }
  return reviewed;
}

describe('a review changes no seed (property, over generated models)', () => {
  test('reviewing any links gives no changed id and lists exactly the links reviewed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 80 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 12 }),
        (elements, seed, picks) => {
          const model = generateModel({ elements, seed });
          const before = createSnapshot(model);
          const reviewed = review(model, picks);
          const diff = diffSnapshots(before, createSnapshot(model));
          expect(changedIds(diff)).toEqual([]);
          expect(diff.elements).toEqual({ added: [], removed: [], changed: [] });
          expect(diff.relations).toEqual({ added: [], removed: [], changed: [] });
          expect(new Set(diff.reviews.map((r) => `${r.source} -${r.type}-> ${r.target}`))).toEqual(reviewed);
          for (const r of diff.reviews)
            expect(r.changes.every((f) => REVIEW_FIELDS.includes(f.field))).toBe(true);
          // The diff still carries the reviews: applying it gives the reviewed model.
          expect(applyDiff(canonicalModel(generateModel({ elements, seed })), diff)).toEqual(
            canonicalModel(model),
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  test('reviewing links on top of real edits leaves the seeds of those edits as they were', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 60 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
        (elements, seed, renames, picks) => {
          const model = generateModel({ elements, seed });
          const base = createSnapshot(model);
          const ids = model.graph.nodes();
          for (const pick of renames) {
            const element = model.getElement(ids[pick % ids.length]!);
            model.putElement({ ...element, name: `${element.name} (renamed)` });
          }
          const edited = createSnapshot(model);
          review(model, picks);
          expect(changedIds(diffSnapshots(base, createSnapshot(model)))).toEqual(
            changedIds(diffSnapshots(base, edited)),
          );
        },
      ),
      { numRuns: 40 },
    );
  });
});
