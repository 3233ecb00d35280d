export { type CanonicalModel, canonicalElement, canonicalModel } from './canonical-model.js';
export {
  type AttributeValue,
  AttributeValueSchema,
  ELEMENT_BASE_KEYS,
  type Element,
  ElementSchema,
  type Relation,
  RelationSchema,
  relationKey,
} from './element.js';
export { findCycles } from './find-cycles.js';
export { createIdTemplateFiller, defaultIdTemplate } from './id-template.js';
export { describeRelation, Model, type Origin } from './model.js';
export {
  compareById,
  type ElementFilter,
  type ElementOfKind,
  fieldValue,
  findElements,
  type RelationQuery,
  type RelationView,
  related,
  relationsOf,
} from './model-queries.js';
export { formatPath, type PathStep, type StepDirection, stepRelation } from './path-step.js';
