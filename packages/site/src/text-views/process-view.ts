import { fieldValue, type Model, related } from '@tracery/core';
import { markdownTableOf } from './markdown-text.js';
import { MermaidFlowchart, type Shape } from './mermaid-text.js';
import { named } from './model-views.js';

/** The steps of a process in their order (`order`, then id). */
function steps(model: Model, process: string): string[] {
  const order = (id: string) => Number(fieldValue(model.getElement(id), 'order') ?? Number.POSITIVE_INFINITY);
  return related(model, process, 'hasPart')
    .filter((id) => model.findElement(id)?.kind === 'ProcessStep')
    .sort((a, b) => order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0));
}

function shapeOf(model: Model, step: string): Shape {
  const type = String(fieldValue(model.getElement(step), 'stepType') ?? '');
  return type === 'event' ? 'circle' : type === 'decision' || type === 'gateway' ? 'diamond' : 'box';
}

/** A business process as a flowchart: its steps in lanes by who performs them, joined by their flows. */
export function processMermaid(model: Model, process: string): string {
  const chart = new MermaidFlowchart('LR');
  const list = steps(model, process);
  for (const step of list) {
    const lane = related(model, step, 'performedBy')[0];
    chart.node(step, named(model, step), shapeOf(model, step), lane ? { group: named(model, lane) } : {});
  }
  for (const step of list)
    for (const next of related(model, step, 'flowsTo')) if (chart.has(next)) chart.edge(step, next);
  return chart.render();
}

/** A business process as a table: each step, who performs it, what follows it, what it exchanges. */
export function processMarkdown(model: Model, process: string): string {
  const rows = steps(model, process).map((step) => [
    step,
    model.getElement(step).name,
    related(model, step, 'performedBy').join(', '),
    related(model, step, 'flowsTo').join(', '),
  ]);
  return markdownTableOf(['step', 'name', 'performed by', 'flows to'], rows);
}
