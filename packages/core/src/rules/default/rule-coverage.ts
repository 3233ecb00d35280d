import type { Model } from '../../model/model.js';
import type { TraceryConfig } from '../../repository/repository-config.js';
import { type CoverageResult, computeCoverage } from '../../trace-coverage/compute-coverage.js';
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

const policyOf = (config: TraceryConfig | undefined) => config?.coverage ?? DEFAULT_COVERAGE_POLICY;
