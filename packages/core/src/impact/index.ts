export { actorsOf, DEFAULT_ACTOR_KINDS, DEFAULT_ACTOR_RELATIONS } from './actors-of.js';
export { computeImpact, type ImpactTree, impactTree, treePath } from './compute-impact.js';
export { formatImpactPath, hopRelation } from './format-impact-path.js';
export { type ImpactConfig, ImpactConfigSchema } from './impact-config.js';
export type { ActorImpact, ImpactedElement, ImpactHop, ImpactOptions, ImpactResult } from './impact-types.js';
export { type PropagationIndex, propagationIndex } from './propagation-index.js';
export { renderImpactMarkdown, renderImpactText } from './render-impact.js';
