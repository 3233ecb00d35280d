import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import type { GraphJson } from '../data/service-graph.js';

// Graph views (the service map): Cytoscape.js with the dagre layout; a node opens its element's page.
document.documentElement.classList.add('js');
cytoscape.use(dagre);

const base = document.body.dataset.base ?? '';

async function draw(container: HTMLElement): Promise<void> {
  const graph = (await (await fetch(container.dataset.graph ?? '')).json()) as GraphJson;
  container.replaceChildren();
  const cy = cytoscape({
    container,
    elements: { nodes: [...graph.nodes], edges: [...graph.edges] },
    layout: { name: 'dagre', rankDir: 'LR', nodeSep: 20, rankSep: 90 } as cytoscape.LayoutOptions,
    wheelSensitivity: 0.3,
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(label)',
          'text-valign': 'center',
          'text-halign': 'center',
          shape: 'round-rectangle',
          width: 70,
          height: 30,
          'font-size': 11,
          'background-color': '#dbe8f6',
          'border-color': '#0b5cad',
          'border-width': 1.5,
          color: '#1b1f24',
        },
      },
      {
        selector: 'node[kind = "Role"]',
        style: { 'background-color': '#fff4d6', 'border-color': '#9a6700', shape: 'ellipse' },
      },
      {
        selector: 'edge',
        style: {
          width: 1.2,
          'curve-style': 'bezier',
          'target-arrow-shape': 'triangle',
          'line-color': '#8c959f',
          'target-arrow-color': '#8c959f',
          label: 'data(label)',
          'font-size': 8,
          color: '#4a5563',
          'text-rotation': 'autorotate',
        },
      },
    ],
  });
  cy.on('tap', 'node', (event) => {
    window.location.href = `${base}${String(event.target.data('href'))}`;
  });
  container.dataset.drawn = 'true';
}

for (const container of document.querySelectorAll<HTMLElement>('.graph-canvas')) {
  draw(container).catch((error: unknown) => {
    container.textContent = `The graph could not be drawn: ${String(error)}`;
  });
}
