import type { SiteData } from '../data/site-data.js';

/** The data files the client scripts load (search index, the graph for the impact explorer). */
export function dataFiles(_data: SiteData): [string, () => string][] {
  return [];
}
