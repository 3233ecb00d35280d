import { fieldValue, findElements, type Model, related } from '@tracery/core';
import { interfaceParties } from '../data/interface-parties.js';
import { serviceGraph } from '../data/service-graph.js';
import { markdownTableOf } from './markdown-text.js';
import { MermaidFlowchart } from './mermaid-text.js';

/** A label for a node: its id and, when it has one, its name. */
export function named(model: Model, id: string): string {
  const name = model.findElement(id)?.name ?? '';
  return name === '' ? id : `${id}: ${name}`;
}

function text(model: Model, id: string, field: string): string {
  const value = fieldValue(model.getElement(id), field);
  return value === undefined ? '' : Array.isArray(value) ? value.join(', ') : String(value);
}

/** The service map (TOM): services and roles, an arrow per sender and receiver with the interfaces between. */
export function servicesMermaid(model: Model): string {
  const chart = new MermaidFlowchart('LR');
  const graph = serviceGraph(model);
  for (const { data } of graph.nodes)
    chart.node(data.id, named(model, data.id), data.kind === 'Role' ? 'stadium' : 'box');
  for (const { data } of graph.edges) chart.edge(data.source, data.target, data.label);
  return chart.render();
}

/** The service map as a table: each service and role, what it sends and what it receives. */
export function servicesMarkdown(model: Model): string {
  const list = interfaceParties(model);
  const rows = findElements(model, { kind: ['Service', 'Role'] }).map((e) => [
    e.id,
    e.name,
    e.kind,
    list
      .filter((i) => i.senders.includes(e.id))
      .map((i) => i.id)
      .join(', '),
    list
      .filter((i) => i.receivers.includes(e.id))
      .map((i) => i.id)
      .join(', '),
  ]);
  return markdownTableOf(['id', 'name', 'kind', 'sends', 'receives'], rows);
}

/** The interface catalogue as a diagram: an arrow per interface from each sender to each receiver. */
export function interfacesMermaid(model: Model): string {
  const chart = new MermaidFlowchart('LR');
  for (const i of interfaceParties(model))
    for (const from of i.senders)
      for (const to of i.receivers) {
        chart.node(from, named(model, from));
        chart.node(to, named(model, to));
        chart.edge(from, to, i.id);
      }
  return chart.render();
}

/** The interface catalogue: every interface with its channel, frequency, senders and receivers. */
export function interfacesMarkdown(model: Model): string {
  const rows = interfaceParties(model).map((i) => [
    i.id,
    model.getElement(i.id).name,
    text(model, i.id, 'channel'),
    text(model, i.id, 'frequency'),
    i.senders.join(', '),
    i.receivers.join(', '),
  ]);
  return markdownTableOf(['interface', 'name', 'channel', 'frequency', 'senders', 'receivers'], rows);
}

/** The data view as a diagram: each entity, the interfaces that carry it and who uses it. */
export function dataMermaid(model: Model): string {
  const chart = new MermaidFlowchart('LR');
  for (const entity of findElements(model, { kind: 'DataEntity' })) {
    chart.node(entity.id, named(model, entity.id), 'subroutine');
    for (const carrier of related(model, entity.id, 'carriedBy')) {
      chart.node(carrier, named(model, carrier), 'box');
      chart.edge(entity.id, carrier, 'carried by');
    }
    for (const user of related(model, entity.id, 'usedBy')) {
      chart.node(user, named(model, user), 'round');
      chart.edge(entity.id, user, 'used by', true);
    }
  }
  return chart.render();
}

/** The data view: each entity's items, the interfaces that carry them and who uses them. */
export function dataMarkdown(model: Model): string {
  const rows: string[][] = [];
  for (const entity of findElements(model, { kind: 'DataEntity' })) {
    rows.push([
      entity.id,
      '',
      related(model, entity.id, 'carriedBy').join(', '),
      related(model, entity.id, 'usedBy').join(', '),
    ]);
    for (const item of related(model, entity.id, 'hasPart').filter(
      (id) => model.findElement(id)?.kind === 'DataItem',
    ))
      rows.push([
        entity.id,
        named(model, item),
        related(model, item, 'carriedBy').join(', '),
        related(model, item, 'usedBy').join(', '),
      ]);
  }
  return markdownTableOf(['entity', 'data item', 'carried by', 'used by'], rows);
}
