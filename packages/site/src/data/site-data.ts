import {
  buildTestTrace,
  type CheckReport,
  type CoverageResult,
  checkRepository,
  computeCoverage,
  computeStats,
  type Element,
  type ElementCoverage,
  type ElementHistory,
  type Finding,
  type LoadedRepository,
  type RepositoryStats,
  type RequirementTrace,
  type TestTraceReport,
} from '@tracery/core';
import {
  type Comment,
  computeTracker,
  findSuspectLinks,
  type LoadedComments,
  loadComments,
  type SuspectLink,
  type TrackerReport,
} from '@tracery/core/advanced';
import { type DiagramInfo, readDiagrams } from './read-diagrams.js';
import { readHistories } from './read-histories.js';
import { type ProgressPoint, readProgress } from './read-progress.js';

/** Everything the pages show, computed once by core's own functions (the pages never recompute). */
export type SiteData = {
  readonly loaded: LoadedRepository;
  readonly stats: RepositoryStats;
  readonly coverage: CoverageResult;
  readonly trace: TestTraceReport;
  readonly check: CheckReport;
  readonly suspects: readonly SuspectLink[];
  readonly diagrams: readonly DiagramInfo[];
  /** Counts by month from git history (empty when not asked for or not in git). */
  readonly progress: readonly ProgressPoint[];
  /** The review comments (tracery.yaml `comments.files`), validated against the model. */
  readonly comments: LoadedComments;
  /** The Design Artefact Tracker, as `tracery tracker` computes it. */
  readonly tracker: TrackerReport;
  /** Git history of elements, by id (only for the elements it was read for). */
  readonly histories: ReadonlyMap<string, ElementHistory>;
  /** Look-ups by element id, built from the results above. */
  readonly index: SiteIndex;
};

/** The results above keyed by element id, so an element page finds its own in constant time. */
export type SiteIndex = {
  readonly coverage: ReadonlyMap<string, ElementCoverage>;
  readonly requirement: ReadonlyMap<string, RequirementTrace>;
  /** The requirements each test verifies, with the test's latest result there. */
  readonly testedBy: ReadonlyMap<string, readonly RequirementTrace[]>;
  readonly findings: ReadonlyMap<string, readonly Finding[]>;
  readonly suspects: ReadonlyMap<string, readonly SuspectLink[]>;
  readonly diagrams: ReadonlyMap<string, readonly DiagramInfo[]>;
  /** The comments on an artefact and those about an element (core's `commentsAbout`), sorted by id. */
  readonly comments: ReadonlyMap<string, readonly Comment[]>;
};

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function buildIndex(data: Omit<SiteData, 'index'>): SiteIndex {
  const testedBy = new Map<string, RequirementTrace[]>();
  for (const row of data.trace.requirements) for (const test of row.verifiedBy) push(testedBy, test.id, row);
  const findings = new Map<string, Finding[]>();
  for (const finding of data.check.findings)
    if (finding.elementId) push(findings, finding.elementId, finding);
  const suspects = new Map<string, SuspectLink[]>();
  for (const link of data.suspects) {
    push(suspects, link.source, link);
    if (link.target !== link.source) push(suspects, link.target, link);
  }
  const diagrams = new Map<string, DiagramInfo[]>();
  for (const diagram of data.diagrams)
    for (const id of new Set(diagram.links.values())) push(diagrams, id, diagram);
  // The same comments as core's commentsAbout(comments, id) gives for each id, in one pass.
  const comments = new Map<string, Comment[]>();
  for (const comment of data.comments.comments) {
    push(comments, comment.artefact, comment);
    if (comment.element !== undefined && comment.element !== comment.artefact)
      push(comments, comment.element, comment);
  }
  return {
    coverage: new Map(data.coverage.elements.map((c) => [c.id, c])),
    requirement: new Map(data.trace.requirements.map((r) => [r.id, r])),
    testedBy,
    findings,
    suspects,
    diagrams,
    comments,
  };
}

/** Options of {@link collectSiteData}. */
export type CollectOptions = {
  /** Read progress over time and each element's history from git (default true). */
  readonly history?: boolean;
  /** How many months of history (default 12). */
  readonly months?: number;
  /** How many recent commits the element pages' history looks at (default 200). */
  readonly commits?: number;
};

/**
 * Computes what the site shows from a loaded repository with core's functions: counts, coverage under
 * the repository's policy, the test trace with the latest results, the assurance findings and the
 * suspect links; and reads the BPMN diagrams the repository names.
 *
 * @example
 * const data = await collectSiteData(await loadRepository('packages/examples/mhhs'));
 */
export async function collectSiteData(
  loaded: LoadedRepository,
  options: CollectOptions = {},
): Promise<SiteData> {
  const settings = loaded.config.suspectLinks;
  const comments = await loadComments(loaded);
  const base = {
    loaded,
    stats: computeStats(loaded.model, loaded.diagnostics),
    coverage: computeCoverage(loaded.model, ...(loaded.config.coverage ? [loaded.config.coverage] : [])),
    trace: (await buildTestTrace(loaded)).report,
    check: await checkRepository(loaded),
    suspects: findSuspectLinks(loaded.model, {
      unreviewed: settings?.unreviewed ?? false,
      ...(settings?.types ? { types: settings.types } : {}),
    }),
    diagrams: await readDiagrams(loaded),
    progress: options.history === false ? [] : await readProgress(loaded, options.months),
    histories:
      options.history === false
        ? new Map<string, ElementHistory>()
        : await readHistories(loaded, options.commits),
    comments,
    tracker: computeTracker(loaded.model, comments.comments, {
      statuses: comments.statuses.map((s) => s.name),
    }),
  };
  return { ...base, index: buildIndex(base) };
}

/** The element with an id, or undefined when the model has none (a dangling id in a report). */
export function elementOf(data: SiteData, id: string): Element | undefined {
  return data.loaded.model.findElement(id);
}
