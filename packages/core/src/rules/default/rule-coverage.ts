import type { Model } from '../../model/model.js';
import type { TraceryConfig } from '../../repository/repository-config.js';
import {
  type CoverageResult,
  computeCoverage,
  type ElementCoverage,
} from '../../trace-coverage/compute-coverage.js';
import { DEFAULT_COVERAGE_POLICY } from '../../trace-coverage/coverage-policy.js';
import type { RuleContext, RuleInputs } from '../rule.js';

const computed = new WeakMap<RuleInputs, WeakMap<Model, CoverageResult>>();

/**
 * The coverage the coverage rules read: the one the caller gave (`inputs.coverage`, as
 * `checkRepository` does), else computed once per run from the model and the config's policy, so that
 * several rules share it.
 */
export function ruleCoverage(
  context: Pick<RuleContext<unknown>, 'inputs' | 'model' | 'config'>,
): CoverageResult {
  if (context.inputs.coverage) return context.inputs.coverage;
  let byModel = computed.get(context.inputs);
  if (!byModel) {
    byModel = new WeakMap();
    computed.set(context.inputs, byModel);
  }
  let result = byModel.get(context.model);
  if (!result) {
    result = computeCoverage(context.model, policyOf(context.config));
    byModel.set(context.model, result);
  }
  return result;
}

/** The coverage's elements by id and its excluded ids, for lookups; made once per coverage. */
export type CoverageLookup = {
  readonly byId: ReadonlyMap<string, ElementCoverage>;
  readonly excluded: ReadonlySet<string>;
};

const lookups = new WeakMap<CoverageResult, CoverageLookup>();

/** {@link CoverageLookup} of a coverage, shared by the rules that read it in one run. */
export function coverageLookup(coverage: CoverageResult): CoverageLookup {
  let lookup = lookups.get(coverage);
  if (!lookup) {
    const byId = new Map<string, ElementCoverage>();
    for (const e of coverage.elements) byId.set(e.id, e);
    lookup = { byId, excluded: new Set(coverage.excluded) };
    lookups.set(coverage, lookup);
  }
  return lookup;
}

const policyOf = (config: TraceryConfig | undefined) => config?.coverage ?? DEFAULT_COVERAGE_POLICY;
