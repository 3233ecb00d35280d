import type { z } from 'zod';
import { BASE_FIELDS } from '../metamodel/base-fields.js';
import type { Metamodel, ResolvedRelationName } from '../metamodel/metamodel.js';
import { type ElementFastCheck, fastCheckOf } from './element-fast-check.js';
import type { SchemaCache } from './model-drafts.js';
import { kindSchema } from './read-element.js';

/** A key the kind's schema knows that goes to the element itself (`status`, `owner`...). */
export const BASE_KEY = 1;
/** A key the kind's schema knows that goes to the element's attributes. */
export const ATTRIBUTE_KEY = 2;

/**
 * What reading an element of one kind needs, worked out once per kind rather than per element: the
 * kind's schema and fast check, where each key its schema knows goes in the element (as
 * `buildElement` places it: `id`, `kind`, `name` and relations are not copied), and which known keys
 * name relations.
 */
export type KindReadPlan = {
  readonly schema: z.ZodObject;
  readonly shape: Readonly<Record<string, unknown>>;
  readonly check: ElementFastCheck;
  readonly roles: ReadonlyMap<string, number>;
  readonly relations: ReadonlyMap<string, ResolvedRelationName>;
};

const plans = new WeakMap<SchemaCache, Map<string, KindReadPlan>>();

/** The plans of a read's schema cache, by kind (one map per load, so per worker). */
export function kindReadPlans(cache: SchemaCache): Map<string, KindReadPlan> {
  let byKind = plans.get(cache);
  if (!byKind) {
    byKind = new Map();
    plans.set(cache, byKind);
  }
  return byKind;
}

/** The plan of a kind of the metamodel, made on first use. */
export function kindReadPlan(metamodel: Metamodel, kind: string, cache: SchemaCache): KindReadPlan {
  const byKind = kindReadPlans(cache);
  let plan = byKind.get(kind);
  if (plan) return plan;
  const schema = kindSchema(metamodel, kind, cache);
  const def = metamodel.kinds.get(kind)!;
  const roles = new Map<string, number>();
  const relations = new Map<string, ResolvedRelationName>();
  for (const key of Object.keys(schema.shape)) {
    const resolved = metamodel.relationNames.get(key);
    if (resolved) relations.set(key, resolved);
    if (key === 'id' || key === 'kind' || key === 'name') continue;
    if (Object.hasOwn(BASE_FIELDS, key)) roles.set(key, BASE_KEY);
    else if (Object.hasOwn(def.attributes, key)) roles.set(key, ATTRIBUTE_KEY);
  }
  plan = { schema, shape: schema.shape, check: fastCheckOf(metamodel, def, schema), roles, relations };
  byKind.set(kind, plan);
  return plan;
}
