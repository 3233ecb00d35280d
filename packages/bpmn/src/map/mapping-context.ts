import type { Diagnostic, Element, Metamodel, Model, Origin, Relation } from '@tracery/core';
import { isRelationAllowed } from '@tracery/core/advanced';
import { bpmnDiagnostic, type DiagnosticPlace } from '../diagnostics/bpmn-diagnostic.js';
import type { BpmnDiagnosticCode } from '../diagnostics/bpmn-diagnostic-codes.js';
import type { ModdleElement } from '../parse/moddle-types.js';
import type { ParsedBpmn } from '../parse/parse-bpmn.js';
import type { BpmnMapping } from './bpmn-mapping.js';
import type { MappedRelation, RelationTable } from './relation-table.js';

export type { MappedRelation };

/** An element that a diagram produced, with where it was drawn. */
export type MappedElement = { readonly element: Element; readonly origin: Origin };

/** The state of one mapping run: its inputs, and the elements, relations and diagnostics so far. */
export type MappingContext = {
  readonly file: string;
  readonly parsed: ParsedBpmn;
  readonly model: Model | undefined;
  readonly metamodel: Metamodel;
  readonly mapping: BpmnMapping;
  readonly patterns: { readonly businessProcessId: RegExp; readonly interfaceId: RegExp };
  /** The kind to create for a lane or pool that matches nothing; undefined reports it instead. */
  readonly createPerformers: string | undefined;
  /** True to create a data element for a data object or store that matches nothing. */
  readonly createData: boolean;
  /** True to give a process that names no business process a generated id. */
  readonly createProcesses: boolean;
  readonly idTemplates: {
    readonly businessProcess: string;
    readonly step: string;
    /** By kind, for lanes, pools and data created for what matches nothing. */
    readonly kinds: Readonly<Record<string, string>>;
  };
  /** BPMN id -> model id from an earlier import. */
  readonly previousIds: ReadonlyMap<string, string>;
  /**
   * The ids this run gave (processes and steps), set through {@link assignId}: `log` holds BPMN id, model
   * id, ... in the order given (the result's `ids` is read from it). Only `createProcesses` asks who holds
   * an id ({@link assignedFrom}): then `current` (BPMN id -> model id) and `first` (model id -> the first
   * BPMN id given it) are folded in from the log, so that other runs keep no map of them.
   */
  readonly assigned: {
    readonly log: string[];
    readonly current: Map<string, string>;
    readonly first: Map<string, string>;
    folded: number;
  };
  /** The next id from a template that neither the model, this diagram nor an earlier import uses. */
  readonly fillIdTemplate: (template: string) => string;
  readonly elements: Map<string, MappedElement>;
  readonly relations: RelationTable;
  readonly diagnostics: Diagnostic[];
};

/** Where a BPMN element starts in the file: the first of the elements whose id has a position, else line 1. */
export function originOf(
  context: MappingContext,
  element: ModdleElement | undefined,
  second?: ModdleElement,
  third?: ModdleElement,
): Origin {
  const { positions } = context.parsed;
  const id = element?.id;
  const position =
    (id === undefined ? undefined : positions.get(id)) ??
    (second?.id === undefined ? undefined : positions.get(second.id)) ??
    (third?.id === undefined ? undefined : positions.get(third.id));
  return position ?? { file: context.file, line: 1, column: 1 };
}

/** Records that this run gave a BPMN element a model id. */
export function assignId(context: MappingContext, bpmnId: string, modelId: string): void {
  context.assigned.log.push(bpmnId, modelId);
}

/**
 * The first BPMN element this run gave `modelId` to, or undefined (a look-up, not a scan of every id):
 * folds the ids given since the last question into `current` and `first`.
 */
export function assignedFrom(context: MappingContext, modelId: string): string | undefined {
  const from = context.assigned;
  for (; from.folded < from.log.length; from.folded += 2) {
    const bpmn = from.log[from.folded] as string;
    const model = from.log[from.folded + 1] as string;
    from.current.set(bpmn, model);
    if (!from.first.has(model)) from.first.set(model, bpmn);
  }
  const first = from.first.get(modelId);
  if (first === undefined || from.current.get(first) === modelId) return first;
  // That element was given another id since: the first one still holding modelId, in order.
  return [...from.current.entries()].find(([, id]) => id === modelId)?.[0];
}

/**
 * BPMN id -> model id of each id this run gave, sorted by BPMN id (a BPMN id given twice keeps the last).
 */
