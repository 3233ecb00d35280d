import type { Options } from 'minisearch';

/** A document of the search index: one per element. */
export type SearchDocument = {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  readonly description: string;
  /** Attribute values and base fields, as one text. */
  readonly attributes: string;
};

/** What a search result carries without loading the element's page. */
export type StoredFields = { readonly id: string; readonly kind: string; readonly name: string };

const SPLIT = /[\s\-_.,;:!?'"()[\]{}<>/\\|@#$%^&*+=~`]+/u;

/**
 * Words of a field. An id is also kept whole (`IF-021` as well as `if` and `021`), so searching for an
 * id finds it first.
 */
export function tokenize(text: string, field?: string): string[] {
  const words = text.split(SPLIT).filter((w) => w !== '');
  return field === 'id' ? [text, ...words] : words;
}

/** The index's options, the same when it is built (Node) and loaded (browser). */
export const SEARCH_OPTIONS: Options<SearchDocument> = {
  idField: 'id',
  fields: ['id', 'name', 'description', 'attributes'],
  storeFields: ['id', 'kind', 'name'],
  tokenize,
  processTerm: (term) => term.toLowerCase(),
  searchOptions: {
    boost: { id: 4, name: 2 },
    prefix: true,
    fuzzy: 0.15,
    combineWith: 'AND',
  },
};
