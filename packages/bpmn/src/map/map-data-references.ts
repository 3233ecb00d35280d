import type { BpmnDataAssociation, ModdleElement } from '../parse/moddle-types.js';
import { elementsOf, isModdleElement, moddleTypeOf } from '../parse/moddle-types.js';
import { createElementMatcher, type ElementMatcher } from './element-matcher.js';
import { createdId } from './generated-id.js';
import { cleanName } from './id-token.js';
import type { ElementRef, ProcessMap } from './map-processes.js';
import {
  emitElement,
  emitRelation,
  extensionOf,
  type MappingContext,
  originOf,
  report,
} from './mapping-context.js';

const DATA_REFERENCES = new Set(['bpmn:DataObjectReference', 'bpmn:DataStoreReference']);
const NO_PAIRS: readonly [ModdleElement, ModdleElement][] = [];

/**
 * Matches each data object and data store reference to a data element of the model (by `tracery:id`,
 * id or name, without a trailing `[state]`), and adds `uses` from each step that reads or writes it
 * through a data association.
 */
export function mapDataReferences(context: MappingContext, processes: ProcessMap): void {
  const resolve = createDataResolver(
    context,
    createElementMatcher(context.model, context.mapping.kinds.data),
  );
  for (const mapped of processes.processes) {
    for (const reference of mapped.dataReferences) resolve(reference);
    for (const node of mapped.flowNodesWithData) {
      const pairs = associatedData(node);
      if (pairs.length === 0) continue;
      const step = processes.stepOf.get(node);
      if (!step) continue;
      for (const [association, reference] of pairs) {
        const data = resolve(reference);
        if (!data) continue;
        const draft = {
          type: context.mapping.relations.uses,
          source: step.id,
          sourceKind: step.kind,
          target: data.id,
          targetKind: data.kind,
        };
        emitRelation(context, draft, originOf(context, association, reference, node));
      }
    }
  }
}

/** The data references a flow node reads (input associations) and writes (output associations). */
function associatedData(node: ModdleElement): readonly [ModdleElement, ModdleElement][] {
  // Most flow nodes have no data association: no lists built for them.
  if (node.dataInputAssociations === undefined && node.dataOutputAssociations === undefined) return NO_PAIRS;
  const pairs: [ModdleElement, ModdleElement][] = [];
  for (const association of elementsOf<BpmnDataAssociation>(node.dataInputAssociations)) {
    for (const source of elementsOf(association.sourceRef)) pairs.push([association, source]);
  }
  for (const association of elementsOf<BpmnDataAssociation>(node.dataOutputAssociations)) {
    if (isModdleElement(association.targetRef)) pairs.push([association, association.targetRef]);
  }
  return pairs.filter(([, reference]) => DATA_REFERENCES.has(moddleTypeOf(reference) as string));
}

function createDataResolver(
  context: MappingContext,
  match: ElementMatcher,
): (reference: ModdleElement) => ElementRef | undefined {
  const resolved = new Map<ModdleElement, ElementRef | undefined>();
  return (reference) => {
    if (resolved.has(reference)) return resolved.get(reference);
    const result = resolveData(context, match, reference);
    resolved.set(reference, result);
    return result;
  };
}

function resolveData(
  context: MappingContext,
  match: ElementMatcher,
  reference: ModdleElement,
): ElementRef | undefined {
  const target = [reference.dataObjectRef, reference.dataStoreRef].find(isModdleElement);
  const explicitId = extensionOf(context, reference).id ?? extensionOf(context, target).id;
  const name = cleanName(reference.name || target?.name).replace(/\s*\[[^\]]*\]$/, '');
  const outcome = match({ explicitId, name });
  if (outcome.status === 'found') return { id: outcome.id, kind: outcome.kind };
  const place = { elementId: reference.id, source: originOf(context, reference) };
  const kind = context.mapping.kinds.data[0];
  if (outcome.status === 'none' && context.createData && kind !== undefined && (explicitId ?? name) !== '') {
    const id = createdId(context, kind, explicitId, name);
    emitElement(context, { id, kind, name: name || id, attributes: {} }, place.source);
    return { id, kind };
  }
  const kinds = context.mapping.kinds.data.join(' or ');
  const what = reference.$type === 'bpmn:DataStoreReference' ? 'data store' : 'data object';
  const label = `${what} "${reference.id}"${name ? ` ("${name}")` : ''}`;
  if (outcome.status === 'ambiguous') {
    const ids = outcome.ids.map((id) => `"${id}"`).join(', ');
    report(context, 'bpmn-ambiguous-match', `${label} matches ${ids}; add tracery:id to say which.`, place);
  } else if (outcome.status === 'unknown-id') {
    report(
      context,
      'bpmn-unknown-reference',
      `${label} has tracery:id="${outcome.id}", which is no ${kinds} in the model.`,
      place,
    );
  } else {
    const message = `${label} matches no ${kinds} in the model by id, name or short name; add tracery:id or add the element to the model.`;
    report(context, 'bpmn-unmatched-data', message, place);
  }
  return undefined;
}
