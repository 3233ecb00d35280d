import type { Rule } from '../rule.js';
import { artefactPastExpectedMonth } from './artefact-past-expected-month.js';
import { baselinedWithOpenComments } from './baselined-with-open-comments.js';
import { commentElementMissing } from './comment-element-missing.js';
import { coverageLinkNotCounted } from './coverage-link-not-counted.js';
import { coverageNotMet } from './coverage-not-met.js';
import { danglingReference } from './dangling-reference.js';
import { descriptionRequired } from './description-required.js';
import { duplicateId } from './duplicate-id.js';
import { duplicateName } from './duplicate-name.js';
import { duplicateRelation } from './duplicate-relation.js';
import { failingTest } from './failing-test.js';
import { idPattern } from './id-pattern.js';
import { interfaceWithoutData } from './interface-without-data.js';
import { interfaceWithoutReceiver } from './interface-without-receiver.js';
import { interfaceWithoutSender } from './interface-without-sender.js';
import { mandatoryAttributes } from './mandatory-attributes.js';
import { nameRequired } from './name-required.js';
import { orphanElement } from './orphan-element.js';
import { partofCycle } from './partof-cycle.js';
import { processWithoutSteps } from './process-without-steps.js';
import { relationConflict } from './relation-conflict.js';
import { relationNotAllowed } from './relation-not-allowed.js';
import { requirementNotSatisfied } from './requirement-not-satisfied.js';
import { requirementNotVerified } from './requirement-not-verified.js';
import { stepWithoutPerformer } from './step-without-performer.js';
import { suspectLink } from './suspect-link.js';
import { terminology } from './terminology.js';
import { unusedDataItem } from './unused-data-item.js';

const DEFAULT_RULES: readonly Rule[] = [
  artefactPastExpectedMonth,
  baselinedWithOpenComments,
  commentElementMissing,
  coverageLinkNotCounted,
  coverageNotMet,
  danglingReference,
  descriptionRequired,
  duplicateId,
  duplicateName,
  duplicateRelation,
  failingTest,
  idPattern,
  interfaceWithoutData,
  interfaceWithoutReceiver,
  interfaceWithoutSender,
  mandatoryAttributes,
  nameRequired,
  orphanElement,
  partofCycle,
  processWithoutSteps,
  relationConflict,
  relationNotAllowed,
  requirementNotSatisfied,
  requirementNotVerified,
  stepWithoutPerformer,
  suspectLink,
  terminology,
  unusedDataItem,
];

/**
 * The rules Tracery ships, sorted by id (docs/rules.md shows each with a failing and a passing example).
 *
 * @example
 * runRules({ model }, { rules: [...defaultRules(), myRule] })
 */
export function defaultRules(): Rule[] {
  return [...DEFAULT_RULES];
}
