import type { Diagnostic, SourceRef } from '../diagnostics/diagnostic.js';
import { formatSourceRef } from '../diagnostics/diagnostic.js';
import { didYouMeanSuffix } from '../diagnostics/did-you-mean.js';
import { findCycles } from '../model/find-cycles.js';
import { describeRelation, type Model } from '../model/model.js';
import type { AcceptedRelations } from './accepted-relations.js';
import type { RelationDraft } from './model-drafts.js';

// The diagnostics that joining a repository's drafts into one model gives (see ModelResolver): each
// names where the problem was written and what to do about it.

/** How a relation was written, for messages: `IF-021 sentBy SDX` when written inline, else `SDX -sends-> IF-021`. */
function asWritten(draft: RelationDraft): string {
  if (draft.writtenBy === undefined || draft.writtenAs === undefined) return describeRelation(draft);
  const other = draft.writtenBy === draft.source ? draft.target : draft.source;
  return `${draft.writtenBy} ${draft.writtenAs} ${other}`;
}

/** An element id defined a second time; `first` is where it was defined first. */
export function duplicateId(id: string, origin: SourceRef, first: SourceRef | undefined): Diagnostic {
  return {
    code: 'duplicate-id',
    severity: 'error',
    elementId: id,
    source: origin,
    message: `duplicate id "${id}": it is also defined at ${first ? formatSourceRef(first) : 'another place'}; rename one of them.`,
    ...(first ? { related: [{ message: `first definition of "${id}"`, source: first }] } : {}),
  };
}

/** A relation whose end `missing` is no element's id, with the nearest id when one is close. */
export function danglingReference(draft: RelationDraft, missing: string, ids: Iterable<string>): Diagnostic {
  const at = draft.endOrigins
    ? draft.endOrigins[missing === draft.source ? 'source' : 'target']
    : draft.origin;
  const guess = didYouMeanSuffix(missing, ids);
  return {
    code: 'dangling-reference',
    severity: 'error',
    source: at,
    ...(draft.writtenBy ? { elementId: draft.writtenBy } : {}),
    message: `${asWritten(draft)}: no element has the id "${missing}"${guess || '; add the element or correct the id.'}`,
  };
}

/** A relation written a second time: the same (`same`), or with different attributes. */
export function reportRepeatedRelation(
  first: SourceRef | undefined,
  draft: RelationDraft,
  same: boolean,
  diagnostics: Diagnostic[],
): void {
  if (same) {
    diagnostics.push({
      code: 'duplicate-relation',
      severity: 'warning',
      source: draft.origin,
      ...(draft.writtenBy ? { elementId: draft.writtenBy } : {}),
      message: `${describeRelation(draft)} is written twice${first ? ` (also at ${formatSourceRef(first)})` : ''}; write a relation once, on either end, so the two cannot drift apart.`,
      ...(first ? { related: [{ message: 'also written here', source: first }] } : {}),
    });
    return;
  }
  diagnostics.push({
    code: 'relation-conflict',
    severity: 'warning',
    source: draft.origin,
    ...(draft.writtenBy ? { elementId: draft.writtenBy } : {}),
    message: `${describeRelation(draft)} is written twice with different attributes${first ? ` (first at ${formatSourceRef(first)})` : ''}; the first is kept. Write it once.`,
    ...(first ? { related: [{ message: 'first written here', source: first }] } : {}),
  });
}

/** Every cycle of partOf links, as one error each that lists the links of the cycle. */
export function reportPartOfCycles(
  model: Model,
  relations: AcceptedRelations,
  diagnostics: Diagnostic[],
): void {
  if (!relations.mayHaveCycle('partOf')) return;
  for (const group of findCycles(model, 'partOf')) {
    const members = new Set(group);
    const related: { message: string; source: SourceRef }[] = [];
    for (const id of group) {
      for (const relation of model.outRelations(id)) {
        const origin = model.originOfRelation(relation);
        if (relation.type === 'partOf' && members.has(relation.target) && origin)
          related.push({ message: describeRelation(relation), source: origin });
      }
    }
    related.sort((a, b) => (a.message < b.message ? -1 : 1));
    const first = model.originOfElement(group[0]!);
    diagnostics.push({
      code: 'partof-cycle',
      severity: 'error',
      elementId: group[0]!,
      ...(first ? { source: first } : {}),
      message: `${group.join(', ')} are part of each other in a cycle (${related.map((r) => r.message).join('; ')}); remove one of these partOf links.`,
      related,
    });
  }
}
