import {
  assessChangeRequest,
  assessOptionsFromConfig,
  computeImpact,
  defaultMetamodel,
  formatPath,
  Model,
  type PathStep,
} from '@tracery/core';
import { extendMetamodel, type MetamodelExtension } from '@tracery/core/advanced';
import type { ModelJson } from '../data/model-json.js';
import { elementHref } from '../href.js';

// The impact explorer: core's impact engine, bundled for the browser, over the site's model.
document.documentElement.classList.add('js');

const base = document.body.dataset.base ?? '';
const form = document.querySelector<HTMLFormElement>('#impact-form');
const idsInput = document.querySelector<HTMLInputElement>('#impact-ids');
const crSelect = document.querySelector<HTMLSelectElement>('#impact-cr');
const status = document.querySelector<HTMLElement>('#impact-status');
const output = document.querySelector<HTMLElement>('#impact-result');
const jsonOutput = document.querySelector<HTMLElement>('#impact-json');

let loaded: Promise<{ model: Model; json: ModelJson }> | undefined;

/** The model, rebuilt from data/model.json in the order the repository loaded it. */
function loadModel(): Promise<{ model: Model; json: ModelJson }> {
  loaded ??= (async () => {
    const json = (await (await fetch(`${base}data/model.json`)).json()) as ModelJson;
    const { metamodel } = extendMetamodel(
      defaultMetamodel(),
      (json.config.metamodel ?? {}) as MetamodelExtension,
    );
    const model = new Model(metamodel);
    for (const element of json.elements) model.addElement(element);
    for (const relation of json.relations) model.addRelation(relation);
    return { model, json };
  })();
  return loaded;
}

function link(id: string, model: Model): HTMLElement {
  const a = document.createElement('a');
  a.className = 'id';
  a.href = elementHref(id, base);
  a.textContent = id;
  const span = document.createElement('span');
  span.append(a, ` ${model.findElement(id)?.name ?? ''}`);
  return span;
}

/** What both an impact run and a change-request assessment list: each impacted element with its path. */
type Impacted = readonly {
  readonly id: string;
  readonly kind: string;
  readonly path: readonly PathStep[];
}[];

function render(impacted: Impacted, model: Model): void {
  if (!output) return;
  output.replaceChildren();
  const byId = new Map(impacted.map((e) => [e.id, e]));
  const idsByKind = new Map<string, string[]>();
  for (const e of impacted) {
    const group = idsByKind.get(e.kind);
    if (group) group.push(e.id);
    else idsByKind.set(e.kind, [e.id]);
  }
  for (const [kind, ids] of [...idsByKind].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const section = document.createElement('section');
    section.className = 'results-group';
    const h2 = document.createElement('h2');
    h2.textContent = `${kind} (${ids.length})`;
    const ul = document.createElement('ul');
    ul.className = 'plain';
    for (const id of ids) {
      const li = document.createElement('li');
      const path = document.createElement('div');
      path.className = 'impact-path';
      path.textContent = formatPath(byId.get(id)?.path ?? []);
      li.append(link(id, model), path);
      ul.append(li);
    }
    section.append(h2, ul);
    output.append(section);
  }
}

async function run(): Promise<void> {
  if (!status || !jsonOutput) return;
  status.textContent = 'Working…';
  try {
    const { model, json } = await loadModel();
    const options = assessOptionsFromConfig(json.config);
    const cr = crSelect?.value ?? '';
    const ids = (idsInput?.value ?? '').split(/[\s,]+/).filter(Boolean);
    const unknown = ids.filter((id) => !model.hasElement(id));
    if (!cr && ids.length === 0) {
      status.textContent = 'Give at least one element id, or pick a change request.';
      return;
    }
    if (!cr && unknown.length > 0) {
      status.textContent = `Not in the design: ${unknown.join(', ')}.`;
      return;
    }
    const payload = cr ? assessChangeRequest(model, cr, options) : computeImpact(model, ids, options);
    render(payload.impacted, model);
    jsonOutput.textContent = `${JSON.stringify(payload, null, 2)}\n`;
    status.textContent = `${payload.impacted.length} elements impacted by ${cr || ids.join(', ')}.`;
  } catch (error) {
    status.textContent = `The impact could not be worked out: ${String(error)}`;
  }
}

form?.addEventListener('submit', (event) => {
  event.preventDefault();
  void run();
});
const initial = new URLSearchParams(window.location.search);
if (idsInput && initial.get('ids')) idsInput.value = initial.get('ids') ?? '';
if (initial.get('ids')) void run();
