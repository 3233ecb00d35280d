import type { KindName, RelationName } from '../metamodel/metamodel-schema.js';
import type { TraceryKinds } from '../metamodel/tracery-kinds.js';
import type { AttributeValue, Element, Relation } from './element.js';
import { checkKindName, resolveRelationName } from './known-names.js';
import type { Model } from './model.js';

/**
 * An element of kind `K`: with the attributes {@link TraceryKinds} gives that kind once `tracery types`
 * has filled it in, else any {@link Element}.
 */
export type ElementOfKind<K extends string> = K extends keyof TraceryKinds
  ? Element & TraceryKinds[K]
  : Element;

/** What {@link findElements} matches on; every given criterion must hold. */
export type ElementFilter<K extends KindName = KindName> = {
  /** A kind or kinds of the metamodel; an unknown kind throws, naming the nearest. */
  readonly kind?: K | readonly K[];
  /** Attribute or base-field values that must be equal (lists match when they contain the value). */
  readonly attributes?: Readonly<Record<string, AttributeValue>>;
  readonly where?: (element: Element) => boolean;
};

/**
 * The value of a base field (name, status, tranche ...) or an attribute of an element.
 *
 * @example
 * fieldValue(model.getElement('IF-021'), 'channel') // 'DIP'
 */
export function fieldValue(element: Element, field: string): AttributeValue | undefined {
  if (field === 'attributes') return undefined;
  if (Object.hasOwn(element, field)) return (element as unknown as Record<string, AttributeValue>)[field];
  return Object.hasOwn(element.attributes, field) ? element.attributes[field] : undefined;
}

function matches(actual: AttributeValue | undefined, expected: AttributeValue): boolean {
  if (Array.isArray(actual))
    return Array.isArray(expected)
      ? expected.every((v) => actual.includes(v))
      : actual.includes(expected as string);
  return actual === expected;
}

/**
 * The elements that match a filter, sorted by id. A kind the metamodel does not have throws an
 * {@link InvalidArgumentError} naming the nearest kind (`did you mean "Interface"?`).
 *
 * @example
 * findElements(model, { kind: 'Interface', attributes: { channel: 'DIP' } })
 */
export function findElements<K extends KindName = KindName>(
  model: Model,
  filter: ElementFilter<K> = {},
): ElementOfKind<K>[] {
  const kinds: readonly string[] | undefined =
    filter.kind === undefined ? undefined : typeof filter.kind === 'string' ? [filter.kind] : filter.kind;
  const candidates: Element[] = [];
  if (kinds) {
    for (const kind of kinds) checkKindName(model, kind, 'filter.kind');
    for (const kind of kinds) for (const id of model.idsOfKind(kind)) candidates.push(model.getElement(id));
  } else {
    for (const element of model.elements()) candidates.push(element);
  }
  const wanted = Object.entries(filter.attributes ?? {});
  const found = candidates.filter(
    (element) =>
      wanted.every(([key, value]) => matches(fieldValue(element, key), value)) &&
      (filter.where?.(element) ?? true),
  );
  return found.sort(compareById) as ElementOfKind<K>[];
}

/**
 * Orders anything with an id by a plain `<` on the id.
 *
 * @example
 * [...model.elements()].sort(compareById)
 */
export function compareById(a: { readonly id: string }, b: { readonly id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A relation seen from one of its ends. */
export type RelationView = {
  readonly relation: Relation;
  /** The name it reads by from this end: the type name going out, the inverse name coming in. */
  readonly name: string;
  readonly direction: 'out' | 'in';
  /** The id of the element at the other end. */
  readonly other: string;
};

/** Options for {@link relationsOf}. */
export type RelationQuery = {
  /** A relation type name or inverse name; an inverse name means the relation comes in. Unknown names throw. */
  readonly type?: RelationName;
  readonly direction?: 'out' | 'in' | 'both';
};

/**
 * The relations at an element, sorted by name then the other end's id.
 * `type` may be an inverse name: `relationsOf(model, 'IF-021', { type: 'sentBy' })` gives the senders.
 *
 * @example
 * relationsOf(model, 'IF-021', { type: 'carries' }).map((r) => r.other)
 */
export function relationsOf(model: Model, id: string, query: RelationQuery = {}): RelationView[] {
  model.getElement(id);
  let direction = query.direction ?? 'both';
  let type: string | undefined;
  if (query.type !== undefined) {
    const resolved = resolveRelationName(model, query.type, 'query.type');
    type = resolved.type.name;
    if (resolved.inverse) direction = direction === 'out' ? 'in' : direction === 'in' ? 'out' : 'in';
    else if (query.direction === undefined) direction = 'out';
  }
  const views: RelationView[] = [];
  const collect = (relations: readonly Relation[], dir: 'out' | 'in') => {
    for (const relation of relations) {
      if (type !== undefined && relation.type !== type) continue;
      const def = model.metamodel.relationTypes.get(relation.type);
      const name = dir === 'out' ? relation.type : (def?.inverse ?? relation.type);
      views.push({
        relation,
        name,
        direction: dir,
        other: dir === 'out' ? relation.target : relation.source,
      });
    }
  };
  if (direction !== 'in') collect(model.outRelations(id), 'out');
  if (direction !== 'out') collect(model.inRelations(id), 'in');
  return views.sort((a, b) =>
    a.name !== b.name ? (a.name < b.name ? -1 : 1) : a.other < b.other ? -1 : a.other > b.other ? 1 : 0,
  );
}

/**
 * The ids at the other end of an element's relations of one name, sorted. A name the metamodel does
 * not have throws an {@link InvalidArgumentError} naming the nearest (`did you mean "sentBy"?`).
 *
 * @example
 * related(model, 'IF-021', 'receivedBy') // ['LDSO', 'MDS', 'SUP']
 */
export function related(model: Model, id: string, name: RelationName): string[] {
  resolveRelationName(model, name, 'name');
  return relationsOf(model, id, { type: name }).map((view) => view.other);
}
