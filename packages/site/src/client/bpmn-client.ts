import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer.js';
import type { DiagramData } from '../build/diagram-files.js';

document.documentElement.classList.add('js');

type Canvas = { addMarker(id: string, marker: string): void; zoom(level: string): void };
type ElementRegistry = {
  get(id: string): { id: string } | undefined;
  getGraphics(id: string): SVGElement | undefined;
};

/** Fill and stroke of a shape by its state: green covered, amber shallow, red a finding or uncovered. */
const COLOURS: Record<string, [fill: string, stroke: string]> = {
  covered: ['#dff3e4', '#1a7f37'],
  'covered-shallow': ['#fff4d6', '#9a6700'],
  uncovered: ['#fde2e1', '#c62828'],
  finding: ['#fde2e1', '#c62828'],
  cycle: ['#fff4d6', '#9a6700'],
  'not-assessed': ['#eef1f4', '#4a5563'],
};
type EventBus = { on(event: string, callback: (event: { element: { id: string } }) => void): void };

/** Draws one diagram with bpmn-js, colours its linked shapes and makes them open their element's page. */
async function draw(container: HTMLElement, base: string): Promise<void> {
  const url = container.dataset.diagram;
  if (!url) return;
  const data = (await (await fetch(url)).json()) as DiagramData;
  const xml = await (await fetch(`${base}${data.xml}`)).text();
  container.replaceChildren();
  const viewer = new NavigatedViewer({ container });
  await viewer.importXML(xml);
  const canvas = viewer.get('canvas') as Canvas;
  const registry = viewer.get('elementRegistry') as ElementRegistry;
  canvas.zoom('fit-viewport');
  for (const [bpmnId, shape] of Object.entries(data.shapes)) {
    if (!registry.get(bpmnId)) continue;
    canvas.addMarker(bpmnId, 'linked');
    canvas.addMarker(bpmnId, `state-${shape.state}`);
    // Colours go on the drawn shape itself (a style property, which the CSP allows), over bpmn-js's own.
    const visual = registry.getGraphics(bpmnId)?.querySelector<SVGElement>('.djs-visual > :first-child');
    const [fill, stroke] = COLOURS[shape.state] ?? COLOURS['not-assessed']!;
    visual?.style.setProperty('fill', fill);
    visual?.style.setProperty('stroke', stroke);
  }
  (viewer.get('eventBus') as EventBus).on('element.click', (event) => {
    const shape = data.shapes[event.element.id];
    if (shape) window.location.href = `${base}${shape.href}`;
  });
  container.dataset.drawn = 'true';
}

for (const container of document.querySelectorAll<HTMLElement>('.bpmn-canvas')) {
  draw(container, document.body.dataset.base ?? '').catch((error: unknown) => {
    container.textContent = `The diagram could not be drawn: ${String(error)}`;
  });
}
