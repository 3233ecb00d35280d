import { didYouMeanSuffix } from '../diagnostics/did-you-mean.js';
import { InvalidArgumentError, NotFoundError } from '../errors/tracery-error.js';
import { computeImpact } from '../impact/compute-impact.js';
import { formatImpactPath } from '../impact/format-impact-path.js';
import type { ImpactOptions } from '../impact/impact-types.js';
import type { Element } from '../model/element.js';
import type { Model } from '../model/model.js';
import type { ChangeAssessment, Estimate, FollowUp, RequestedChange } from './change-assessment.js';
import type { EstimateConfig } from './estimate-config.js';

/** Options of {@link assessChangeRequest}: the impact options, and the estimate section of the config. */
export type AssessOptions = ImpactOptions & { readonly estimate?: EstimateConfig };

/**
 * The change request `crId`, checked: it exists (else the closest ids are named), it is a
 * ChangeRequest, and its `decision`, when it has one, names a Decision of the model.
 */
function changeRequestOf(model: Model, crId: string): Element {
  const cr = model.findElement(crId);
  if (!cr) {
    const guess = didYouMeanSuffix(crId, model.idsOfKind('ChangeRequest'));
    throw new NotFoundError(`crId: change request "${crId}" not found${guess || '.'}`);
  }
  if (cr.kind !== 'ChangeRequest')
    throw new InvalidArgumentError(`crId: "${crId}" is a ${cr.kind}, not a ChangeRequest.`);
  const decision = cr.attributes.decision;
  if (decision !== undefined && model.findElement(String(decision))?.kind !== 'Decision') {
    const guess = didYouMeanSuffix(String(decision), model.idsOfKind('Decision'));
    throw new InvalidArgumentError(
      `${crId}: its decision "${decision}" names no Decision of the model${guess || '; add the Decision or correct the attribute.'}`,
    );
  }
  return cr;
}

/**
 * The changes a change request makes: the targets of its `changes` relations, with their nature and
 * note, sorted by id.
 *
 * @example
 * requestedChanges(model, 'CR001') // [{ id: 'DI-0023', kind: 'DataItem', nature: 'modify', ... }]
 */
export function requestedChanges(model: Model, crId: string): RequestedChange[] {
  changeRequestOf(model, crId);
  const changes: RequestedChange[] = [];
  for (const relation of model.outRelations(crId)) {
    if (relation.type !== 'changes') continue;
    const target = relation.target;
    const element = model.getElement(target);
    const note = relation.attributes.note;
    changes.push({
      id: target,
      kind: element.kind,
      name: element.name,
      nature: String(relation.attributes.nature ?? 'modify'),
      ...(note === undefined ? {} : { note: String(note) }),
    });
  }
  return changes.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * A rough-order-of-magnitude estimate: for each kind with a rate, the number of changed, impacted,
 * re-issued or re-run elements times its days, at the day rate.
 *
 * @example
 * estimateEffort({ Interface: 3 }, { dayRate: 650, currency: 'GBP', daysPerKind: { Interface: 5 } }).cost // 9750
 */
export function estimateEffort(counts: Readonly<Record<string, number>>, config: EstimateConfig): Estimate {
  const lines = [];
  const unpriced = [];
  for (const kind of Object.keys(counts).sort()) {
    const daysEach = config.daysPerKind[kind];
    const count = counts[kind]!;
    if (daysEach === undefined) unpriced.push(kind);
    else lines.push({ kind, count, daysEach, days: count * daysEach });
  }
  const days = lines.reduce((sum, line) => sum + line.days, 0);
  return {
    currency: config.currency,
    dayRate: config.dayRate,
    lines,
    unpriced,
    days,
    cost: days * config.dayRate,
  };
}

/**
 * Assesses a change request with the impact engine: the impact of what it `changes`, the artefacts to
 * re-issue and the tests to re-run (the impacted documents and tests), the services and roles that
 * must act, and an estimate when the config has an `estimate:` section.
 *
 * @example
 * const assessment = assessChangeRequest(model, 'CR001', { maxDepth: 6 });
 */
export function assessChangeRequest(
  model: Model,
  crId: string,
  options: AssessOptions = {},
): ChangeAssessment {
  const cr = changeRequestOf(model, crId);
  const changes = requestedChanges(model, crId);
  const result = computeImpact(
    model,
    changes.map((c) => c.id),
    options,
  );
  const touched = [...result.changed, ...result.impacted.map((e) => e.id)];
  const impacted = result.impacted.map((e) => ({
    id: e.id,
    kind: e.kind,
    name: e.name,
    depth: e.depth,
    reach: e.reach,
    explanation: formatImpactPath(e.path),
    path: e.path,
  }));
  const countsByKind: Record<string, number> = {};
  for (const [kind, ids] of Object.entries(result.byKind)) countsByKind[kind] = ids.length;
  const artefactsToReissue = result.documentsToReissue;
  const testsToRerun = result.testsToRerun;
  const parties = result.parties;
  return {
    changeRequest: summaryOf(cr),
    settings: {
      ...(options.maxDepth === undefined ? {} : { maxDepth: options.maxDepth }),
      stopAtKinds: [...(options.stopAtKinds ?? [])].sort(),
      skipTypes: [...(options.skipTypes ?? [])].sort(),
    },
    changes,
    impacted,
    countsByKind,
    artefactsToReissue,
    testsToRerun,
    parties,
    ...(options.estimate
      ? {
          estimate: estimateEffort(
            estimateCounts(model, touched, artefactsToReissue, testsToRerun),
            options.estimate,
          ),
        }
      : {}),
  };
}

function summaryOf(cr: Element): ChangeAssessment['changeRequest'] {
  const attribute = (key: string) =>
    cr.attributes[key] === undefined ? {} : { [key]: String(cr.attributes[key]) };
  return {
    id: cr.id,
    name: cr.name,
    ...(cr.status === undefined ? {} : { status: cr.status }),
    ...attribute('decision'),
    ...attribute('option'),
  };
}

function estimateCounts(
  model: Model,
  touched: readonly string[],
  artefacts: readonly FollowUp[],
  tests: readonly FollowUp[],
): Record<string, number> {
  const ids = new Set([...touched, ...artefacts.map((a) => a.id), ...tests.map((t) => t.id)]);
  const counts: Record<string, number> = {};
  for (const id of ids) {
    const kind = model.getElement(id).kind;
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}
