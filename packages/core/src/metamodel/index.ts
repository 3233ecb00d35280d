export { BASE_FIELDS, BASE_RELATION_FIELDS, RESERVED_FIELD_NAMES } from './base-fields.js';
export { DEFAULT_KINDS, DEFAULT_RELATION_TYPES } from './default-metamodel.js';
export {
  type AttributeSummary,
  describeMetamodel,
  type KindSummary,
  type MetamodelSummary,
  type RelationTypeSummary,
} from './describe-metamodel.js';
export {
  attributeValueSchema,
  elementFileSchema,
  modelFileSchema,
  relationRowSchema,
  relationTargetSchema,
} from './element-schema.js';
export {
  createMetamodel,
  defaultMetamodel,
  describeEnds,
  endAllows,
  isRelationAllowed,
  type Metamodel,
  type ResolvedRelationName,
  relationNamesForKind,
} from './metamodel.js';
export {
  type ExtensionProblem,
  extendMetamodel,
  type MetamodelExtension,
  MetamodelExtensionSchema,
} from './metamodel-extension.js';
export {
  type AttributeDef,
  AttributeDefSchema,
  type AttributeType,
  AttributeTypeSchema,
  type DefaultKind,
  type DefaultRelationType,
  type ImpactEffect,
  ImpactEffectSchema,
  type KindDef,
  KindDefSchema,
  type KindEnds,
  KindEndsSchema,
  type KindName,
  type RelationCategory,
  RelationCategorySchema,
  type RelationImpact,
  RelationImpactSchema,
  type RelationName,
  type RelationTypeDef,
  RelationTypeDefSchema,
  type RelationTypeName,
} from './metamodel-schema.js';
export { type MetamodelTypesOptions, metamodelTypes } from './metamodel-types.js';
export type { TraceryKinds, TraceryRelationNames } from './tracery-kinds.js';
