import { BASE_FIELDS } from './base-fields.js';
import { type Metamodel, relationNamesForKind } from './metamodel.js';

/** One attribute of a kind, as `tracery metamodel` lists it. */
export type AttributeSummary = {
  readonly name: string;
  readonly type: string;
  readonly required: boolean;
  readonly values?: readonly string[];
  readonly description?: string;
  /** True for the fields every kind has (id, kind, name, description, status, owner, tranche, tags). */
  readonly base: boolean;
};

/** A kind at a glance: its id pattern, attributes and the relation names it can write. */
export type KindSummary = {
  readonly name: string;
  readonly description: string;
  readonly idPattern?: string;
  readonly attributes: readonly AttributeSummary[];
  /** Relation names (forward or inverse) an element of this kind can write inline, sorted. */
  readonly relations: readonly string[];
};

/** A relation type at a glance: names, ends and what a change does across it. */
export type RelationTypeSummary = {
  readonly name: string;
  readonly inverse: string;
  readonly from: string | readonly string[];
  readonly to: string | readonly string[];
  readonly description: string;
  /** What a change does across the relation, per direction (or the metamodel's single value). */
  readonly impact: Readonly<Record<string, string>> | string;
};

/** The metamodel as plain data: kinds and relation types sorted by name. */
export type MetamodelSummary = {
  readonly kinds: readonly KindSummary[];
  readonly relationTypes: readonly RelationTypeSummary[];
};

const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * The metamodel at a glance, as data for `tracery metamodel`: every kind with its id pattern, attributes
 * (mandatory ones marked) and usable relation names; every relation type with its inverse, allowed ends
 * and impact effects.
 *
 * @example
 * describeMetamodel(defaultMetamodel()).kinds.find((k) => k.name === 'TestCase')?.relations // [..., 'verifies']
 */
export function describeMetamodel(metamodel: Metamodel): MetamodelSummary {
  const kinds = [...metamodel.kinds.values()]
    .map((kind): KindSummary => {
      const attributes: AttributeSummary[] = [];
      for (const [name, def] of Object.entries(BASE_FIELDS)) attributes.push(attribute(name, def, true));
      for (const [name, def] of Object.entries(kind.attributes).sort(([a], [b]) =>
        a < b ? -1 : a > b ? 1 : 0,
      ))
        attributes.push(attribute(name, def, false));
      return {
        name: kind.name,
        description: kind.description,
        ...(kind.idPattern === undefined ? {} : { idPattern: kind.idPattern }),
        attributes,
        relations: relationNamesForKind(metamodel, kind.name),
      };
    })
    .sort(byName);
  const relationTypes = [...metamodel.relationTypes.values()]
    .map(
      (type): RelationTypeSummary => ({
        name: type.name,
        inverse: type.inverse,
        from: type.from,
        to: type.to,
        description: type.description,
        impact: impactOf(type.impact as unknown),
      }),
    )
    .sort(byName);
  return { kinds, relationTypes };
}

function attribute(
  name: string,
  def: {
    type: string;
    required?: boolean | undefined;
    values?: readonly string[] | undefined;
    description?: string | undefined;
  },
  base: boolean,
): AttributeSummary {
  return {
    name,
    type: def.type,
    required: def.required === true,
    ...(def.values ? { values: def.values } : {}),
    ...(def.description ? { description: def.description } : {}),
    base,
  };
}

function impactOf(impact: unknown): Readonly<Record<string, string>> | string {
  if (typeof impact === 'string') return impact;
  if (impact !== null && typeof impact === 'object')
    return Object.fromEntries(Object.entries(impact).map(([k, v]) => [k, String(v)]));
  return 'none';
}
