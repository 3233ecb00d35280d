export type {
  IgnoredCoverage,
  IgnoredReason,
  NeedCoverage,
} from './classify-coverers.js';
export {
  type CoverageLinkProblem,
  type CoverageOptions,
  type CoverageResult,
  type CoverageVerdict,
  computeCoverage,
  type ElementCoverage,
  type KindCoverageCount,
  type Orphan,
} from './compute-coverage.js';
export {
  type CoverageNeed,
  CoverageNeedSchema,
  type CoveragePolicy,
  CoveragePolicySchema,
  DEFAULT_COVERAGE_POLICY,
  DEFAULT_EXCLUDED_STATUSES,
  type KindCoveragePolicy,
  KindCoveragePolicySchema,
} from './coverage-policy.js';
export { repositoryCoverage } from './repository-coverage.js';
