import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { elementHistories } from '../../src/advanced.js';
import { elementHistory, loadState } from '../../src/index.js';
import { generateHistory, type MainCommit } from './generated-history.js';

type Model = NonNullable<MainCommit['model']>;
/** What the history should say of one element at one commit, newest first. */
type Expected = [
  commit: string,
  change: string,
  fields: string[],
  linksAdded: string[],
  linksRemoved: string[],
];

const EMPTY: Model = new Map();

/** Whether a commit changed a file the repository reads (tracery.yaml, model files); notes.txt is not one. */
const changesModel = (c: MainCommit) => c.changed.some((path) => /\.ya?ml$/.test(path));

const minus = (a: readonly string[], b: readonly string[]) => a.filter((x) => !b.includes(x)).sort();

/**
 * The answers, from the generator's own record of main's first-parent chain: the last `max` commits that
 * touched the repository folder are shown; the walk starts from the state of the parent of the oldest;
 * a commit with a broken file is "not-loaded" for every element held just before or after it, and the
 * next commit that loads is compared with the last one that did.
 */
function expectedHistories(main: readonly MainCommit[], max: number): Map<string, Expected[]> {
  const shown = main.filter((c) => c.changed.length > 0).slice(-max);
  const out = new Map<string, Expected[]>();
  const push = (id: string, entry: Expected) => out.set(id, [entry, ...(out.get(id) ?? [])]);
  const base = main.find((c) => c.sha === shown[0]?.parent);
  let before: Model | undefined = base?.model ?? EMPTY;
  let gap: string[] = [];
  if (base?.broken) {
    before = undefined;
    gap = [base.sha];
  }
  const closeGap = (after: Model | undefined) => {
    const held = new Set([...(before?.keys() ?? []), ...(after?.keys() ?? [])]);
    for (const sha of gap) for (const id of held) push(id, [sha, 'not-loaded', [], [], []]);
    gap = [];
  };
  for (const c of shown) {
    if (!changesModel(c)) continue;
    if (c.broken) {
      gap.push(c.sha);
      continue;
    }
    const after = c.model ?? EMPTY;
    closeGap(after);
    if (before)
      for (const id of new Set([...before.keys(), ...after.keys()])) {
        const b = before.get(id);
        const a = after.get(id);
        const added = minus(a?.links ?? [], b?.links ?? []);
        const removed = minus(b?.links ?? [], a?.links ?? []);
        if (!b) push(id, [c.sha, 'added', [], added, removed]);
        else if (!a) push(id, [c.sha, 'removed', [], added, removed]);
        else {
          const fields = (['name', 'description'] as const).filter((f) => a[f] !== b[f]);
          if (fields.length + added.length + removed.length > 0)
            push(id, [c.sha, 'changed', fields, added, removed]);
        }
      }
    before = after;
  }
  closeGap(undefined);
  return out;
}

const SEEDS = [1, 2, 3];
const generated = new Map<number, Awaited<ReturnType<typeof generateHistory>>>();
const history = async (seed: number) => {
  if (!generated.has(seed)) generated.set(seed, await generateHistory(seed));
  return generated.get(seed)!;
};
afterAll(async () => {
  for (const { repo } of generated.values()) await rm(dirname(repo), { recursive: true, force: true });
});

