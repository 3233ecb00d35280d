import { changedIds as changedIdsOf, diffSnapshots } from '../baseline/diff-snapshots.js';
import { type LoadedState, loadState } from '../baseline/load-state.js';
import { type DiffReport, diffReport } from '../baseline/render-diff.js';
import { createSnapshot } from '../baseline/snapshot.js';
import { type AssessOptions, assessChangeRequest } from '../change-request/assess-change-request.js';
import { assessOptionsFromConfig } from '../change-request/assess-options-from-config.js';
import type { ChangeAssessment } from '../change-request/change-assessment.js';
import { compareOptions, type OptionComparison } from '../change-request/compare-options.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMeanSuffix } from '../diagnostics/did-you-mean.js';
import { NotFoundError } from '../errors/tracery-error.js';
import { impactOfRepository } from '../impact/impact-of-repository.js';
import type { ImpactOptions, ImpactResult } from '../impact/impact-types.js';
import type { Metamodel } from '../metamodel/metamodel.js';
import type { Model } from '../model/model.js';
import type { PathStep } from '../model/path-step.js';
import type { LoadedRepository, LoadOptions } from '../repository/load-repository.js';
import type { TraceryConfig } from '../repository/repository-config.js';
import { checkRepository } from '../rules/check-repository.js';
import { defaultRules } from '../rules/default/index.js';
import type { Rule } from '../rules/rule.js';
import type { CheckReport } from '../rules/run-rules.js';
import { type BuiltTestTrace, buildTestTrace } from '../test-trace/build-test-trace.js';
import { type PathOptions, shortestPath } from '../trace/shortest-path.js';
import { traceDownstream } from '../trace/trace-downstream.js';
import { traceUpstream } from '../trace/trace-upstream.js';
import type { TraceHit, TraceOptions } from '../trace/walk-relations.js';
import type { CoverageResult } from '../trace-coverage/compute-coverage.js';
import { repositoryCoverage } from '../trace-coverage/repository-coverage.js';
import type { SourcePlugin } from './source-plugin.js';

/** Where an impact run starts: changed element ids, or what changed since a baseline or git revision. */
export type ImpactSeeds = Iterable<string> | { readonly since: string };

/** Options of {@link TraceryRepository.trace} without a target: which way, and the trace's filters. */
export type TraceWalkOptions = Omit<TraceOptions, 'direction'> & {
  /** `down` (the default) follows relations as they read, `up` against. */
  readonly direction?: 'down' | 'up';
};

/**
 * A repository opened by {@link openRepository}: everything {@link loadRepository} gives (so it can be
 * passed to any function that takes a `LoadedRepository`), and the questions the CLI answers, asked
 * with the settings of the repository's tracery.yaml. Each method gives what the matching
 * `tracery <command> --json` puts in its payload.
 *
 * @example
 * const repo = await openRepository('.');
 * if (!repo.ok) console.error(repo.diagnostics.map(formatDiagnostic).join('\n'));
 */
export class TraceryRepository implements LoadedRepository {
  readonly root: string;
  readonly config: TraceryConfig;
  readonly metamodel: Metamodel;
  readonly model: Model;
  readonly diagnostics: readonly Diagnostic[];
  readonly files: readonly string[];
  /** The source plugins the repository was loaded with (from tracery.yaml's `sources:`). */
  readonly plugins: readonly SourcePlugin[];

  /** How the other states of the model ({@link state}) are loaded: as this one was (its cache, its parser). */
  private readonly stateOptions: Pick<LoadOptions, 'cache' | 'fastParser'>;

  constructor(
    loaded: LoadedRepository,
    plugins: readonly SourcePlugin[],
    options: Pick<LoadOptions, 'cache' | 'fastParser'> = {},
  ) {
    this.root = loaded.root;
    this.config = loaded.config;
    this.metamodel = loaded.metamodel;
    this.model = loaded.model;
    this.diagnostics = loaded.diagnostics;
    this.files = loaded.files;
    this.plugins = plugins;
    this.stateOptions = options;
  }

  /** True when loading found no error (warnings allowed). */
  get ok(): boolean {
    return !this.diagnostics.some((d) => d.severity === 'error');
  }

  /**
   * What a change impacts and why, with tracery.yaml's `impact:` settings (`options` win): from element
   * ids, or from what changed since a baseline (`{ since: 'T1' }`) or a git revision (`{ since: 'git:HEAD~1' }`).
   * As `tracery impact`.
   *
   * @example
   * const repo = await openRepository('packages/examples/mhhs');
   * repo.impact(['DI-0023']).testsToRerun.map((t) => t.id)
   */
  async impact(seeds: ImpactSeeds, options: ImpactOptions = {}): Promise<ImpactResult> {
    const ids = 'since' in seeds ? await this.changedSince(seeds.since) : [...seeds];
    this.requireElements(ids, 'changed element');
    return impactOfRepository(this, ids, options);
  }

