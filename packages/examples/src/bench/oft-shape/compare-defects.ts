import type { CoverageResult } from '@tracery/core';
import { type OftItem, oftId } from './generate-oft-items.js';
import { traceryId } from './write-tracery-items.js';

/**
 * The elements that are defects in OpenFastTrace's sense, read from Tracery's coverage: not covered
 * (deeply), or at either end of an unwanted or outdated coverage link. Excluded elements never are.
 */
export function coverageDefects(coverage: CoverageResult): string[] {
  const defects = new Set<string>();
  for (const e of coverage.elements) if (e.verdict !== 'covered') defects.add(e.id);
  for (const link of coverage.links) {
    defects.add(link.covered);
    defects.add(link.by);
  }
  return [...defects].sort();
}

/** Elements that an excluded (withdrawn) element covers: where Tracery differs from OpenFastTrace on purpose. */
export function coveredByExcluded(coverage: CoverageResult): string[] {
  return coverage.elements.filter((e) => e.ignored.some((i) => i.reason === 'excluded')).map((e) => e.id);
}

/** One item on which the two tools disagree. */
export type Disagreement = {
  readonly id: string;
  readonly openFastTrace: boolean;
  readonly tracery: boolean;
};

/** The item-by-item comparison: how many items, how many agree, and the disagreements, explained or not. */
export type DefectComparison = {
  readonly items: number;
  readonly agree: number;
  readonly defects: { readonly openFastTrace: number; readonly tracery: number };
  /** Disagreements on an element that a withdrawn element covers: the documented difference. */
  readonly onPurpose: readonly Disagreement[];
  readonly unexpected: readonly Disagreement[];
};

/**
 * Compares the two tools item by item: each generated item is a defect for OpenFastTrace (it lists
 * it under `-v FAILURES`) or not, and for Tracery ({@link coverageDefects}) or not. A disagreement is
 * on purpose when Tracery ignored a withdrawn element's coverage of that item (README, "Where Tracery
 * differs on purpose"); every other one is unexpected.
 */
export function compareDefects(
  items: readonly OftItem[],
  oftDefects: Iterable<string>,
  traceryDefects: Iterable<string>,
  excludedCover: Iterable<string>,
): DefectComparison {
  const oft = new Set([...oftDefects].map(traceryId));
  const tracery = new Set(traceryDefects);
  const explained = new Set(excludedCover);
  const onPurpose: Disagreement[] = [];
  const unexpected: Disagreement[] = [];
  let agree = 0;
  for (const id of items.map((i) => traceryId(oftId(i))).sort()) {
    const o = oft.has(id);
    const t = tracery.has(id);
    if (o === t) agree++;
    else (explained.has(id) ? onPurpose : unexpected).push({ id, openFastTrace: o, tracery: t });
  }
  return {
    items: items.length,
    agree,
    defects: { openFastTrace: oft.size, tracery: tracery.size },
    onPurpose,
    unexpected,
  };
}
