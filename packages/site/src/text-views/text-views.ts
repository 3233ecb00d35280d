import { findElements, InvalidArgumentError } from '@tracery/core';
import { didYouMeanSuffix } from '@tracery/core/advanced';
import type { SiteData } from '../data/site-data.js';
import { markdownText } from './markdown-text.js';
import {
  dataMarkdown,
  dataMermaid,
  interfacesMarkdown,
  interfacesMermaid,
  servicesMarkdown,
  servicesMermaid,
} from './model-views.js';
import { processMarkdown, processMermaid } from './process-view.js';
import { traceMarkdown, traceMermaid, trackerMarkdown, trackerMermaid } from './report-views.js';
import { TEXT_VIEW_NAMES } from './text-view-names.js';

/**
 * One of the site's views as text: a title, and its Mermaid diagram and Markdown table. What it shows,
 * and the kind of element it needs, are in TEXT_VIEW_NAMES.
 */
type TextView = {
  readonly title: (data: SiteData, id: string) => string;
  readonly mermaid: (data: SiteData, id: string) => string;
  readonly markdown: (data: SiteData, id: string) => string;
};

/** The views `tracery view` writes, by name. */
const VIEWS: Readonly<Record<string, TextView>> = {
  services: {
    title: () => 'Service map',
    mermaid: (d) => servicesMermaid(d.loaded.model),
    markdown: (d) => servicesMarkdown(d.loaded.model),
  },
  interfaces: {
    title: () => 'Interface catalogue',
    mermaid: (d) => interfacesMermaid(d.loaded.model),
    markdown: (d) => interfacesMarkdown(d.loaded.model),
  },
  data: {
    title: () => 'Data',
    mermaid: (d) => dataMermaid(d.loaded.model),
    markdown: (d) => dataMarkdown(d.loaded.model),
  },
  process: {
    title: (d, id) => `Process ${id} ${d.loaded.model.getElement(id).name}`,
    mermaid: (d, id) => processMermaid(d.loaded.model, id),
    markdown: (d, id) => processMarkdown(d.loaded.model, id),
  },
  trace: {
    title: () => 'Requirement trace',
    mermaid: (d) => traceMermaid(d.trace),
    markdown: (d) => traceMarkdown(d.trace),
  },
  tracker: {
    title: () => 'Design Artefact Tracker',
    mermaid: (d) => trackerMermaid(d.tracker),
    markdown: (d) => trackerMarkdown(d.tracker),
  },
};

/** The formats of {@link renderTextView}. */
export type TextViewFormat = 'mermaid' | 'md';

function checkId(data: SiteData, name: string, kind: string, id: string | undefined): string {
  const ids = findElements(data.loaded.model, { kind }).map((e) => e.id);
  if (id === undefined)
    throw new InvalidArgumentError(
      `view "${name}" is of one ${kind}: give its id (${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ' …' : ''}).`,
    );
  if (data.loaded.model.findElement(id)?.kind !== kind)
    throw new InvalidArgumentError(`"${id}" is not a ${kind} of the model${didYouMeanSuffix(id, ids)}`);
  return id;
}

/**
 * One of the site's views as Mermaid source (`mermaid`, a `.mmd` file) or as Markdown (`md`: a heading,
 * the diagram in a ```` ```mermaid ```` block, then the table), for READMEs and merge requests; GitHub and
 * GitLab draw the diagram. Model text is escaped for each: Mermaid entity codes, Markdown escapes.
 *
 * @example
 * renderTextView(await collectSiteData(loaded, { history: false }), 'process', 'md', 'BP018')
 */
export function renderTextView(data: SiteData, name: string, format: TextViewFormat, id?: string): string {
  const view = VIEWS[name];
  if (!view)
    throw new InvalidArgumentError(
      `unknown view "${name}"; the views are ${Object.keys(VIEWS).sort().join(', ')}${didYouMeanSuffix(name, Object.keys(VIEWS)) || '.'}`,
    );
  const needsId = TEXT_VIEW_NAMES.find((v) => v.name === name)?.needsId;
  const subject = needsId ? checkId(data, name, needsId, id) : '';
  const diagram = view.mermaid(data, subject);
  if (format === 'mermaid') return diagram;
  const title = markdownText(view.title(data, subject));
  return `## ${title}\n\n\`\`\`mermaid\n${diagram}\`\`\`\n\n${view.markdown(data, subject)}\n`;
}
