export {
  type AcceptedFinding,
  AcceptedFindingSchema,
  type AcceptedFindingsFile,
  AcceptedFindingsFileSchema,
  acceptedFindingsYaml,
} from './accepted-findings.js';
export { type CheckRepositoryOptions, checkRepository, readAcceptedFindings } from './check-repository.js';
export { normaliseName } from './default/duplicate-name.js';
export { defaultRules } from './default/index.js';
export {
  type Finding,
  FindingSchema,
  findingFingerprint,
  type SuppressedFinding,
  SuppressedFindingSchema,
  type Suppression,
  SuppressionSchema,
} from './finding.js';
export { readRuleInputs } from './repository-inputs.js';
export {
  defineRule,
  type FindingInput,
  type Rule,
  type RuleContext,
  type RuleDefinition,
  type RuleInputs,
  type SuspectLinkInput,
  type TestOutcomeInput,
} from './rule.js';
export { hasRelated, relatedIds } from './rule-context.js';
export { RuleRegistry } from './rule-registry.js';
export {
  type RuleSuppression,
  RuleSuppressionSchema,
  type RulesConfig,
  RulesConfigSchema,
} from './rules-config.js';
export {
  type CheckReport,
  type RuleSummary,
  type RunRulesInput,
  type RunRulesOptions,
  runRules,
} from './run-rules.js';
