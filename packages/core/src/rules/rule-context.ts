import type { Severity } from '../diagnostics/diagnostic.js';
import type { Model } from '../model/model.js';
import type { TraceryConfig } from '../repository/repository-config.js';
import { type Finding, findingFingerprint } from './finding.js';
import type { FindingInput, Rule, RuleContext, RuleInputs } from './rule.js';
import { RuleIndex } from './rule-index.js';

/**
 * The ids at the other end of an element's relations of one name (a type or an inverse name), sorted.
 * Reads the model's own adjacency directly, so rules stay fast on large models.
 *
 * @example
 * relatedIds(model, 'IF-021', 'sentBy') // ['ADS', 'SDS', 'UMSDS']
 */
export function relatedIds(model: Model, id: string, name: string): string[] {
  const resolved = model.metamodel.relationNames.get(name);
  if (!resolved || !model.hasElement(id)) return [];
  const type = resolved.type.name;
  const ids: string[] = [];
  if (resolved.inverse) {
    for (const relation of model.inRelations(id)) if (relation.type === type) ids.push(relation.source);
  } else {
    for (const relation of model.outRelations(id)) if (relation.type === type) ids.push(relation.target);
  }
  return ids.sort();
}

/** True when an element has at least one relation of this name (a type or an inverse name). */
export function hasRelated(model: Model, id: string, name: string): boolean {
  const resolved = model.metamodel.relationNames.get(name);
  if (!resolved || !model.hasElement(id)) return false;
  const type = resolved.type.name;
  const relations = resolved.inverse ? model.inRelations(id) : model.outRelations(id);
  for (const relation of relations) if (relation.type === type) return true;
  return false;
}

/** What the engine gives {@link createRuleContext} for one rule. */
export type RuleRun = {
  readonly rule: Rule;
  readonly severity: Severity;
  /** True when tracery.yaml overrides the rule's severity: it then wins over a finding's own. */
  readonly overridden: boolean;
  readonly options: unknown;
  readonly model: Model;
  readonly config: TraceryConfig | undefined;
  readonly inputs: RuleInputs;
  /** The run's shared lookups; one is made for this rule alone when not given. */
  readonly index?: RuleIndex;
};

/** Builds the context a rule's check runs with; what it reports is pushed to `findings`. */
export function createRuleContext(run: RuleRun, findings: Finding[]): RuleContext<unknown> {
  const { rule, model } = run;
  const index = run.index ?? new RuleIndex(model);
  const severity = run.severity;
  return {
    ruleId: rule.id,
    model,
    metamodel: model.metamodel,
    config: run.config,
    options: run.options,
    inputs: run.inputs,
    elements: () => index.ofKinds(rule.kinds),
    elementsOfKind: (kind) => index.ofKind(kind),
    linked: (id) => index.linked(id),
    related: (id, name) => index.related(id, name),
    has: (id, name) => index.has(id, name),
    report(input: FindingInput) {
      // Built field by field, not with spreads: a check may report 100,000s of findings.
      const finding: Finding = {
        rule: rule.id,
        code: rule.id,
        severity: run.overridden ? severity : (input.severity ?? severity),
        message: input.message,
        fingerprint: findingFingerprint(rule.id, input.elementId, input.message),
      };
      if (input.elementId !== undefined) finding.elementId = input.elementId;
      const source =
        input.source ?? (input.elementId === undefined ? undefined : model.originOfElement(input.elementId));
      if (source) finding.source = source;
      if (input.related && input.related.length > 0) finding.related = [...input.related];
      findings.push(finding);
    },
  };
}
