import { elementHash } from '../baseline/content-hash.js';
import { elementChanges, type FieldChange } from '../baseline/diff-snapshots.js';
import { git } from '../baseline/git.js';
import { loadRepositoryAtRevision } from '../baseline/load-state.js';
import { InvalidArgumentError } from '../errors/tracery-error.js';
import type { Element, Relation } from '../model/element.js';
import type { Model } from '../model/model.js';
import type { LoadOptions } from '../repository/load-repository.js';

/** One commit in which an element's content or links changed. */
export type HistoryEntry = {
  readonly commit: string;
  /** The author date, ISO 8601. */
  readonly date: string;
  readonly author: string;
  readonly subject: string;
  readonly change: 'added' | 'removed' | 'changed';
  /** The fields that changed, with before and after (empty when added or removed). */
  readonly fields: readonly FieldChange[];
  /** Links at the element that the commit added or removed, as `source -type-> target`. */
  readonly linksAdded: readonly string[];
  readonly linksRemoved: readonly string[];
};

/** The history of one element, newest commit first. */
export type ElementHistory = { readonly id: string; readonly entries: readonly HistoryEntry[] };

type State = { element?: Element; hash?: string; links: Set<string> };

const describe = (r: Relation) => `${r.source} -${r.type}-> ${r.target}`;

function stateOf(model: Model, id: string): State {
  const element = model.findElement(id);
  if (!element) return { links: new Set() };
  const links = new Set<string>();
  for (const edge of model.graph.edges(id))
    links.add(describe(model.graph.getEdgeAttribute(edge, 'relation')));
  return { element, hash: elementHash(element), links };
}

function compare(
  before: State,
  after: State,
): Omit<HistoryEntry, 'commit' | 'date' | 'author' | 'subject'> | undefined {
  const linksAdded = [...after.links].filter((l) => !before.links.has(l)).sort();
  const linksRemoved = [...before.links].filter((l) => !after.links.has(l)).sort();
  if (!before.element && !after.element) return undefined;
  if (!before.element) return { change: 'added', fields: [], linksAdded, linksRemoved };
  if (!after.element) return { change: 'removed', fields: [], linksAdded, linksRemoved };
  if (before.hash === after.hash && linksAdded.length === 0 && linksRemoved.length === 0) return undefined;
  return {
    change: 'changed',
    fields: elementChanges(before.element, after.element),
    linksAdded,
    linksRemoved,
  };
}

/** The commits that touched a repository's files (not its baselines or reports), oldest first. */
async function commitsOf(dir: string, maxCommits: number) {
  const log = await git(dir, [
    'log',
    `--max-count=${maxCommits}`,
    '--format=%H%x1f%aI%x1f%an%x1f%s%x1e',
    '--',
    '.',
    ':(exclude)baselines',
    ':(exclude)out',
  ]);
  return log
    .split('\x1e')
    .map((record) => record.trim())
    .filter((record) => record !== '')
    .map((record) => {
      const [commit, date, author, subject] = record.split('\x1f') as [string, string, string, string];
      return { commit, date, author, subject };
    })
    .reverse();
}

/**
 * The history of an element from git: every commit (of the repository's files) in which the element
 * was added, removed, or changed (field by field) or gained or lost a link, newest first. Each commit
 * is read with git, without a checkout.
 *
 * @example
 * const { entries } = await elementHistory('packages/examples/mhhs', 'IF-021');
 */
export async function elementHistory(
  dir: string,
  id: string,
  options: { readonly maxCommits?: number; readonly loaders?: LoadOptions['loaders'] } = {},
): Promise<ElementHistory> {
  const maxCommits = options.maxCommits ?? 200;
  if (!Number.isInteger(maxCommits) || maxCommits < 1)
    throw new InvalidArgumentError(
      `options.maxCommits: expected a positive whole number, got ${maxCommits}.`,
    );
  const entries: HistoryEntry[] = [];
  let before: State = { links: new Set() };
  for (const commit of await commitsOf(dir, maxCommits)) {
    const loaded = await loadRepositoryAtRevision(
      dir,
      commit.commit,
      options.loaders ? { loaders: options.loaders } : {},
    ).catch(() => undefined);
    const after = loaded ? stateOf(loaded.model, id) : { links: new Set<string>() };
    const change = compare(before, after);
    if (change) entries.push({ ...commit, ...change });
    before = after;
  }
  return { id, entries: entries.reverse() };
}
