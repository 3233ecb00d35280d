import type { Diagnostic, Element, Metamodel, Model, Origin, Relation } from '@tracery/core';
import { isRelationAllowed, relationKey } from '@tracery/core/advanced';
import { bpmnDiagnostic, type DiagnosticPlace } from '../diagnostics/bpmn-diagnostic.js';
import type { BpmnDiagnosticCode } from '../diagnostics/bpmn-diagnostic-codes.js';
import type { ModdleElement } from '../parse/moddle-types.js';
import type { ParsedBpmn } from '../parse/parse-bpmn.js';
import type { BpmnMapping } from './bpmn-mapping.js';

/** An element that a diagram produced, with where it was drawn. */
export type MappedElement = { readonly element: Element; readonly origin: Origin };

/** A relation that a diagram produced, with the BPMN element it came from. */
export type MappedRelation = { readonly relation: Relation; readonly origin: Origin };

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
  /** BPMN id -> model id given by this run (processes and steps); set through {@link assignId}. */
  readonly assigned: Map<string, string>;
  /** Model id -> the first BPMN id given it by this run (the reverse of `assigned`). */
  readonly assignedFrom: Map<string, string>;
  /** The next id from a template that neither the model, this diagram nor an earlier import uses. */
  readonly fillIdTemplate: (template: string) => string;
  readonly elements: Map<string, MappedElement>;
  readonly relations: Map<string, MappedRelation>;
  readonly diagnostics: Diagnostic[];
};

/** Where a BPMN element starts in the file: the first of `elements` whose id has a position, else line 1. */
export function originOf(context: MappingContext, ...elements: (ModdleElement | undefined)[]): Origin {
  for (const element of elements) {
    const position = element?.id === undefined ? undefined : context.parsed.positions.get(element.id);
    if (position) return position;
  }
  return { file: context.file, line: 1, column: 1 };
}

/** Records that this run gave a BPMN element a model id. */
export function assignId(context: MappingContext, bpmnId: string, modelId: string): void {
  context.assigned.set(bpmnId, modelId);
  if (!context.assignedFrom.has(modelId)) context.assignedFrom.set(modelId, bpmnId);
}

/** The first BPMN element this run gave `modelId` to, or undefined (a look-up, not a scan of every id). */
export function assignedFrom(context: MappingContext, modelId: string): string | undefined {
  const first = context.assignedFrom.get(modelId);
  if (first === undefined || context.assigned.get(first) === modelId) return first;
  // That element was given another id since: the first one still holding modelId, in order.
  return [...context.assigned.entries()].find(([, id]) => id === modelId)?.[0];
}

/** The `tracery:` attributes of a BPMN element (empty when it has none). */
export function extensionOf(
  context: MappingContext,
  element: ModdleElement | undefined,
): Readonly<Record<string, string>> {
  const id = element?.id;
  return (id === undefined ? undefined : context.parsed.extensionAttributes.get(id)) ?? {};
}

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
  const relation: Relation = { type: draft.type, source: draft.source, target: draft.target, attributes: {} };
  const key = relationKey(relation);
  if (context.relations.has(key)) return;
  if (!relationAllowed(context, draft)) {
    const message = `the diagram implies ${draft.source} (${draft.sourceKind}) -${draft.type}-> ${draft.target} (${draft.targetKind}), which the metamodel does not allow between these kinds; it was left out.`;
    report(context, 'bpmn-kind-conflict', message, { elementId: draft.source, source: origin });
    return;
  }
  context.relations.set(key, { relation, origin });
}

// A diagram asks the same few questions thousands of times: remember the metamodel's answers.
const allowedCache = new WeakMap<Metamodel, Map<string, boolean>>();

function relationAllowed(context: MappingContext, draft: RelationDraft): boolean {
  let answers = allowedCache.get(context.metamodel);
  if (!answers) {
    answers = new Map();
    allowedCache.set(context.metamodel, answers);
  }
  const key = `${draft.type}\u0000${draft.sourceKind}\u0000${draft.targetKind}`;
  let allowed = answers.get(key);
  if (allowed === undefined) {
    allowed = isRelationAllowed(context.metamodel, draft.type, draft.sourceKind, draft.targetKind);
    answers.set(key, allowed);
  }
  return allowed;
}

/** The documentation of a BPMN element as one text, or undefined when it has none. */
export function documentationOf(element: ModdleElement | undefined): string | undefined {
  const text = (element?.documentation ?? [])
    .map((doc) => (doc.text ?? '').trim())
    .filter((t) => t !== '')
    .join('\n\n');
  return text === '' ? undefined : text;
}
