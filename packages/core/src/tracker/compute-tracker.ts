import type { Comment } from '../comments/comment.js';
import { DEFAULT_COMMENT_STATUSES } from '../comments/comments-config.js';
import type { Element } from '../model/element.js';
import type { Model } from '../model/model.js';
import { relatedIds } from '../rules/rule-context.js';
import { StatusCounter, sumCounts } from './status-counter.js';
import type {
  TrackerArtefact,
  TrackerConstituency,
  TrackerInterface,
  TrackerReport,
  TrackerService,
  TrackerTranche,
} from './tracker-types.js';

/** Options of {@link computeTracker}. */
export type TrackerOptions = {
  /** The status names in display order (default: the programme's four and open). */
  readonly statuses?: readonly string[];
  /** Only the artefacts of this tranche, and their comments. */
  readonly tranche?: string;
  /** Only the comments of this review round. */
  readonly round?: string;
};

/** The label of artefacts that have no tranche or no service. */
export const NONE = '(none)';

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function text(element: Element, name: string): string | undefined {
  const value = element.attributes[name];
  return typeof value === 'string' ? value : value === undefined ? undefined : String(value);
}

function artefactRow(element: Element, counter: StatusCounter, organisations: number): TrackerArtefact {
  const fields: Record<string, string | undefined> = {
    tranche: element.tranche,
    service: text(element, 'service'),
    status: element.status,
    version: text(element, 'version'),
    ragLastMonth: text(element, 'ragLastMonth'),
    ragThisMonth: text(element, 'ragThisMonth'),
    plannedMonth: text(element, 'plannedMonth'),
    expectedMonth: text(element, 'expectedMonth'),
    issues: text(element, 'issues'),
    actions: text(element, 'actions'),
  };
  const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  return { id: element.id, name: element.name, ...defined, comments: counter.result(), organisations };
}

function ragOf(artefacts: readonly TrackerArtefact[]): Record<string, number> {
  const rag: Record<string, number> = {};
  for (const a of artefacts) rag[a.ragThisMonth ?? NONE] = (rag[a.ragThisMonth ?? NONE] ?? 0) + 1;
  return Object.fromEntries(Object.entries(rag).sort(([a], [b]) => byText(a, b)));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return new Map([...groups].sort(([a], [b]) => byText(a, b)));
}

function tranchesOf(statuses: readonly string[], artefacts: readonly TrackerArtefact[]): TrackerTranche[] {
  return [...groupBy(artefacts, (a) => a.tranche ?? NONE)].map(([tranche, inTranche]) => {
    const services = [...groupBy(inTranche, (a) => a.service ?? NONE)].map(
      ([service, list]): TrackerService => ({
        service,
        artefacts: list,
        rag: ragOf(list),
        comments: sumCounts(
          statuses,
          list.map((a) => a.comments),
        ),
      }),
    );
    return {
      tranche,
      services,
      artefactCount: inTranche.length,
      rag: ragOf(inTranche),
      comments: sumCounts(
        statuses,
        inTranche.map((a) => a.comments),
      ),
    };
  });
}

/** Counters that also count the distinct organisations seen. */
class Tally {
  readonly counter: StatusCounter;
  readonly organisations = new Set<string>();
  constructor(statuses: readonly string[]) {
    this.counter = new StatusCounter(statuses);
  }
  add(comment: Comment): void {
    this.counter.add(comment.status);
    this.organisations.add(comment.organisation);
  }
}

function tallies(statuses: readonly string[], keys: Iterable<string>): Map<string, Tally> {
  return new Map([...keys].map((k) => [k, new Tally(statuses)]));
}

function interfacesOf(model: Model, selected: ReadonlySet<string>): Map<string, string[]> {
  const byArtefact = new Map<string, string[]>();
  for (const id of model.idsOfKind('Interface'))
    for (const artefact of relatedIds(model, id, 'documentedIn')) {
      if (!selected.has(artefact)) continue;
      const list = byArtefact.get(artefact) ?? [];
      list.push(id);
      byArtefact.set(artefact, list);
    }
  return byArtefact;
}

