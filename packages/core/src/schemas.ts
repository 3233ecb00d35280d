/**
 * `@tracery/core/schemas`: the zod schemas that are the source of truth for every file Tracery reads
 * (tracery.yaml and its sections, model files, baselines, comments, accepted findings) and every
 * result it writes, and the JSON Schemas generated from them.
 *
 * @example
 * TraceryConfigSchema.parse({ name: 'demo' });
 *
 * @packageDocumentation
 */
export {
  BaselineFileSchema,
  SuspectLinksConfigSchema,
} from './baseline/index.js';
export { EstimateConfigSchema } from './change-request/index.js';
export {
  CommentEntrySchema,
  CommentFileSchema,
  CommentResolutionSchema,
  CommentSchema,
  CommentStatusDefSchema,
  CommentsConfigSchema,
  commentFileJsonSchema,
} from './comments/index.js';
export {
  DiagnosticSchema,
  SeveritySchema,
  SourceRefSchema,
} from './diagnostics/index.js';
export {
  ImpactConfigSchema,
  ImpactEffectOverrideSchema,
} from './impact/index.js';
export {
  AttributeDefSchema,
  AttributeTypeSchema,
  attributeValueSchema,
  elementFileSchema,
  ImpactEffectSchema,
  KindDefSchema,
  KindEndsSchema,
  MetamodelExtensionSchema,
  modelFileSchema,
  RelationCategorySchema,
  RelationImpactSchema,
  RelationTypeDefSchema,
  relationRowSchema,
  relationTargetSchema,
} from './metamodel/index.js';
export {
  AttributeValueSchema,
  ElementSchema,
  RelationSchema,
} from './model/index.js';
export {
  LimitsSchema,
  ReqifConfigSchema,
  SourcesSchema,
  TraceryConfigSchema,
} from './repository/index.js';
export {
  ResultLinkSchema,
  ResultsConfigSchema,
  TestReportSchema,
  TestResultSchema,
  TestStatusSchema,
} from './results/index.js';
export {
  AcceptedFindingSchema,
  AcceptedFindingsFileSchema,
  FindingSchema,
  RuleSuppressionSchema,
  RulesConfigSchema,
  SuppressedFindingSchema,
  SuppressionSchema,
} from './rules/index.js';
export {
  type JsonSchema,
  jsonSchemas,
} from './schema/index.js';
export {
  ColumnSpecSchema,
  SpreadsheetMappingSchema,
  SpreadsheetsConfigSchema,
} from './spreadsheet/index.js';
export {
  RequirementTraceSchema,
  SummaryRowSchema,
  TestTraceReportSchema,
  TestTraceVerdictSchema,
  VerifyingTestSchema,
} from './test-trace/index.js';
export {
  CoverageNeedSchema,
  CoveragePolicySchema,
  KindCoveragePolicySchema,
} from './trace-coverage/index.js';
