import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { findSuspectLinks, reviewLinks, reviewStamp } from '../../src/advanced.js';
import { stampRelationInYaml } from '../../src/baseline/index.js';
import { type SuspectLinkOptions, suspectLinkEnds } from '../../src/baseline/suspect-links.js';
import { InvalidArgumentError, loadRepository, type Model, NotFoundError } from '../../src/index.js';

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

describe('tracery review: recording a review in the file where the link is written', () => {
  test('a reference in a flow list becomes a map with the stamp; every other byte of the file stays', async () => {
    const before = await readFile(file(), 'utf8');
    const { model } = await load();
    const stamp = reviewStamp(model, { source: 'IF-021', target: 'MB-M0' });
    const reviewed = await reviewLinks(root, model, 'IF-021 carries MB-M0');
    expect(reviewed).toEqual([
      { type: 'carries', source: 'IF-021', target: 'MB-M0', stamp, file: 'model/design.yaml' },
    ]);
    const after = await readFile(file(), 'utf8');
    expect(after).toBe(
      before.replace(
        'carries: [MB-M0, MB-B050] # the header and the data',
        `carries: [{ id: MB-M0, reviewed: "${stamp}" }, MB-B050] # the header and the data`,
      ),
    );
    const reloaded = await load();
    expect(
      reloaded.model.findRelation({ type: 'carries', source: 'IF-021', target: 'MB-M0' })?.attributes,
    ).toEqual({
      reviewed: stamp,
    });
  });

  test.each([
    [
      'a block list item',
      'IF-021 -documentedIn-> DOC-IF021',
      '      - DOC-IF021\n',
      (s: string) => `      - { id: DOC-IF021, reviewed: "${s}" }\n`,
    ],
    [
      'an inverse name',
      'IF-021 sentBy SDS',
      'sentBy: [SDS]',
      (s: string) => `sentBy: [{ id: SDS, reviewed: "${s}" }]`,
    ],
    [
      'a block map entry with attributes',
      'CR001 -changes-> MB-M0',
      '        nature: modify # the block only\n',
      (s: string) => `        nature: modify # the block only\n        reviewed: "${s}"\n`,
    ],
    [
      'a relations row',
      'SDS -dependsOn-> MB-M0',
      '{ from: SDS, type: dependsOn, to: MB-M0 }',
      (s: string) => `{ from: SDS, type: dependsOn, to: MB-M0, reviewed: "${s}" }`,
    ],
  ])('it records a review of %s', async (_case, target, written, rewritten) => {
    const before = await readFile(file(), 'utf8');
    const { model } = await load();
    const [link] = await reviewLinks(root, model, target);
    expect(await readFile(file(), 'utf8')).toBe(before.replace(written, rewritten(link!.stamp)));
    const again = await load();
    expect(findSuspectLinks(again.model)).toEqual([]);
  });

  test('a second review replaces the stamp instead of adding another', async () => {
    const { model } = await load();
    await reviewLinks(root, model, 'SDS dependsOn MB-M0');
    await writeFile(file(), (await readFile(file(), 'utf8')).replace('name: MPAN', 'name: MPAN block'));
    const changed = await load();
    const [link] = await reviewLinks(root, changed.model, 'SDS dependsOn MB-M0');
    const text = await readFile(file(), 'utf8');
    expect(text.match(/reviewed:/g)).toHaveLength(1);
    expect(text).toContain(`reviewed: "${link!.stamp}"`);
  });

  test('reviewing an element records every link at it that is not reviewed as it is now', async () => {
    const { model } = await load();
    const reviewed = await reviewLinks(root, model, 'MB-M0');
    expect(reviewed.map((r) => `${r.source} -${r.type}-> ${r.target}`)).toEqual([
      'IF-021 -carries-> MB-M0',
      'SDS -dependsOn-> MB-M0',
    ]);
    expect(await reviewLinks(root, (await load()).model, 'MB-M0')).toEqual([]);
  });

  test('it refuses a target that names nothing', async () => {
    const { model } = await load();
    await expect(reviewLinks(root, model, 'IF-021 carries MB-S9')).rejects.toThrow(NotFoundError);
    await expect(reviewLinks(root, model, 'IF-021 carry MB-M0')).rejects.toThrow(InvalidArgumentError);
    await expect(reviewLinks(root, model, 'a b c d')).rejects.toThrow(InvalidArgumentError);
  });
});

/** `suspectLinkEnds` (what coverage reads) names the links `findSuspectLinks` gives, each once. */
function expectSameEnds(model: Model, options: SuspectLinkOptions = {}): void {
  const key = (l: { type: string; source: string; target: string }) => `${l.source} ${l.type} ${l.target}`;
  const ends = suspectLinkEnds(model, options);
  expect(ends.map(key).sort()).toEqual(findSuspectLinks(model, options).map(key).sort());
  expect(ends.every((l) => Object.keys(l).sort().join() === 'source,target,type')).toBe(true);
}

describe('findSuspectLinks', () => {
  test('a reviewed link becomes suspect when either end changes, and says which', async () => {
    const { model } = await load();
    await reviewLinks(root, model, 'IF-021');
    expect(findSuspectLinks((await load()).model)).toEqual([]);
    await writeFile(file(), (await readFile(file(), 'utf8')).replace('blockCode: M0', 'blockCode: M1'));
    const changed = (await load()).model;
    const suspects = findSuspectLinks(changed);
    expect(suspects.map((s) => [s.source, s.type, s.target, s.reason])).toEqual([
      ['IF-021', 'carries', 'MB-M0', 'target-changed'],
    ]);
    expectSameEnds(changed);
    await writeFile(file(), (await readFile(file(), 'utf8')).replace('channel: DIP', 'channel: API'));
    const both = (await load()).model;
    expectSameEnds(both);
    expectSameEnds(both, { types: ['carries'] });
    expect(suspectLinkEnds(both, { types: ['carries'] })).toHaveLength(2);
    expect(findSuspectLinks(both).map((s) => s.reason)).toEqual([
      'source-changed', // IF-021 -carries-> MB-B050
      'both-changed', // IF-021 -carries-> MB-M0
      'source-changed', // IF-021 -documentedIn-> DOC-IF021
      'target-changed', // SDS -sends-> IF-021
    ]);
  });

  test('links never reviewed are suspect only when asked, and changes links are left out', async () => {
    const { model } = await load();
    expect(findSuspectLinks(model)).toEqual([]);
    const all = findSuspectLinks(model, { unreviewed: true });
    expect(all.every((s) => s.reason === 'never-reviewed' && s.type !== 'changes')).toBe(true);
    expect(all).toHaveLength(5);
    expect(findSuspectLinks(model, { unreviewed: true, types: ['carriedBy'] })).toHaveLength(2);
    expectSameEnds(model);
    expectSameEnds(model, { unreviewed: true });
    expectSameEnds(model, { unreviewed: true, types: ['carriedBy'] });
    expect(suspectLinkEnds(model, { unreviewed: true })).toHaveLength(5);
  });

  test('stampRelationInYaml refuses a position where no relation is written', () => {
    expect(() => stampRelationInYaml('elements: []\n', { line: 1, column: 2 }, 'a/b', false)).toThrow(
      /no relation reference/,
    );
  });
});
