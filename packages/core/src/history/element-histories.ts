import { elementHash } from '../baseline/content-hash.js';
import { elementChanges, type FieldChange } from '../baseline/diff-snapshots.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { InvalidArgumentError } from '../errors/tracery-error.js';
import type { Element } from '../model/element.js';
import { describeRelation, type Model } from '../model/model.js';
import type { LoadOptions } from '../repository/load-repository.js';
import { type HistoryCommit, walkHistory } from './history-walk.js';

/**
 * One commit in an element's history: the element was added, removed or changed (fields, links), or
 * the commit's files did not load (`not-loaded`, with the errors): what it did to the element is not
 * known, and the next commit that loads is compared with the last one that did.
 */
export type HistoryEntry = HistoryCommit & {
  readonly change: 'added' | 'removed' | 'changed' | 'not-loaded';
  /** The fields that changed, with before and after (empty when added, removed or not loaded). */
  readonly fields: readonly FieldChange[];
  /** Links at the element that the commit added or removed, as `source -type-> target`. */
  readonly linksAdded: readonly string[];
  readonly linksRemoved: readonly string[];
  /** When `not-loaded`: the commit's load errors. */
  readonly errors?: readonly Diagnostic[];
};

/** A commit whose files did not load, with its load errors. */
export type NotLoadedCommit = HistoryCommit & { readonly errors: readonly Diagnostic[] };

/** The history of every element, from one walk of the git history. */
export type ElementHistories = {
  /** The commits walked (those that touched the repository's files, first parents only), newest first. */
  readonly commits: readonly HistoryCommit[];
  /** The commits whose files did not load, newest first. */
  readonly notLoaded: readonly NotLoadedCommit[];
  /**
   * Per element id (sorted), the commits that added, removed or changed it, newest first; a commit
   * that did not load is listed for each element the model held just before or just after it.
   */
  readonly elements: ReadonlyMap<string, readonly HistoryEntry[]>;
};

/** Options of {@link elementHistories}. */
export type ElementHistoriesOptions = {
  /** Look at most at the last `maxCommits` commits (default 200). */
  readonly maxCommits?: number;
  /** Only these elements (default: every element any commit held). */
  readonly ids?: readonly string[];
  readonly loaders?: LoadOptions['loaders'];
  /** Called after each commit is read: `done` of `total` (the CLI draws progress with it). */
  readonly onProgress?: (done: number, total: number) => void;
};

type ElementState = { readonly element: Element; readonly hash: string; readonly links: Set<string> };
type State = ReadonlyMap<string, ElementState>;

function stateOf(model: Model, ids: ReadonlySet<string> | undefined): State {
  const state = new Map<string, ElementState>();
  for (const element of model.elements())
    if (!ids || ids.has(element.id))
      state.set(element.id, { element, hash: elementHash(element), links: new Set() });
  for (const relation of model.relations()) {
    const link = describeRelation(relation);
    state.get(relation.source)?.links.add(link);
    state.get(relation.target)?.links.add(link);
  }
  return state;
}

const minus = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].filter((x) => !b.has(x)).sort();

/** What a commit did to one element, or undefined when nothing. */
function compare(
  before: ElementState | undefined,
  after: ElementState | undefined,
): Pick<HistoryEntry, 'change' | 'fields' | 'linksAdded' | 'linksRemoved'> | undefined {
  if (!before && !after) return undefined;
  const linksAdded = minus(after?.links ?? new Set(), before?.links ?? new Set());
  const linksRemoved = minus(before?.links ?? new Set(), after?.links ?? new Set());
  if (!before) return { change: 'added', fields: [], linksAdded, linksRemoved };
  if (!after) return { change: 'removed', fields: [], linksAdded, linksRemoved };
  if (before.hash === after.hash && linksAdded.length === 0 && linksRemoved.length === 0) return undefined;
  return {
    change: 'changed',
    fields: elementChanges(before.element, after.element),
    linksAdded,
    linksRemoved,
  };
}

/** Collects entries per element, oldest first, while the walk goes. */
class Collector {
  readonly elements = new Map<string, HistoryEntry[]>();
  readonly notLoaded: NotLoadedCommit[] = [];
  /** The last state that loaded; undefined while none has (the base did not load). */
  private before: State | undefined;
  /** Commits that did not load since the last state that did. */
  private gap: NotLoadedCommit[] = [];

  constructor(private readonly ids: ReadonlySet<string> | undefined) {}

  private push(id: string, entry: HistoryEntry): void {
    const list = this.elements.get(id);
    if (list) list.push(entry);
    else this.elements.set(id, [entry]);
  }

  base(model: Model | undefined, loaded: boolean): void {
    this.before = loaded ? (model ? stateOf(model, this.ids) : new Map()) : undefined;
  }

  notLoadedCommit(commit: HistoryCommit, errors: readonly Diagnostic[]): void {
    const entry = { ...commit, errors };
    this.notLoaded.push(entry);
    this.gap.push(entry);
  }

  loaded(commit: HistoryCommit, model: Model | undefined): void {
    const after: State = model ? stateOf(model, this.ids) : new Map();
    this.closeGap(after);
    if (this.before)
      for (const id of new Set([...this.before.keys(), ...after.keys()])) {
        const change = compare(this.before.get(id), after.get(id));
        if (change) this.push(id, { ...commit, ...change });
      }
    this.before = after;
  }

  /** Lists each commit that did not load for the elements held just before or just after it. */
  closeGap(after: State | undefined): void {
    const held = new Set([...(this.before?.keys() ?? []), ...(after?.keys() ?? [])]);
    for (const { errors, ...commit } of this.gap)
      for (const id of held)
        this.push(id, {
          ...commit,
          change: 'not-loaded',
          fields: [],
          linksAdded: [],
          linksRemoved: [],
          errors,
        });
    this.gap = [];
  }
}

/**
 * The history of every element from git, in one walk: each commit that touched the repository's files
 * (first parents only; a merge is compared with its first parent) is read once, and every element's
 * additions, removals and changes (field by field, link by link) are collected. The walk starts from
 * the parent of the oldest commit it shows, so an element that existed before is not "added". A commit
 * whose files fail to load is reported as such, never as its elements removed and added again. File
 * contents are read by one `git cat-file --batch` process. The site's element pages use it.
 *
 * @example
 * const { elements } = await elementHistories('packages/examples/mhhs', { maxCommits: 50 });
 * elements.get('IF-021') // the commits that changed IF-021, newest first
 */
export async function elementHistories(
  dir: string,
  options: ElementHistoriesOptions = {},
): Promise<ElementHistories> {
  const maxCommits = options.maxCommits ?? 200;
  if (!Number.isInteger(maxCommits) || maxCommits < 1)
    throw new InvalidArgumentError(
      `options.maxCommits: expected a positive whole number, got ${maxCommits}.`,
    );
  const collector = new Collector(options.ids ? new Set(options.ids) : undefined);
  const commits = await walkHistory(
    dir,
    {
      maxCommits,
      ...(options.loaders ? { loaders: options.loaders } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    },
    (commit, state) => {
      if (!commit) collector.base(state.kind === 'loaded' ? state.model : undefined, state.kind === 'loaded');
      else if (state.kind === 'not-loaded') collector.notLoadedCommit(commit, state.errors);
      else if (state.kind === 'loaded') collector.loaded(commit, state.model);
    },
  );
  collector.closeGap(undefined);
  const ids = [...collector.elements.keys()].sort();
  return {
    commits: commits.reverse(),
    notLoaded: collector.notLoaded.reverse(),
    elements: new Map(ids.map((id) => [id, collector.elements.get(id)!.reverse()] as const)),
  };
}
