import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Model } from '../model/model.js';

/** Counts of a repository: elements by kind, status, tranche and owner; relations by type; diagnostics by severity. */
export type RepositoryStats = {
  readonly elements: number;
  readonly relations: number;
  readonly countsByKind: Record<string, number>;
  readonly countsByStatus: Record<string, number>;
  readonly countsByTranche: Record<string, number>;
  readonly countsByOwner: Record<string, number>;
  /** Relations by relation type. */
  readonly countsByRelationType: Record<string, number>;
  readonly diagnostics: { readonly error: number; readonly warning: number; readonly info: number };
};

/** The label for elements that have no value for a field. */
export const UNSET = '(unset)';

function sortedCounts(counts: Map<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of [...counts.keys()].sort()) out[key] = counts.get(key)!;
  return out;
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/**
 * Counts the elements and relations of a model (keys sorted, so output is reproducible).
 *
 * @example
 * computeStats(model).countsByKind.Interface // 40
 */
export function computeStats(model: Model, diagnostics: readonly Diagnostic[] = []): RepositoryStats {
  const byKind = new Map<string, number>();
  const byStatus = new Map<string, number>();
  const byTranche = new Map<string, number>();
  const byOwner = new Map<string, number>();
  const relationsByType = new Map<string, number>();
  for (const element of model.elements()) {
    bump(byKind, element.kind);
    bump(byStatus, element.status ?? UNSET);
    bump(byTranche, element.tranche ?? UNSET);
    bump(byOwner, element.owner ?? UNSET);
  }
  for (const relation of model.relations()) bump(relationsByType, relation.type);
  const severities = { error: 0, warning: 0, info: 0 };
  for (const diagnostic of diagnostics) severities[diagnostic.severity]++;
  return {
    elements: model.elementCount,
    relations: model.relationCount,
    countsByKind: sortedCounts(byKind),
    countsByStatus: sortedCounts(byStatus),
    countsByTranche: sortedCounts(byTranche),
    countsByOwner: sortedCounts(byOwner),
    countsByRelationType: sortedCounts(relationsByType),
    diagnostics: severities,
  };
}
