import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A requirement as the generator writes it. */
type Req = { name: string; description?: string; dependsOn: string[] };
/** A model file: elements by id, and whether it is written broken (a YAML syntax error). */
type ModelFile = { elements: Map<string, Req>; broken: boolean };
/** The repository files of a state: model files by path under model/. */
type Tree = Map<string, ModelFile>;

/** A commit on main's first-parent chain, with the state of the repository after it. */
export type MainCommit = {
  readonly sha: string;
  readonly parent: string | undefined;
  readonly subject: string;
  /** The files under the repository folder (`design/`) it changed against its first parent. */
  readonly changed: readonly string[];
  /** The model after it: element id to its name, description and links; undefined before tracery.yaml. */
  readonly model: ReadonlyMap<string, { name: string; description?: string; links: string[] }> | undefined;
  /** Whether some model file is broken after it. */
  readonly broken: boolean;
};

/** A small deterministic random source (mulberry32), so a seed gives the same history every run. */
function random(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

const copyTree = (tree: Tree): Tree =>
  new Map(
    [...tree].map(([path, file]) => [
      path,
      {
        broken: file.broken,
        elements: new Map([...file.elements].map(([id, r]) => [id, { ...r, dependsOn: [...r.dependsOn] }])),
      },
    ]),
  );

function yamlOf(file: ModelFile): string {
  const lines = ['elements:'];
  for (const [id, r] of file.elements) {
    lines.push(`  - id: ${id}`, '    kind: Requirement', `    name: ${JSON.stringify(r.name)}`);
    if (r.description !== undefined) lines.push(`    description: ${JSON.stringify(r.description)}`);
    if (r.dependsOn.length > 0) lines.push(`    dependsOn: [${r.dependsOn.join(', ')}]`);
  }
  if (file.elements.size === 0) lines[0] = 'elements: []';
  // A broken file: its elements are still written, then a flow list that never closes.
  if (file.broken) lines.push('  - { id: [unclosed');
  return `${lines.join('\n')}\n`;
}

/** The model a tree means: every element with its links (`A -dependsOn-> B`) at either end. */
function modelOf(tree: Tree): MainCommit['model'] {
  const model = new Map<string, { name: string; description?: string; links: string[] }>();
  for (const file of tree.values())
    for (const [id, r] of file.elements)
      model.set(id, {
        name: r.name,
        ...(r.description === undefined ? {} : { description: r.description }),
        links: [],
      });
  for (const file of tree.values())
    for (const [id, r] of file.elements)
      for (const to of r.dependsOn) {
        const link = `${id} -dependsOn-> ${to}`;
        model.get(id)!.links.push(link);
        if (to !== id) model.get(to)!.links.push(link);
      }
  for (const e of model.values()) e.links.sort();
  return model;
}

/** One random edit of a model file: add, rename, describe, remove (with the links to it), link, unlink. */
function editFile(
  file: ModelFile,
  prefix: string,
  pick: (n: number) => number,
  counter: { n: number },
): string {
  const ids = [...file.elements.keys()];
  const what = ids.length < 2 ? 0 : pick(6);
  const id = ids[pick(Math.max(ids.length, 1))]!;
  if (what === 0) {
    const fresh = `${prefix}-${++counter.n}`;
    file.elements.set(fresh, { name: `Requirement ${fresh}`, dependsOn: [] });
    return `add ${fresh}`;
  }
  const r = file.elements.get(id)!;
  if (what === 1) r.name = `${r.name} v${++counter.n}`;
  if (what === 2) r.description = `Described ${++counter.n}`;
  if (what === 3) {
    file.elements.delete(id);
    for (const other of file.elements.values()) other.dependsOn = other.dependsOn.filter((to) => to !== id);
  }
  if (what === 4) {
    const to = ids.find((other) => other !== id && !r.dependsOn.includes(other));
    if (to) r.dependsOn.push(to);
  }
  if (what === 5) r.dependsOn.pop();
  return `${['add', 'rename', 'describe', 'remove', 'link', 'unlink'][what]} ${id}`;
}

/**
 * Generates a git history in a temporary folder, from a seed: a Tracery repository in `design/` of the
 * git repository, commits on main (edits, a broken file then its fix, a notes file that is no model
 * file, a change outside the folder), and side branches that edit their own model file, dated between
 * main's commits, merged with `--no-ff`. Returns the repository folder and main's first-parent chain,
 * oldest first, with the model after each commit: the answers a history must give.
 */
export async function generateHistory(seed: number): Promise<{ repo: string; main: MainCommit[] }> {
  const pick = random(seed);
  const root = await mkdtemp(join(tmpdir(), 'tracery-generated-history-'));
  const git = async (...args: string[]) =>
    (
      await run('git', ['-c', 'user.name=Ada Analyst', '-c', 'user.email=ada@example.org', ...args], {
        cwd: root,
        env: { ...process.env, GIT_AUTHOR_DATE: date(), GIT_COMMITTER_DATE: date() },
      })
    ).stdout.trim();
  let clock = Date.UTC(2024, 0, 1);
  const date = () => new Date(clock).toISOString();
  const write = async (path: string, text: string) => {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  };
  const writeTree = async (tree: Tree) => {
    for (const [path, file] of tree) await write(`design/model/${path}`, yamlOf(file));
  };
  const commit = async (subject: string) => {
    clock += 3_600_000;
    await git('add', '--all');
    await git('commit', '--quiet', '--allow-empty', '-m', subject);
    return git('rev-parse', 'HEAD');
  };
  const main: MainCommit[] = [];
  const record = async (sha: string, subject: string, tree: Tree | undefined) => {
    const parent = main.at(-1)?.sha;
    const broken = tree ? [...tree.values()].some((f) => f.broken) : false;
    const diff = parent ? await git('diff', '--name-only', parent, sha, '--', 'design') : '';
    const changed = diff.split('\n').filter(Boolean);
    main.push({ sha, parent, subject, changed, model: tree ? modelOf(tree) : undefined, broken });
  };

  await git('init', '--quiet', '--initial-branch=main');
  await write('README.md', 'outside the repository folder\n');
  await record(await commit('Before the design'), 'Before the design', undefined);
  const counter = { n: 0 };
  const tree: Tree = new Map([['main.yaml', { elements: new Map(), broken: false }]]);
  for (let i = 0; i < 3; i++) editFile(tree.get('main.yaml')!, 'M', pick, counter);
  await write('design/tracery.yaml', 'name: Generated history\n');
  await writeTree(tree);
  await record(await commit('The first design'), 'The first design', copyTree(tree));

  let brokeOnce = false;
  for (let step = 0; step < 9; step++) {
    const roll = pick(10);
    if (roll < 4 || (step === 8 && !brokeOnce)) {
      // An edit on main; once, a broken main.yaml first (its elements unreadable), fixed by the edit.
      if (!brokeOnce && (roll === 0 || step === 8)) {
        brokeOnce = true;
        tree.get('main.yaml')!.broken = true;
        await writeTree(tree);
        await record(await commit('Break main.yaml'), 'Break main.yaml', copyTree(tree));
        tree.get('main.yaml')!.broken = false;
      }
      const subject = `main: ${editFile(tree.get('main.yaml')!, 'M', pick, counter)}`;
      await writeTree(tree);
      await record(await commit(subject), subject, copyTree(tree));
    } else if (roll < 7) {
      // A side branch with its own file, 1 to 3 commits, and a main commit in between, then a merge.
      const branch = `side-${step}`;
      const file = `${branch}.yaml`;
      const sideTree = copyTree(tree);
      sideTree.set(file, { elements: new Map(), broken: false });
      await git('checkout', '--quiet', '-b', branch);
      for (let k = 0, n = 1 + pick(3); k < n; k++) {
        const subject = `${branch}: ${editFile(sideTree.get(file)!, `S${step}`, pick, counter)}`;
        await write(`design/model/${file}`, yamlOf(sideTree.get(file)!));
        await commit(subject);
      }
      await git('checkout', '--quiet', 'main');
      clock -= 2 * 3_600_000; // main's next commit is dated between the side branch's commits
      const subject = `main: ${editFile(tree.get('main.yaml')!, 'M', pick, counter)}`;
      await writeTree(tree);
      await record(await commit(subject), subject, copyTree(tree));
      clock += 4 * 3_600_000;
      tree.set(file, sideTree.get(file)!);
      await git('merge', '--quiet', '--no-ff', '-m', `Merge ${branch}`, branch);
      await record(await git('rev-parse', 'HEAD'), `Merge ${branch}`, copyTree(tree));
    } else if (roll < 8) {
      await write('design/notes.txt', `notes ${step}\n`);
      await record(await commit(`Notes ${step}`), `Notes ${step}`, copyTree(tree));
    } else {
      await write('README.md', `outside ${step}\n`);
      await record(await commit(`Outside ${step}`), `Outside ${step}`, copyTree(tree));
    }
  }
  return { repo: join(root, 'design'), main };
}
