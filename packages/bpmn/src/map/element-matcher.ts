import type { Element, Model } from '@tracery/core';

/** How a lane, pool or data reference matched the model. */
export type MatchOutcome =
  | {
      readonly status: 'found';
      readonly id: string;
      readonly kind: string;
      readonly by: 'id' | 'name' | 'short name';
    }
  | { readonly status: 'ambiguous'; readonly ids: readonly string[] }
  | { readonly status: 'unknown-id'; readonly id: string }
  | { readonly status: 'none' };

/** What to match: an id given explicitly (`tracery:id`), and the name drawn in the diagram. */
export type MatchQuery = { readonly explicitId?: string | undefined; readonly name?: string | undefined };

/** Matches queries against the elements of some kinds in a model. */
export type ElementMatcher = (query: MatchQuery) => MatchOutcome;

/** Case, spacing and line breaks do not matter when names are compared. */
export function normalizeName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Builds a matcher over the model's elements of `kinds`: by explicit id, then by a name equal to an id,
 * then by name, then by the `shortName` attribute. Without a model, only explicit ids match (trusted,
 * as the first kind), since nothing can be looked up.
 */
export function createElementMatcher(model: Model | undefined, kinds: readonly string[]): ElementMatcher {
  if (!model) {
    return ({ explicitId }) =>
      explicitId ? { status: 'found', id: explicitId, kind: kinds[0] ?? '', by: 'id' } : { status: 'none' };
  }
  const byId = new Map<string, Element>();
  const byName = new Map<string, string[]>();
  const byShortName = new Map<string, string[]>();
  for (const kind of kinds) {
    for (const id of model.idsOfKind(kind)) {
      const element = model.getElement(id);
      byId.set(id, element);
      push(byName, normalizeName(element.name), id);
      const shortName = element.attributes.shortName;
      if (typeof shortName === 'string') push(byShortName, normalizeName(shortName), id);
    }
  }
  return ({ explicitId, name }) => {
    if (explicitId !== undefined) {
      const element = byId.get(explicitId);
      return element
        ? { status: 'found', id: element.id, kind: element.kind, by: 'id' }
        : { status: 'unknown-id', id: explicitId };
    }
    if (name === undefined || name.trim() === '') return { status: 'none' };
    const exact = byId.get(name.trim());
    if (exact) return { status: 'found', id: exact.id, kind: exact.kind, by: 'id' };
    const key = normalizeName(name);
    for (const [index, by] of [
      [byName, 'name'],
      [byShortName, 'short name'],
    ] as const) {
      const ids = index.get(key) ?? [];
      if (ids.length > 1) return { status: 'ambiguous', ids: [...ids].sort() };
      const id = ids[0];
      const element = id === undefined ? undefined : byId.get(id);
      if (element) return { status: 'found', id: element.id, kind: element.kind, by };
    }
    return { status: 'none' };
  };
}

function push(index: Map<string, string[]>, key: string, id: string): void {
  const ids = index.get(key);
  if (ids) ids.push(id);
  else index.set(key, [id]);
}
