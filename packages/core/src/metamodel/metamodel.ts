import { InvalidArgumentError } from '../errors/tracery-error.js';
import { DEFAULT_KINDS, DEFAULT_RELATION_TYPES } from './default-metamodel.js';
import type { KindDef, KindEnds, RelationTypeDef } from './metamodel-schema.js';

/** A relation name as written in a file, resolved to its type and the direction it reads in. */
export type ResolvedRelationName = {
  readonly type: RelationTypeDef;
  /** True when the name is the type's inverse (`sentBy`): the element that writes it is the target. */
  readonly inverse: boolean;
};

/**
 * The element kinds and relation types of a repository, with look-up indexes.
 * Build one with {@link createMetamodel} or {@link defaultMetamodel}; it never changes after that.
 */
export type Metamodel = {
  readonly kinds: ReadonlyMap<string, KindDef>;
  readonly relationTypes: ReadonlyMap<string, RelationTypeDef>;
  /** Every relation name and inverse name, resolved. */
  readonly relationNames: ReadonlyMap<string, ResolvedRelationName>;
};

/**
 * Builds a metamodel from kinds and relation types. Throws when two share a name,
 * which is a programming error; repository config goes through {@link extendMetamodel} instead.
 *
 * @example
 * const mm = createMetamodel(DEFAULT_KINDS, DEFAULT_RELATION_TYPES);
 */
export function createMetamodel(
  kinds: readonly KindDef[],
  relationTypes: readonly RelationTypeDef[],
): Metamodel {
  const kindMap = new Map<string, KindDef>();
  for (const kind of kinds) {
    if (kindMap.has(kind.name))
      throw new InvalidArgumentError(`kinds: kind "${kind.name}" is defined twice.`);
    kindMap.set(kind.name, Object.freeze(kind));
  }
  const typeMap = new Map<string, RelationTypeDef>();
  const names = new Map<string, ResolvedRelationName>();
  for (const type of relationTypes) {
    for (const [name, inverse] of [
      [type.name, false],
      [type.inverse, true],
    ] as const) {
      if (names.has(name))
        throw new InvalidArgumentError(`relationTypes: relation name "${name}" is used twice.`);
      names.set(name, { type, inverse });
    }
    typeMap.set(type.name, Object.freeze(type));
  }
  return Object.freeze({ kinds: kindMap, relationTypes: typeMap, relationNames: names });
}

let cachedDefault: Metamodel | undefined;

/**
 * The default metamodel for programme design (DESIGN.md): 13 kinds and 14 relation types.
 *
 * @example
 * defaultMetamodel().kinds.has('Interface') // true
 */
export function defaultMetamodel(): Metamodel {
  cachedDefault ??= createMetamodel(DEFAULT_KINDS, DEFAULT_RELATION_TYPES);
  return cachedDefault;
}

/** True when `kind` is allowed at an end declared as `ends`. */
export function endAllows(ends: KindEnds, kind: string): boolean {
  return ends === '*' || ends.includes(kind);
}

/**
 * True when a relation of `type` may go from an element of kind `fromKind` to one of kind `toKind`.
 *
 * @example
 * isRelationAllowed(defaultMetamodel(), 'carries', 'Interface', 'DataItem') // true
 */
export function isRelationAllowed(
  metamodel: Metamodel,
  type: string,
  fromKind: string,
  toKind: string,
): boolean {
  const def = metamodel.relationTypes.get(type);
  return def !== undefined && endAllows(def.from, fromKind) && endAllows(def.to, toKind);
}

/** Renders a relation end for messages: `Service|Role|ProcessStep` or `any kind`. */
export function describeEnds(ends: KindEnds): string {
  return ends === '*' ? 'any kind' : ends.join('|');
}

/**
 * The relation names (forward and inverse) that an element of `kind` can write inline.
 *
 * @example
 * relationNamesForKind(defaultMetamodel(), 'Interface') // includes 'carries' and 'sentBy'
 */
export function relationNamesForKind(metamodel: Metamodel, kind: string): string[] {
  const names: string[] = [];
  for (const [name, resolved] of metamodel.relationNames) {
    const ends = resolved.inverse ? resolved.type.to : resolved.type.from;
    if (endAllows(ends, kind)) names.push(name);
  }
  return names.sort();
}
