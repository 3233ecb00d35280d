export {
  type CoverageResult,
  type CoverageVerdict,
  computeCoverage,
  type ElementCoverage,
  type KindCoverageCount,
  type NeedCoverage,
  type Orphan,
} from './compute-coverage.js';
export {
  type CoverageNeed,
  CoverageNeedSchema,
  type CoveragePolicy,
  CoveragePolicySchema,
  DEFAULT_COVERAGE_POLICY,
  type KindCoveragePolicy,
  KindCoveragePolicySchema,
} from './coverage-policy.js';
