import type { CoverageVerdict } from '@tracery/core';
import type { SiteData } from '../data/site-data.js';
import { elementHref } from '../href.js';

/** How a shape is coloured: a finding (error or warning) on its element, else its coverage verdict. */
export type ShapeState = 'finding' | CoverageVerdict | 'not-assessed';

/** What the browser needs to draw a diagram: where its XML is, and each linked shape's page and colour. */
export type DiagramData = {
  readonly xml: string;
  readonly shapes: Readonly<Record<string, { id: string; href: string; state: ShapeState }>>;
};

function stateOf(data: SiteData, id: string): ShapeState {
  const findings = data.index.findings.get(id) ?? [];
  if (findings.some((f) => f.severity !== 'info')) return 'finding';
  return data.index.coverage.get(id)?.verdict ?? 'not-assessed';
}

/** The files of each diagram: its BPMN XML as it is in the repository, and its {@link DiagramData}. */
export async function diagramFiles(
  data: SiteData,
  read: (file: string) => Promise<Uint8Array>,
): Promise<[string, () => string | Uint8Array][]> {
  const files: [string, () => string | Uint8Array][] = [];
  for (const diagram of data.diagrams) {
    const xml = await read(diagram.file);
    const shapes: Record<string, DiagramData['shapes'][string]> = {};
    for (const [bpmnId, id] of [...diagram.links].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      shapes[bpmnId] = { id, href: elementHref(id, ''), state: stateOf(data, id) };
    const json: DiagramData = { xml: `d/${diagram.siteFile}.bpmn`, shapes };
    files.push([`d/${diagram.siteFile}.bpmn`, () => xml]);
    files.push([`d/${diagram.siteFile}.json`, () => JSON.stringify(json)]);
  }
  return files;
}
