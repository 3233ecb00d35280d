export { actorsOf, DEFAULT_ACTOR_KINDS, DEFAULT_ACTOR_RELATIONS } from './actors-of.js';
export { computeImpact, treePath } from './compute-impact.js';
export { type ImpactConfig, ImpactConfigSchema, ImpactEffectOverrideSchema } from './impact-config.js';
export {
  type ImpactRepository,
  impactOfRepository,
  impactOptionsFromConfig,
} from './impact-of-repository.js';
export { DEFAULT_FOLLOW_UPS } from './impact-run-tables.js';
export { type ImpactTree, impactTree } from './impact-tree.js';
export type {
  ActorImpact,
  FollowUp,
  ImpactEffectOverrides,
  ImpactedElement,
  ImpactOptions,
  ImpactReach,
  ImpactResult,
  ImpactStep,
} from './impact-types.js';
export { type PropagationIndex, propagationIndex } from './propagation-index.js';
export { type RenderImpactOptions, renderImpactMarkdown, renderImpactText } from './render-impact.js';