describe('history on a generated git history with merges and a broken commit', () => {
  test.each(SEEDS)(
    'seed %i: every element, over the whole history and over the last 1, 2, 3 and 5 commits',
    async (seed) => {
      const { repo, main } = await history(seed);
      // The generator made what the test needs: merges, a broken commit, notes and changes outside.
      expect(main.some((c) => c.subject.startsWith('Merge'))).toBe(true);
      expect(main.some((c) => c.broken)).toBe(true);
      for (const max of [1, 2, 3, 5, 200]) {
        const actual = await elementHistories(repo, { maxCommits: max });
        const shown = main.filter((c) => c.changed.length > 0).slice(-max);
        expect(
          actual.commits.map((c) => c.commit),
          `max ${max}`,
        ).toEqual(shown.map((c) => c.sha).reverse());
        const expected = expectedHistories(main, max);
        const got = new Map(
          [...actual.elements].map(([id, entries]) => [
            id,
            entries.map(
              (e): Expected => [
                e.commit,
                e.change,
                e.fields.map((f) => f.field),
                [...e.linksAdded],
                [...e.linksRemoved],
              ],
            ),
          ]),
        );
        expect(Object.fromEntries(got), `seed ${seed}, max ${max}`).toEqual(Object.fromEntries(expected));
        const broken = shown
          .filter((c) => c.broken && changesModel(c))
          .map((c) => c.sha)
          .reverse();
        expect(actual.notLoaded.map((c) => c.commit).filter((sha) => broken.includes(sha))).toEqual(broken);
        for (const c of actual.notLoaded)
          expect(c.errors[0]).toMatchObject({ severity: 'error', source: { file: 'model/main.yaml' } });
      }
    },
  );

  test('elementHistory of one element gives the same entries as the one pass over all elements', async () => {
    const { repo } = await history(SEEDS[0]!);
    const all = await elementHistories(repo);
    const [id, entries] = [...all.elements].find(([, list]) => list.length > 2)!;
    expect((await elementHistory(repo, id)).entries).toEqual(entries);
  });

  test('a commit whose files fail to load is reported as such, not as its elements removed and added again', async () => {
    const { repo, main } = await history(SEEDS[0]!);
    const broken = main.find((c) => c.broken)!;
    const { elements } = await elementHistories(repo);
    for (const [id, entries] of elements) {
      const at = entries.findIndex((e) => e.commit === broken.sha);
      if (at < 0) continue;
      expect(entries[at]?.change, id).toBe('not-loaded');
      // The commit after it is compared with the last one that loaded: no element comes back as "added".
      const next = entries[at - 1];
      if (next && broken.model?.has(id) && main[main.indexOf(broken) - 1]?.model?.has(id))
        expect(next.change, id).not.toBe('added');
    }
  });
});

/** The git commands `action` runs (through a `git` first on PATH that logs, then runs the real git). */
async function gitCalls(action: () => Promise<unknown>): Promise<string[]> {
  const bin = await mkdtemp(join(tmpdir(), 'tracery-git-spy-'));
  const log = join(bin, 'calls.log');
  const real = (await promisify(execFile)('sh', ['-c', 'command -v git'])).stdout.trim();
  await writeFile(join(bin, 'git'), `#!/bin/sh\necho "$*" >> '${log}'\nexec '${real}' "$@"\n`);
  await chmod(join(bin, 'git'), 0o755);
  const path = process.env.PATH;
  process.env.PATH = `${bin}:${path}`;
  try {
    await action();
    return (await readFile(log, 'utf8')).trim().split('\n');
  } finally {
    process.env.PATH = path;
    await rm(bin, { recursive: true, force: true });
  }
}

describe('git processes', () => {
  test('file contents come from one git cat-file --batch process, never from git show per file', async () => {
    const { repo, main } = await history(SEEDS[1]!);
    const calls = await gitCalls(() => elementHistories(repo));
    expect(calls.filter((c) => c.startsWith('show'))).toEqual([]);
    expect(calls.filter((c) => c.startsWith('cat-file'))).toEqual(['cat-file --batch']);
    // A fixed number of git processes, however many commits and files were read: where the folder is
    // (2), the log, the tree of the base, the cat-file process.
    expect(main.filter((c) => c.changed.length > 0).length).toBeGreaterThan(5);
    expect(calls.map((c) => c.split(' ')[0])).toEqual([
      'rev-parse',
      'rev-parse',
      'log',
      'ls-tree',
      'cat-file',
    ]);
    // A state at a git revision is read the same way: the tree, then one cat-file for every file.
    const state = await gitCalls(() => loadState(repo, 'git:HEAD'));
    expect(state.map((c) => c.split(' ')[0])).toEqual(['rev-parse', 'rev-parse', 'ls-tree', 'cat-file']);
  });
});
