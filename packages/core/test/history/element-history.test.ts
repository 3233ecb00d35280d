import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { diffSnapshots, elementHistory, loadState, RepositoryError } from '../../src/index.js';
import { renderHistoryText } from '../../src/render.js';
import { tempGitRepository } from './git-repository.js';

const interfaces = (name: string, carries: string, extra = '') =>
  `elements:\n  - id: IF-021\n    kind: Interface\n    name: ${name}\n    carries: [${carries}]\n${extra}`;
const blocks =
  'elements:\n  - { id: MB-M0, kind: DataEntity, name: MPAN }\n  - { id: MB-S0, kind: DataEntity, name: Header }\n';

let root: string;
let repo: string;
const shas: string[] = [];
beforeAll(async () => {
  const git = await tempGitRepository();
  root = git.root;
  // The Tracery repository lives in a sub-folder of the git repository, as the MHHS example does.
  repo = join(root, 'design');
  shas.push(
    await git.commit(
      'Add IF-021',
      {
        'design/tracery.yaml': 'name: History\n',
        'design/model/blocks.yaml': blocks,
        'design/model/if.yaml': interfaces('Consumption', 'MB-M0'),
      },
      '2024-01-10T09:00:00Z',
    ),
  );
  shas.push(await git.commit('Unrelated', { 'README.md': 'hello\n' }, '2024-01-11T09:00:00Z'));
  shas.push(
    await git.commit(
      'Rename IF-021, carry S0',
      { 'design/model/if.yaml': interfaces('Consumption data', 'MB-M0, MB-S0', '    channel: DIP\n') },
      '2024-02-01T09:00:00+00:00',
    ),
  );
  shas.push(
    await git.commit(
      'Rename the header',
      { 'design/model/blocks.yaml': blocks.replace('Header', 'Interface header') },
      '2024-03-01T09:00:00Z',
    ),
  );
  // Uncommitted: the working tree differs from HEAD.
  await writeFile(
    join(repo, 'model', 'if.yaml'),
    interfaces('Consumption data', 'MB-M0, MB-S0', '    channel: API\n'),
  );
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('elementHistory', () => {
  test('it lists the commits that changed the element, newest first, with what changed', async () => {
    const history = await elementHistory(repo, 'IF-021');
    expect(history.entries).toEqual([
      {
        commit: shas[2],
        date: '2024-02-01T09:00:00+00:00',
        author: 'Ada Analyst',
        subject: 'Rename IF-021, carry S0',
        change: 'changed',
        fields: [
          { field: 'name', before: 'Consumption', after: 'Consumption data' },
          { field: 'attributes.channel', after: 'DIP' },
        ],
        linksAdded: ['IF-021 -carries-> MB-S0'],
        linksRemoved: [],
      },
      {
        commit: shas[0],
        date: '2024-01-10T09:00:00+00:00',
        author: 'Ada Analyst',
        subject: 'Add IF-021',
        change: 'added',
        fields: [],
        linksAdded: ['IF-021 -carries-> MB-M0'],
        linksRemoved: [],
      },
    ]);
    expect(renderHistoryText(history)).toContain(
      `${shas[2]!.slice(0, 12)}  2024-02-01T09:00:00+00:00  Ada Analyst  changed`,
    );
  });

  test('a commit that changes only another element is not in its history', async () => {
    const history = await elementHistory(repo, 'MB-S0');
    expect(history.entries.map((e) => [e.subject, e.change])).toEqual([
      ['Rename the header', 'changed'],
      ['Rename IF-021, carry S0', 'changed'],
      ['Add IF-021', 'added'],
    ]);
  });

  test('an element that never existed has an empty history', async () => {
    expect((await elementHistory(repo, 'IF-999')).entries).toEqual([]);
  });
});

describe('loadState from git', () => {
  test('it reads a revision with git, without a checkout, and diffs it with the working tree', async () => {
    const before = await loadState(repo, `git:${shas[0]}`);
    const now = await loadState(repo, 'working');
    expect(before.label).toBe(`git ${shas[0]}`);
    const diff = diffSnapshots(before.snapshot, now.snapshot);
    expect(diff.elements.changed.map((c) => [c.id, c.changes.map((f) => f.field)])).toEqual([
      ['IF-021', ['name', 'attributes.channel']],
      ['MB-S0', ['name']],
    ]);
    expect(diff.relations.added.map((r) => r.target)).toEqual(['MB-S0']);
    const head = await loadState(repo, 'git:HEAD');
    expect(diffSnapshots(head.snapshot, now.snapshot).elements.changed[0]?.changes).toEqual([
      { field: 'attributes.channel', before: 'DIP', after: 'API' },
    ]);
  });

  test('an unknown revision or one where the folder was no repository is a RepositoryError', async () => {
    await expect(loadState(repo, 'git:no-such-rev')).rejects.toThrow(RepositoryError);
    await expect(loadState(repo, 'git:--output=x')).rejects.toThrow(RepositoryError);
  });
});
