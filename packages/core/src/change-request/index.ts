export {
  type AssessOptions,
  assessChangeRequest,
  estimateEffort,
  requestedChanges,
} from './assess-change-request.js';
export { assessOptionsFromConfig } from './assess-options-from-config.js';
export type {
  AffectedParty,
  AssessedElement,
  AssessmentSettings,
  ChangeAssessment,
  Estimate,
  EstimateLine,
  FollowUp,
  RequestedChange,
} from './change-assessment.js';
export { compareOptions, type OptionComparison, type OptionSummary, optionsOf } from './compare-options.js';
export { type EstimateConfig, EstimateConfigSchema } from './estimate-config.js';
export { partyPathsDiagram, renderAssessmentMarkdown, renderAssessmentText } from './render-assessment.js';
export { renderComparisonMarkdown, renderComparisonText } from './render-comparison.js';