export function assignedIds(context: MappingContext): Map<string, string> {
  const { log } = context.assigned;
  const order: number[] = [];
  for (let k = 0; k < log.length; k += 2) order.push(k);
  // Stable: of two entries for one BPMN id, the later is set last and wins.
  order.sort((a, b) => {
    const x = log[a] as string;
    const y = log[b] as string;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const ids = new Map<string, string>();
  for (const k of order) ids.set(log[k] as string, log[k + 1] as string);
  return ids;
}

/** The `tracery:` attributes of a BPMN element (empty when it has none). */
export function extensionOf(
  context: MappingContext,
  element: ModdleElement | undefined,
): Readonly<Record<string, string>> {
  const attributes = context.parsed.extensionAttributes;
  // Most diagrams have none: no look-up (and no hash of each id) then.
  const id = attributes.size === 0 ? undefined : element?.id;
  return (id === undefined ? undefined : attributes.get(id)) ?? NO_EXTENSIONS;
}

const NO_EXTENSIONS: Readonly<Record<string, string>> = Object.freeze({});

/** Adds a diagnostic about a BPMN element. */
export function report(
  context: MappingContext,
  code: BpmnDiagnosticCode,
  message: string,
  place: DiagnosticPlace,
): void {
  context.diagnostics.push(bpmnDiagnostic(code, message, place));
}

/**
 * The kind of the element an id refers to: one this run produced, or one in the model.
 * Without a model, an id the diagram names explicitly is trusted to be of `expectedKind`.
 */
export function kindOfReference(
  context: MappingContext,
  id: string,
  expectedKind: string,
): string | undefined {
  const produced = context.elements.get(id);
  if (produced) return produced.element.kind;
  if (context.model) return context.model.findElement(id)?.kind;
  return expectedKind;
}

/**
 * Adds an element unless the model already holds it (then the diagram refers to it) or this run
 * produced it already (the first drawing wins). Returns false when it was not added.
 */
export function emitElement(context: MappingContext, element: Element, origin: Origin): boolean {
  if (context.elements.has(element.id)) return false;
  const existing = context.model?.findElement(element.id);
  if (existing) {
    if (existing.kind !== element.kind) {
      const message = `the diagram makes "${element.id}" a ${element.kind}, but the model has it as a ${existing.kind}; rename one of them.`;
      report(context, 'bpmn-kind-conflict', message, { elementId: element.id, source: origin });
    }
    return false;
  }
  context.elements.set(element.id, { element, origin });
  return true;
}

/** The ends of a relation to add, with their kinds (checked against the metamodel). */
export type RelationDraft = {
  readonly type: string;
  readonly source: string;
  readonly sourceKind: string;
  readonly target: string;
  readonly targetKind: string;
};

/** Adds a relation when the metamodel allows it between these kinds; the first of duplicates wins. */
export function emitRelation(context: MappingContext, draft: RelationDraft, origin: Origin): void {
  if (!relationAllowed(context.metamodel, draft)) {
    if (context.relations.has(draft.source, draft.type, draft.target)) return;
    const message = `the diagram implies ${draft.source} (${draft.sourceKind}) -${draft.type}-> ${draft.target} (${draft.targetKind}), which the metamodel does not allow between these kinds; it was left out.`;
    report(context, 'bpmn-kind-conflict', message, { elementId: draft.source, source: origin });
    return;
  }
  const relation: Relation = { type: draft.type, source: draft.source, target: draft.target, attributes: {} };
  context.relations.add(relation, origin);
}

// A diagram asks the same few questions thousands of times: remember the metamodel's answers, by
// relation type, source kind and target kind (short strings that need no key built of them).
type AllowedAnswers = Map<string, Map<string, Map<string, boolean>>>;
const allowedCache = new WeakMap<Metamodel, AllowedAnswers>();

function relationAllowed(metamodel: Metamodel, draft: RelationDraft): boolean {
  let byType = allowedCache.get(metamodel);
  if (!byType) {
    byType = new Map();
    allowedCache.set(metamodel, byType);
  }
  let bySource = byType.get(draft.type);
  if (!bySource) {
    bySource = new Map();
    byType.set(draft.type, bySource);
  }
  let byTarget = bySource.get(draft.sourceKind);
  if (!byTarget) {
    byTarget = new Map();
    bySource.set(draft.sourceKind, byTarget);
  }
  let allowed = byTarget.get(draft.targetKind);
  if (allowed === undefined) {
    allowed = isRelationAllowed(metamodel, draft.type, draft.sourceKind, draft.targetKind);
    byTarget.set(draft.targetKind, allowed);
  }
  return allowed;
}

/** The documentation of a BPMN element as one text, or undefined when it has none. */
export function documentationOf(element: ModdleElement | undefined): string | undefined {
  const docs = element?.documentation;
  if (docs === undefined || docs.length === 0) return undefined;
  let text = '';
  for (const doc of docs) {
    const part = (doc.text ?? '').trim();
    if (part !== '') text = text === '' ? part : `${text}\n\n${part}`;
  }
  return text === '' ? undefined : text;
}
