import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { git, gitLocation, treeAtRevision } from '../baseline/git.js';
import { GitObjectReader } from '../baseline/git-object-reader.js';
import { isRepositoryFile } from '../baseline/load-state.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { TraceryError } from '../errors/tracery-error.js';
import type { Model } from '../model/model.js';
import { type LoadOptions, loadRepository } from '../repository/load-repository.js';

/** A commit of the history: id, author date (ISO 8601), author and subject. */
export type HistoryCommit = {
  readonly commit: string;
  readonly date: string;
  readonly author: string;
  readonly subject: string;
};

/** A commit read from `git log --raw`: its first parent and the repository files it changed against it. */
type LoggedCommit = HistoryCommit & {
  readonly parent: string | undefined;
  /** Path (relative to the repository folder) to the new blob, or undefined when the file went away. */
  readonly changes: ReadonlyMap<string, string | undefined>;
};

/** The state of the repository at one commit of the walk. */
export type WalkState =
  /** The model loaded cleanly (`model` undefined: the folder was no repository then). */
  | { readonly kind: 'loaded'; readonly model: Model | undefined }
  /** The files loaded with errors: the state is unknown, not empty. */
  | { readonly kind: 'not-loaded'; readonly errors: readonly Diagnostic[] }
  /** No repository file changed: the state is the one before. */
  | { readonly kind: 'unchanged' };

/** Options of a walk. */
export type WalkOptions = {
  /** Look at most at the last `maxCommits` commits (first parents only). */
  readonly maxCommits: number;
  readonly loaders?: LoadOptions['loaders'];
  /** Called after each commit is read: `done` of `total`. */
  readonly onProgress?: (done: number, total: number) => void;
};

const REGULAR_FILE = /^1006[0-7]{2}$/;

/** Parses `git log -z --raw --format=%x1e%H%x1f%P%x1f%aI%x1f%an%x1f%s` output, newest first. */
function parseLog(output: string, prefix: string): LoggedCommit[] {
  const commits: LoggedCommit[] = [];
  for (const record of output.split('\x1e').slice(1)) {
    const end = record.indexOf('\0');
    const header = end < 0 ? record : record.slice(0, end);
    const [commit, parents, date, author, subject] = header.split('\x1f') as [
      string,
      string,
      string,
      string,
      string,
    ];
    const changes = new Map<string, string | undefined>();
    // After the header: `:<old mode> <new mode> <old oid> <new oid> <status>\0<path>\0`, repeated.
    const fields =
      end < 0
        ? []
        : record
            .slice(end + 1)
            .replace(/^\n/, '')
            .split('\0');
    for (let i = 0; i + 1 < fields.length; i += 2) {
      const [, newMode, , newOid, status] = fields[i]!.slice(1).split(' ') as string[];
      const full = fields[i + 1]!;
      if (!full.startsWith(prefix)) continue;
      const path = full.slice(prefix.length);
      if (!isRepositoryFile(path)) continue;
      const present = status !== 'D' && REGULAR_FILE.test(newMode ?? '');
      changes.set(path, present ? newOid : undefined);
    }
    commits.push({ commit, parent: parents.split(' ')[0] || undefined, date, author, subject, changes });
  }
  return commits;
}

/**
 * The last `maxCommits` commits that touched the repository's files (not its baselines or reports),
 * following first parents only: a merge is compared with its first parent (the branch it was merged
 * into), never with the commit before it in log order. Oldest first.
 */
async function firstParentLog(dir: string, prefix: string, maxCommits: number): Promise<LoggedCommit[]> {
  const output = await git(dir, [
    'log',
    '--first-parent',
    `--max-count=${maxCommits}`,
    '--root',
    '--raw',
    '--no-renames',
    '--no-abbrev',
    '-z',
    '--format=%x1e%H%x1f%P%x1f%aI%x1f%an%x1f%s',
    '--',
    '.',
    ':(exclude)baselines',
    ':(exclude)out',
  ]);
  return parseLog(output, prefix).reverse();
}

const FORMAT = '%H%x1f%aI%x1f%an%x1f%s';

/** The id, date, author and subject of one commit. */
async function commitInfo(dir: string, commit: string): Promise<HistoryCommit> {
  const [id, date, author, subject] = (await git(dir, ['log', '-1', `--format=${FORMAT}`, commit]))
    .trim()
    .split('\x1f') as [string, string, string, string];
  return { commit: id, date, author, subject };
}

/** Loads the repository written in `folder`; a load with errors is a state not known. */
async function loadFolder(folder: string, present: boolean, options: WalkOptions): Promise<WalkState> {
  if (!present) return { kind: 'loaded', model: undefined };
  try {
    const loaded = await loadRepository(folder, options.loaders ? { loaders: options.loaders } : {});
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
    return errors.length > 0 ? { kind: 'not-loaded', errors } : { kind: 'loaded', model: loaded.model };
  } catch (error) {
    if (!(error instanceof TraceryError)) throw error;
    return {
      kind: 'not-loaded',
      errors: [{ code: 'repository-unreadable', severity: 'error', message: error.message }],
    };
  }
}

/**
 * Walks the history of a repository: the state at the parent of the oldest commit shown (the base),
 * then the state at each commit, oldest first. One folder is kept up to date with the files each
 * commit changed, whose contents come from one `git cat-file --batch` process; each state is loaded
 * from it. `visit` gets the base (`commit` undefined), the base again as a commit when it did not
 * load, and then every commit.
 */
export async function walkHistory(
  dir: string,
  options: WalkOptions,
  visit: (commit: HistoryCommit | undefined, state: WalkState) => void,
): Promise<HistoryCommit[]> {
  const location = await gitLocation(dir);
  const commits = await firstParentLog(dir, location.prefix, options.maxCommits);
  const base = commits[0]?.parent;
  const files = new Map<string, string>();
  for (const file of base ? await treeAtRevision(dir, base, isRepositoryFile, location) : [])
    files.set(file.path, file.oid);
  const folder = await mkdtemp(join(tmpdir(), 'tracery-history-'));
  const reader = new GitObjectReader(dir);
  try {
    const write = async (path: string, oid: string) => {
      await mkdir(dirname(join(folder, path)), { recursive: true });
      await writeFile(join(folder, path), await reader.read(oid));
    };
    await Promise.all([...files].map(([path, oid]) => write(path, oid)));
    const start = await loadFolder(folder, files.has('tracery.yaml'), options);
    visit(undefined, start);
    // A base that did not load is reported like any commit that did not load: the walk starts unknown.
    if (base && start.kind === 'not-loaded') visit(await commitInfo(dir, base), start);
    for (const [i, commit] of commits.entries()) {
      for (const [path, oid] of commit.changes) {
        if (oid === undefined) {
          files.delete(path);
          await rm(join(folder, path), { force: true });
        } else {
          files.set(path, oid);
          await write(path, oid);
        }
      }
      const state =
        commit.changes.size === 0
          ? ({ kind: 'unchanged' } as const)
          : await loadFolder(folder, files.has('tracery.yaml'), options);
      const { date, author, subject } = commit;
      visit({ commit: commit.commit, date, author, subject }, state);
      options.onProgress?.(i + 1, commits.length);
    }
  } finally {
    await reader.close();
    await rm(folder, { recursive: true, force: true });
  }
  return commits.map(({ commit, date, author, subject }) => ({ commit, date, author, subject }));
}