  /**
   * Assesses a change request (impact, artefacts to re-issue, tests to re-run, parties, estimate), or
   * compares the change requests that are the options of a decision, with tracery.yaml's `impact:` and
   * `estimate:` settings. As `tracery impact --cr` and `tracery impact --decision`.
   *
   * @example
   * const assessment = await repo.assess('CR001');
   * if ('changeRequest' in assessment) console.log(assessment.estimate?.days);
   */
  assess(id: string, options: AssessOptions = {}): ChangeAssessment | OptionComparison {
    const settings = assessOptionsFromConfig(this.config, options);
    const kind = this.model.findElement(id)?.kind;
    if (kind === 'Decision') return compareOptions(this.model, id, settings);
    if (kind !== 'ChangeRequest') {
      const candidates = [...this.model.idsOfKind('ChangeRequest'), ...this.model.idsOfKind('Decision')];
      throw new NotFoundError(
        `assess: "${id}" ${kind ? `is ${/^[AEIOU]/.test(kind) ? 'an' : 'a'} ${kind}, not a ChangeRequest or Decision` : 'names no change request or decision'}${didYouMeanSuffix(id, candidates) || '.'}`,
      );
    }
    return assessChangeRequest(this.model, id, settings);
  }

  /**
   * The coverage of the design by tracery.yaml's `coverage:` policy: what each element needs and has.
   *
   * @example
   * repo.coverage().elements.filter((e) => e.status !== 'covered')
   */
  coverage(): CoverageResult {
    return repositoryCoverage(this);
  }

  /**
   * The test-trace report: each requirement, what satisfies and verifies it, the latest JUnit results
   * (`sources.results`, or the globs given), and a verdict. As `tracery trace report`.
   *
   * @example
   * const { report } = await repo.testTrace();
   * report.summary.coveragePct
   */
  testTrace(results?: readonly string[]): Promise<BuiltTestTrace> {
    if (results === undefined) return buildTestTrace(this);
    const sources = { ...this.config.sources, results: [...results] };
    return buildTestTrace({ ...this, config: { ...this.config, sources } });
  }

  /**
   * Runs the design assurance rules: the default rules, the rules of the source plugins (BPMN notation)
   * and `rules`, with tracery.yaml's `rules:` settings. As `tracery check`.
   *
   * @example
   * const report = await repo.check();
   * report.findings.filter((f) => f.severity === 'error')
   */
  check(rules: readonly Rule[] = []): Promise<CheckReport> {
    const plugged = this.plugins.flatMap((p) => p.rules?.() ?? []);
    return checkRepository(this, { rules: [...defaultRules(), ...plugged, ...rules] });
  }

  /**
   * With a target: the path of relations from one element to the other that means the most, or
   * undefined (as `tracery trace A --to B`). Without: every element reached downstream (or `up`), each
   * with its path (as `tracery trace A --down`).
   *
   * @example
   * repo.trace('REQ-LSS-001', 'IF-022')?.map((s) => `${s.relation} ${s.direction}`)
   * repo.trace('REQ-LSS-001', { types: ['verifiedBy'] }).map((h) => h.id)
   */
  trace(from: string, to: string, options?: PathOptions): PathStep[] | undefined;
  trace(from: string, options?: TraceWalkOptions): TraceHit[];
  trace(
    from: string,
    to?: string | TraceWalkOptions,
    options: PathOptions = {},
  ): PathStep[] | TraceHit[] | undefined {
    if (typeof to === 'string') {
      this.requireElements([from, to], 'element');
      return shortestPath(this.model, from, to, options);
    }
    this.requireElements([from], 'element');
    const { direction, ...walk } = to ?? {};
    return direction === 'up'
      ? traceUpstream(this.model, from, walk)
      : traceDownstream(this.model, from, walk);
  }

  /**
   * What changed between two states of the model: a baseline name, `git:<revision>`, or `working` (the
   * files as they are, the default for `other`). As `tracery diff`.
   *
   * @example
   * const report = await repo.diff('T1');
   * report.counts.elementsChanged
   */
  async diff(base: string, other = 'working'): Promise<DiffReport> {
    const [from, to] = await Promise.all([this.state(base), this.state(other)]);
    return diffReport(from.label, to.label, diffSnapshots(from.snapshot, to.snapshot));
  }

  /** One state of the model, loaded with the same source plugins as this repository. */
  state(spec: string): Promise<LoadedState> {
    const options: LoadOptions = { ...this.stateOptions, loaders: this.plugins.map((p) => p.loader()) };
    return loadState(this.root, spec, options);
  }

  /** The ids of the elements changed since a baseline or revision that are still in the model. */
  private async changedSince(since: string): Promise<string[]> {
    const base = await this.state(since);
    const changed = changedIdsOf(diffSnapshots(base.snapshot, createSnapshot(this.model)));
    return changed.filter((id) => this.model.hasElement(id));
  }

  private requireElements(ids: readonly string[], what: string): void {
    for (const id of ids) {
      if (this.model.hasElement(id)) continue;
      throw new NotFoundError(
        `no ${what} "${id}" in the model${didYouMeanSuffix(id, this.model.elementIds()) || '.'}`,
      );
    }
  }
}
