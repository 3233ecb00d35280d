import type { z } from 'zod';
import { BASE_FIELDS } from '../metamodel/base-fields.js';
import type { Metamodel } from '../metamodel/metamodel.js';
import type { AttributeDef, KindDef } from '../metamodel/metamodel-schema.js';

/** True when a value certainly passes one field's schema. */
type FieldCheck = (value: unknown) => boolean;

/**
 * A check of an element's known fields (the keys its kind's schema has) that never says yes where
 * the zod schema of {@link elementFileSchema} would say no: strings, whole and finite numbers,
 * booleans, dates, enums, lists of text and relations written as ids. Anything else it does not
 * vouch for (a relation with attributes, a null, an odd number), so the caller asks zod, which also
 * words the diagnostics. Most elements are plain, and zod costs several times more per element.
 */
export type ElementFastCheck = (known: Readonly<Record<string, unknown>>) => boolean;

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const isText = (value: unknown) => typeof value === 'string';
const never: FieldCheck = () => false;

function attributeCheck(def: AttributeDef): FieldCheck {
  switch (def.type) {
    case 'string':
      return isText;
    case 'integer':
      return (value) => Number.isSafeInteger(value);
    case 'number':
      return (value) => Number.isFinite(value);
    case 'boolean':
      return (value) => typeof value === 'boolean';
    case 'date':
      return (value) => typeof value === 'string' && DATE.test(value);
    case 'string-list':
      return (value) => Array.isArray(value) && value.every(isText);
    case 'enum': {
      const values = new Set<unknown>(def.values ?? []);
      return (value) => typeof value === 'string' && values.has(value);
    }
    default:
      return never;
  }
}

/** A relation written as an id or a list of ids (a target with attributes is left to zod). */
const relationCheck: FieldCheck = (value) =>
  typeof value === 'string' || (Array.isArray(value) && value.every(isText));

/**
 * The fast check of a kind, built from the same definitions as its zod schema; `shape` (the zod
 * schema's fields) decides which keys exist, and a key it cannot place is never vouched for.
 */
export function elementFastCheck(
  metamodel: Metamodel,
  kind: KindDef,
  shape: Readonly<Record<string, unknown>>,
): ElementFastCheck {
  const checks = new Map<string, FieldCheck>();
  const required: string[] = [];
  for (const key of Object.keys(shape)) {
    let check: FieldCheck;
    let mandatory = false;
    if (key === 'id') {
      check = (value) => typeof value === 'string' && value.length > 0;
      mandatory = true;
    } else if (key === 'kind') {
      check = (value) => value === kind.name;
      mandatory = true;
    } else if (Object.hasOwn(kind.attributes, key) && !Object.hasOwn(BASE_FIELDS, key)) {
      check = attributeCheck(kind.attributes[key]!);
      mandatory = kind.attributes[key]!.required === true;
    } else if (
      Object.hasOwn(BASE_FIELDS, key) &&
      !Object.hasOwn(kind.attributes, key) &&
      !metamodel.relationNames.has(key)
    ) {
      check = attributeCheck(BASE_FIELDS[key]!);
      mandatory = BASE_FIELDS[key]!.required === true;
    } else if (metamodel.relationNames.has(key) && !Object.hasOwn(kind.attributes, key)) {
      check = relationCheck;
    } else {
      check = never;
    }
    checks.set(key, check);
    if (mandatory) required.push(key);
  }
  return (known) => {
    for (const key of required) if (known[key] === undefined) return false;
    for (const key in known) {
      const value = known[key];
      if (value === undefined) continue;
      const check = checks.get(key);
      if (check === undefined || !check(value)) return false;
    }
    return true;
  };
}

const checks = new WeakMap<z.ZodObject, ElementFastCheck>();

/** The fast check of a kind's schema, built once per schema. */
export function fastCheckOf(metamodel: Metamodel, kind: KindDef, schema: z.ZodObject): ElementFastCheck {
  let check = checks.get(schema);
  if (!check) {
    check = elementFastCheck(metamodel, kind, schema.shape);
    checks.set(schema, check);
  }
  return check;
}
