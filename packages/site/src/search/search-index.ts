import type { Model } from '@tracery/core';
import MiniSearch from 'minisearch';
import { SEARCH_OPTIONS, type SearchDocument } from './search-options.js';

/** The element as a search document: id, kind, name, description, and its fields and attributes as text. */
function documentOf(model: Model, id: string): SearchDocument {
  const e = model.getElement(id);
  const values = [e.status, e.owner, e.tranche, ...(e.tags ?? [])];
  for (const value of Object.values(e.attributes))
    values.push(...(Array.isArray(value) ? value : [String(value)]));
  return {
    id: e.id,
    kind: e.kind,
    name: e.name,
    description: e.description ?? '',
    attributes: values.filter((v) => v !== undefined).join(' '),
  };
}

/**
 * The client-side search index of a model (MiniSearch), serialised to JSON so the browser loads it
 * without indexing again.
 */
export function searchIndexJson(model: Model): string {
  const index = new MiniSearch<SearchDocument>(SEARCH_OPTIONS);
  const ids = [...model.elements()].map((e) => e.id).sort();
  index.addAll(ids.map((id) => documentOf(model, id)));
  return JSON.stringify(index);
}
