import { cp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidArgumentError, type LoadedRepository } from '@tracery/core';
import { type ComponentChild, h, type VNode } from 'preact';
import { SiteContext } from '../components/site-context.js';
import { type CollectOptions, collectSiteData, type SiteData } from '../data/site-data.js';
import { ELEMENT_FOLDER, elementFile } from '../href.js';
import { DashboardPage } from '../pages/dashboard-page.js';
import { ElementPage } from '../pages/element-page.js';
import { renderPage } from '../render-page.js';
import { assetFolder } from './asset-folder.js';
import { dataFiles } from './data-files.js';
import { diagramFiles } from './diagram-files.js';
import { checkSiteFolder, markSiteFolder } from './site-folder.js';
import { sitePages } from './site-pages.js';
import { type WriteTally, writeFiles } from './write-files.js';

/** Options of {@link buildSite}. */
export type BuildSiteOptions = CollectOptions & {
  /**
   * The folder to write; it is emptied first, so it must be new, empty or a site written before (it
   * holds `.tracery-site`); the repository, a folder that holds it, or another folder is refused.
   */
  readonly out: string;
  /** Called with a line of progress now and then. */
  readonly progress?: (message: string) => void;
};

/** What a build wrote. */
export type BuiltSite = { readonly out: string; readonly files: number; readonly bytes: number };

/** A page component rendered in the site's context, for a page `depth` folders below the root. */
export function renderInContext(data: SiteData, depth: number, page: ComponentChild): string {
  return renderPage(h(SiteContext.Provider, { value: { data, base: '../'.repeat(depth) } }, page) as VNode);
}

/** Every page of the site, lazily rendered: [path from the root, render]. */
function* pages(data: SiteData): Generator<readonly [string, () => string]> {
  yield ['index.html', () => renderInContext(data, 0, h(DashboardPage, {}))];
  for (const [path, depth, page] of sitePages()) yield [path, () => renderInContext(data, depth, page)];
  for (const element of data.loaded.model.elements())
    yield [
      `${ELEMENT_FOLDER}/${elementFile(element.id)}`,
      () => renderInContext(data, 1, h(ElementPage, { element })),
    ];
}

/**
 * Writes the static site of a repository: the dashboard, a page per element, the views, the trace
 * table, change requests, search and the impact explorer, with their data split per page. The folder
 * works from any web server or file share.
 *
 * @example
 * await buildSite(await loadRepository('packages/examples/mhhs', { loaders: [bpmnSourceLoader()] }), { out: 'site' });
 */
export async function buildSite(loaded: LoadedRepository, options: BuildSiteOptions): Promise<BuiltSite> {
  if (typeof options?.out !== 'string' || options.out === '')
    throw new InvalidArgumentError('options.out: expected the folder to write the site to.');
  await checkSiteFolder(options.out, loaded.root);
  const assets = assetFolder();
  const say = options.progress ?? (() => {});
  say('reading the design, its results, findings and history');
  const data = await collectSiteData(loaded, options);
  await rm(options.out, { recursive: true, force: true });
  const tally: WriteTally = { files: 0, bytes: 0 };
  await cp(assets, join(options.out, 'assets'), { recursive: true });
  await markSiteFolder(options.out);
  say(`writing ${data.loaded.model.elementCount} element pages and the views`);
  await writeFiles(options.out, pages(data), tally);
  await writeFiles(options.out, await diagramFiles(data, (file) => readFile(join(loaded.root, file))), tally);
  await writeFiles(options.out, dataFiles(data), tally);
  return { out: options.out, ...tally };
}
