/**
 * `@tracery/core`: what a design-assurance script needs. Open a repository, query its model, and ask
 * the questions the CLI answers (impact, assess, coverage, check, trace, diff, history).
 *
 * Beside the root:
 * - `@tracery/core/schemas`: the zod schemas of every file and output, and their JSON Schemas;
 * - `@tracery/core/render`: text, Markdown, HTML, CSV, SARIF and JUnit renderers of the results;
 * - `@tracery/core/advanced`: the pieces tools are built from (source loaders, the rules engine,
 *   baselines and reviews, comments, spreadsheets, the tracker, metamodel extension);
 * - `@tracery/core/testing`: synthetic models for tests and benchmarks.
 *
 * @example
 * const repo = await openRepository('.');
 * const impact = await repo.impact(['DI-0023']);
 *
 * @packageDocumentation
 */
export {
  changedIds,
  createSnapshot,
  type DiffReport,
  diffReport,
  diffSnapshots,
  type ElementChange,
  type FieldChange,
  isEmptyDiff,
  type LoadedState,
  loadState,
  type ModelDiff,
  type RelationChange,
  type Snapshot,
} from './baseline/index.js';
export {
  type AffectedParty,
  type AssessedElement,
  type AssessOptions,
  assessChangeRequest,
  assessOptionsFromConfig,
  type ChangeAssessment,
  compareOptions,
  type Estimate,
  type EstimateLine,
  type FollowUp,
  type OptionComparison,
  type OptionSummary,
  type RequestedChange,
} from './change-request/index.js';
export {
  compareDiagnostics,
  DIAGNOSTIC_CODES,
  type Diagnostic,
  type DiagnosticCode,
  formatDiagnostic,
  formatSourceRef,
  hasErrors,
  type Severity,
  type SourceRef,
} from './diagnostics/index.js';
export { InvalidArgumentError, NotFoundError, RepositoryError, TraceryError } from './errors/index.js';
export { failsCheck } from './findings/index.js';
export {
  type ElementHistory,
  elementHistory,
  type HistoryCommit,
  type HistoryEntry,
  type NotLoadedCommit,
} from './history/index.js';
export {
  type ActorImpact,
  computeImpact,
  type ImpactedElement,
  type ImpactOptions,
  type ImpactReach,
  type ImpactResult,
  type ImpactStep,
  impactOfRepository,
  impactOptionsFromConfig,
} from './impact/index.js';
export {
  type AttributeDef,
  type AttributeType,
  type DefaultKind,
  type DefaultRelationType,
  defaultMetamodel,
  type KindDef,
  type KindName,
  type Metamodel,
  type RelationName,
  type RelationTypeDef,
  type RelationTypeName,
  type TraceryKinds,
  type TraceryRelationNames,
} from './metamodel/index.js';
export { computeStats, type RepositoryStats } from './metrics/index.js';
export {
  type AttributeValue,
  compareById,
  describeRelation,
  type Element,
  type ElementFilter,
  type ElementOfKind,
  fieldValue,
  findCycles,
  findElements,
  formatPath,
  Model,
  type Origin,
  type PathStep,
  type Relation,
  type RelationQuery,
  type RelationView,
  related,
  relationsOf,
  type StepDirection,
} from './model/index.js';
export {
  type ImpactSeeds,
  type OpenOptions,
  openRepository,
  TraceryRepository,
  type TraceWalkOptions,
} from './open/index.js';
export {
  CONFIG_FILE,
  type LoadedRepository,
  type LoadOptions,
  loadRepository,
  type TraceryConfig,
} from './repository/index.js';
export type { TestResult, TestStatus } from './results/index.js';
export {
  type CheckReport,
  type CheckRepositoryOptions,
  checkRepository,
  defaultRules,
  defineRule,
  type Finding,
  type Rule,
  type RuleContext,
  type RuleDefinition,
} from './rules/index.js';
export {
  type BuiltTestTrace,
  buildTestTrace,
  type RequirementTrace,
  type SummaryRow,
  type TestTraceOptions,
  type TestTraceReport,
  type TestTraceVerdict,
  testTraceReport,
  type VerifyingTest,
} from './test-trace/index.js';
export {
  allSimplePaths,
  type PathOptions,
  type SimplePathOptions,
  type SimplePaths,
  shortestPath,
  type TraceDirection,
  type TraceHit,
  type TraceMatrix,
  type TraceMatrixLink,
  type TraceMatrixOptions,
  type TraceOptions,
  traceDownstream,
  traceMatrix,
  traceUpstream,
} from './trace/index.js';
export {
  type CoverageLinkProblem,
  type CoverageOptions,
  type CoverageResult,
  type CoverageVerdict,
  computeCoverage,
  type ElementCoverage,
  type IgnoredCoverage,
  type IgnoredReason,
  type KindCoverageCount,
  type NeedCoverage,
  type Orphan,
  repositoryCoverage,
} from './trace-coverage/index.js';
