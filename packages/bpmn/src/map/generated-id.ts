import { defaultIdTemplate } from '@tracery/core/advanced';
import type { MappingContext } from './mapping-context.js';

/** `BP004.Activity_1`, unless that breaks the step kind's id pattern: then the step template (`BP004-03`). */
export function stepId(
  context: MappingContext,
  bpmnId: string,
  businessProcess: { readonly id: string },
  kind: string,
): string {
  // Joined, not concatenated: one flat string rather than a chain that each map it keys must flatten.
  const plain = [businessProcess.id, context.mapping.stepIdSeparator, bpmnId].join('');
  return fits(context, kind, plain)
    ? plain
    : nextFreeId(context, context.idTemplates.step, businessProcess.id);
}

/**
 * The id of an element created for a lane, pool or data object that matches nothing: its tracery:id, or
 * its name made into an id (`Customer Service` -> `Customer-Service`) when that fits the kind's id
 * pattern, else the next id from the kind's template (`bpmn.ids.<Kind>`, default its capitals and a number).
 */
export function createdId(
  context: MappingContext,
  kind: string,
  explicitId: string | undefined,
  name: string,
): string {
  const candidate =
    explicitId ?? name.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
  if (candidate !== '' && fits(context, kind, candidate)) return candidate;
  return nextFreeId(context, context.idTemplates.kinds[kind] ?? defaultIdTemplate(kind), '');
}

// A diagram asks whether thousands of step ids fit their kind's pattern: compile each pattern once.
const compiledPatterns = new WeakMap<MappingContext['metamodel'], Map<string, RegExp | undefined>>();

function fits(context: MappingContext, kind: string, id: string): boolean {
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(id)) return false;
  let patterns = compiledPatterns.get(context.metamodel);
  if (!patterns) {
    patterns = new Map();
    compiledPatterns.set(context.metamodel, patterns);
  }
  if (!patterns.has(kind)) {
    const source = context.metamodel.kinds.get(kind)?.idPattern;
    patterns.set(kind, source === undefined ? undefined : new RegExp(source));
  }
  const pattern = patterns.get(kind);
  return pattern === undefined || pattern.test(id);
}

/** The first id from a template that neither the model, this diagram nor an earlier import of it uses. */
export function nextFreeId(context: MappingContext, template: string, process: string): string {
  return context.fillIdTemplate(template.replaceAll('{process}', process));
}
