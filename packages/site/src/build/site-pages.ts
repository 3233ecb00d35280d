import type { ComponentChild } from 'preact';

/** The site's pages other than the dashboard and the element pages: [path, depth below the root, page]. */
export function sitePages(): [string, number, ComponentChild][] {
  return [];
}
