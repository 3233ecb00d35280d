import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { SiteData } from '../data/site-data.js';

/** What every component of a page may read: the site's data and the path from the page to the site's root. */
export type SiteContextValue = { readonly data: SiteData; readonly base: string };

/** The context that carries {@link SiteContextValue} through a page's components. */
export const SiteContext = createContext<SiteContextValue | undefined>(undefined);

/** The current page's site context; a component rendered outside a page is a bug. */
export function useSite(): SiteContextValue {
  const value = useContext(SiteContext);
  if (!value) throw new Error('a site component was rendered outside SiteContext.Provider.');
  return value;
}
