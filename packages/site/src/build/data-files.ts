import { modelJson } from '../data/model-json.js';
import { serviceGraph } from '../data/service-graph.js';
import type { SiteData } from '../data/site-data.js';
import { searchIndexJson } from '../search/search-index.js';

/** The data files the client scripts load: the search index, the model for the impact explorer, the service map's graph. */
export function dataFiles(data: SiteData): [string, () => string][] {
  const model = data.loaded.model;
  return [
    ['data/search.json', () => searchIndexJson(model)],
    ['data/model.json', () => modelJson(data.loaded)],
    ['v/services.json', () => JSON.stringify(serviceGraph(model))],
  ];
}
