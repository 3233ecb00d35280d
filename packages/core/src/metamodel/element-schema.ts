import { z } from 'zod';
import { BASE_FIELDS, BASE_RELATION_FIELDS } from './base-fields.js';
import { endAllows, type Metamodel } from './metamodel.js';
import type { AttributeDef, KindDef } from './metamodel-schema.js';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * The zod schema of one attribute's value, from its declaration.
 *
 * @example
 * attributeValueSchema({ type: 'integer' }).parse(3) // 3
 */
export function attributeValueSchema(def: AttributeDef): z.ZodType {
  let schema: z.ZodType;
  switch (def.type) {
    case 'string':
      schema = z.string();
      break;
    case 'integer':
      schema = z.number().int();
      break;
    case 'number':
      schema = z.number();
      break;
    case 'boolean':
      schema = z.boolean();
      break;
    case 'date':
      schema = z.string().regex(DATE, 'expected a date written YYYY-MM-DD');
      break;
    case 'string-list':
      schema = z.array(z.string());
      break;
    case 'enum':
      schema = z.enum((def.values ?? []) as [string, ...string[]]);
      break;
  }
  return def.description ? schema.describe(def.description) : schema;
}

function attributeShape(attributes: Readonly<Record<string, AttributeDef>>, forceOptional = false) {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, def] of Object.entries(attributes)) {
    const value = attributeValueSchema(def);
    shape[name] = def.required && !forceOptional ? value : value.optional();
  }
  return shape;
}

/** The schema of one relation end written inline: an id, or an object with `id` and the relation's attributes. */
export function relationTargetSchema(relationAttributes: Readonly<Record<string, AttributeDef>>): z.ZodType {
  const withAttributes = z
    .object({
      id: z.string().describe('The id of the element at the other end.'),
      ...attributeShape({ ...BASE_RELATION_FIELDS, ...relationAttributes }),
    })
    .strict();
  return z.union([z.string(), withAttributes]);
}

/**
 * The zod schema of an element of `kind` as written in a model file: base fields, the kind's
 * attributes, and every relation name (forward or inverse) that the kind may write inline.
 *
 * @example
 * elementFileSchema(defaultMetamodel(), defaultMetamodel().kinds.get('Interface')!).safeParse({ id: 'IF-1', kind: 'Interface', name: 'x' })
 */
export function elementFileSchema(
  metamodel: Metamodel,
  kind: KindDef,
  options: { readonly checkIdPattern?: boolean } = {},
): z.ZodObject {
  const shape: Record<string, z.ZodType> = attributeShape(BASE_FIELDS);
  shape.kind = z.literal(kind.name);
  shape.id = z.string().min(1);
  if (kind.idPattern && options.checkIdPattern !== false)
    shape.id = z.string().regex(new RegExp(kind.idPattern, 'u'));
  Object.assign(shape, attributeShape(kind.attributes));
  for (const [name, resolved] of metamodel.relationNames) {
    const ends = resolved.inverse ? resolved.type.to : resolved.type.from;
    if (!endAllows(ends, kind.name)) continue;
    const target = relationTargetSchema(resolved.type.attributes);
    const verb = resolved.inverse ? `inverse of ${resolved.type.name}` : resolved.type.description;
    shape[name] = z
      .union([target, z.array(target)])
      .optional()
      .describe(verb);
  }
  return z.object(shape).strict().describe(kind.description);
}

/** The schema of a row in a file's top-level `relations:` list. */
export function relationRowSchema(metamodel: Metamodel): z.ZodType {
  const relationAttributes: Record<string, AttributeDef> = { ...BASE_RELATION_FIELDS };
  for (const type of metamodel.relationTypes.values()) Object.assign(relationAttributes, type.attributes);
  const names = [...metamodel.relationNames.keys()].sort() as [string, ...string[]];
  return z
    .object({
      from: z.string().describe('The id of the element that the relation reads from.'),
      type: z.enum(names).describe('A relation name or inverse name.'),
      to: z.string().describe('The id of the element at the other end.'),
      ...attributeShape(relationAttributes, true),
    })
    .strict();
}

/**
 * The schema of a whole model file: `elements:` (each validated by its kind) and `relations:`.
 * The JSON Schema that editors use is generated from it.
 */
export function modelFileSchema(metamodel: Metamodel): z.ZodObject {
  const kinds = [...metamodel.kinds.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  const elementSchemas = kinds.map((kind) => elementFileSchema(metamodel, kind));
  const element =
    elementSchemas.length === 1
      ? elementSchemas[0]!
      : z.discriminatedUnion('kind', elementSchemas as [z.ZodObject, z.ZodObject, ...z.ZodObject[]]);
  return z
    .object({
      $schema: z.string().optional(),
      elements: z.array(element).optional(),
      relations: z.array(relationRowSchema(metamodel)).optional(),
    })
    .strict();
}
