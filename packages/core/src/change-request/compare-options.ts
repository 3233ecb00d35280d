import { didYouMeanSuffix } from '../diagnostics/did-you-mean.js';
import { InvalidArgumentError, NotFoundError } from '../errors/tracery-error.js';
import type { Model } from '../model/model.js';
import { type AssessOptions, assessChangeRequest } from './assess-change-request.js';
import type { ChangeAssessment } from './change-assessment.js';

/** One option of a decision, summed up for the side-by-side table. */
export type OptionSummary = {
  readonly option: string;
  readonly changeRequest: string;
  readonly name: string;
  readonly changes: number;
  readonly impacted: number;
  /** Interfaces changed or impacted. */
  readonly interfaces: number;
  readonly artefacts: number;
  readonly tests: number;
  /** The ids of the services and roles that must act, sorted. */
  readonly parties: readonly string[];
  readonly days?: number;
  readonly cost?: number;
};

/** Several options of one decision assessed side by side, in option order (then by request id). */
export type OptionComparison = {
  readonly decision: string;
  readonly decisionName?: string;
  readonly options: readonly OptionSummary[];
  /** Every party that some option affects, sorted, with the options that affect it. */
  readonly parties: readonly {
    readonly id: string;
    readonly name: string;
    readonly options: readonly string[];
  }[];
  readonly assessments: readonly ChangeAssessment[];
};

/** The change requests that are options of a decision (their `decision` attribute), by option label then id. */
export function optionsOf(model: Model, decision: string): string[] {
  const ids = [...model.idsOfKind('ChangeRequest')].filter(
    (id) => model.getElement(id).attributes.decision === decision,
  );
  const label = (id: string) => String(model.getElement(id).attributes.option ?? id);
  return ids.sort((a, b) => (label(a) !== label(b) ? (label(a) < label(b) ? -1 : 1) : a < b ? -1 : 1));
}

function summarise(assessment: ChangeAssessment): OptionSummary {
  const cr = assessment.changeRequest;
  return {
    option: cr.option ?? cr.id,
    changeRequest: cr.id,
    name: cr.name,
    changes: assessment.changes.length,
    impacted: assessment.impacted.length,
    interfaces:
      (assessment.countsByKind.Interface ?? 0) +
      assessment.changes.filter((c) => c.kind === 'Interface').length,
    artefacts: assessment.artefactsToReissue.length,
    tests: assessment.testsToRerun.length,
    parties: assessment.parties.map((p) => p.id),
    ...(assessment.estimate ? { days: assessment.estimate.days, cost: assessment.estimate.cost } : {}),
  };
}

/**
 * Assesses every change request that is an option of `decision` and compares them by impacted
 * parties, impact, days and cost.
 *
 * @example
 * compareOptions(model, 'DEC-004', { estimate }).options.map((o) => [o.option, o.cost])
 */
export function compareOptions(
  model: Model,
  decision: string,
  options: AssessOptions = {},
): OptionComparison {
  const element = model.findElement(decision);
  if (element?.kind !== 'Decision') {
    const guess = didYouMeanSuffix(decision, model.idsOfKind('Decision'));
    throw new NotFoundError(
      `decision: "${decision}" ${element ? `is a ${element.kind}, not a Decision` : 'names no Decision of the model'}${guess || '.'}`,
    );
  }
  const ids = optionsOf(model, decision);
  if (ids.length === 0)
    throw new InvalidArgumentError(
      `decision: no change request has "decision: ${decision}"; give each option's request that attribute.`,
    );
  const assessments = ids.map((id) => assessChangeRequest(model, id, options));
  const summaries = assessments.map(summarise);
  const byParty = new Map<string, string[]>();
  for (const summary of summaries)
    for (const party of summary.parties) {
      const group = byParty.get(party);
      if (group) group.push(summary.option);
      else byParty.set(party, [summary.option]);
    }
  return {
    decision,
    decisionName: element.name,
    options: summaries,
    parties: [...byParty.keys()].sort().map((id) => ({
      id,
      name: model.getElement(id).name,
      options: byParty.get(id)!,
    })),
    assessments,
  };
}