function interfaceRows(
  model: Model,
  statuses: readonly string[],
  selected: ReadonlySet<string>,
  comments: readonly Comment[],
): TrackerInterface[] {
  const documenting = interfacesOf(model, selected);
  const rows = new Map<string, { tally: Tally; artefacts: Set<string> }>();
  const rowOf = (id: string) => {
    const found = rows.get(id);
    if (found) return found;
    const row = { tally: new Tally(statuses), artefacts: new Set<string>() };
    rows.set(id, row);
    return row;
  };
  for (const [artefact, interfaces] of documenting)
    for (const id of interfaces) rowOf(id).artefacts.add(artefact);
  for (const comment of comments) {
    const targets = new Set(documenting.get(comment.artefact) ?? []);
    if (comment.element !== undefined && model.findElement(comment.element)?.kind === 'Interface')
      targets.add(comment.element);
    for (const id of targets) rowOf(id).tally.add(comment);
  }
  return [...rows]
    .filter(([, row]) => row.tally.counter.result().total > 0)
    .sort(([a], [b]) => byText(a, b))
    .map(([id, row]) => ({
      id,
      name: model.getElement(id).name,
      artefacts: [...row.artefacts].sort(byText),
      comments: row.tally.counter.result(),
    }));
}

/**
 * The Design Artefact Tracker: every Artefact (by tranche and service) with its RAG, months, issues,
 * actions and review comments by status; comments per interface (on the artefacts that document it, or
 * about it) and per constituency with the number of organisations; and the totals. Sorted by id.
 *
 * @example
 * const { comments, statuses } = await loadComments(loaded);
 * const tracker = computeTracker(loaded.model, comments, { statuses: statuses.map((s) => s.name), tranche: 'T1' });
 * tracker.totals.comments.total // 707
 */
export function computeTracker(
  model: Model,
  comments: readonly Comment[],
  options: TrackerOptions = {},
): TrackerReport {
  const statuses = options.statuses ?? DEFAULT_COMMENT_STATUSES.map((s) => s.name);
  const elements = [...model.idsOfKind('Artefact')]
    .map((id) => model.getElement(id))
    .filter((e) => options.tranche === undefined || e.tranche === options.tranche)
    .sort((a, b) => byText(a.id, b.id));
  const selected = new Set(elements.map((e) => e.id));
  const counted = comments.filter(
    (c) => selected.has(c.artefact) && (options.round === undefined || c.round === options.round),
  );
  const perArtefact = tallies(statuses, selected);
  const constituencies = new Map<string, Tally>();
  const organisations = new Set<string>();
  for (const comment of counted) {
    perArtefact.get(comment.artefact)!.add(comment);
    const tally = constituencies.get(comment.constituency) ?? new Tally(statuses);
    constituencies.set(comment.constituency, tally);
    tally.add(comment);
    organisations.add(comment.organisation);
  }
  const artefacts = elements.map((e) => {
    const tally = perArtefact.get(e.id)!;
    return artefactRow(e, tally.counter, tally.organisations.size);
  });
  const constituencyRows: TrackerConstituency[] = [...constituencies]
    .sort(([a], [b]) => byText(a, b))
    .map(([constituency, tally]) => ({
      constituency,
      organisations: tally.organisations.size,
      comments: tally.counter.result(),
    }));
  return {
    statuses,
    ...(options.tranche === undefined ? {} : { tranche: options.tranche }),
    tranches: tranchesOf(statuses, artefacts),
    artefacts,
    interfaces: interfaceRows(model, statuses, selected, counted),
    constituencies: constituencyRows,
    totals: {
      artefacts: artefacts.length,
      comments: sumCounts(
        statuses,
        artefacts.map((a) => a.comments),
      ),
      organisations: organisations.size,
      constituencies: constituencyRows.length,
    },
  };
}
