import type { Origin, Relation } from '@tracery/core';

/** A relation that a diagram produced, with the BPMN element it came from. */
export type MappedRelation = { readonly relation: Relation; readonly origin: Origin };

/** The relations from a source that has more than one, in the order added; `byType` indexes a long list. */
class FromSource {
  byType: Map<string, Set<string>> | undefined = undefined;
  constructor(readonly list: MappedRelation[]) {}
}

// A source with more relations than this (a Role performing thousands of steps) gets an index by type
// and target; shorter lists (a step's `partOf` and `flowsTo`) are searched.
const SEARCHED = 8;

/**
 * The relations of one mapping run, grouped by source id: most sources are steps, with two or three
 * relations each, so a duplicate is found by a search of a short list, and no key is built per relation
 * (`source\0type\0target`, a string of its own to hash for each of 100,000 relations of a large diagram).
 * The first of duplicates wins. Read out sorted by source, type and target, each compared with `<`: the
 * order of their keys joined by `\0` (as before), for ids without a NUL character, which XML cannot hold.
 */
export class RelationTable {
  /** A source's only relation as it is (most sources have one or two), else all of them. */
  readonly #bySource = new Map<string, MappedRelation | FromSource>();

  /** Adds a relation unless one with the same type, source and target is there; false when it was. */
  add(relation: Relation, origin: Origin): boolean {
    const { source, type, target } = relation;
    const found = this.#bySource.get(source);
    if (found === undefined) {
      this.#bySource.set(source, { relation, origin });
      return true;
    }
    if (!(found instanceof FromSource)) {
      if (found.relation.type === type && found.relation.target === target) return false;
      this.#bySource.set(source, new FromSource([found, { relation, origin }]));
      return true;
    }
    const from = found;
    if (contains(from, type, target)) return false;
    from.list.push({ relation, origin });
    if (from.byType !== undefined) indexTarget(from.byType, type, target);
    else if (from.list.length > SEARCHED) from.byType = indexOf(from.list);
    return true;
  }

  /** True when a relation of this type from `source` to `target` was added. */
  has(source: string, type: string, target: string): boolean {
    const found = this.#bySource.get(source);
    if (found === undefined) return false;
    if (found instanceof FromSource) return contains(found, type, target);
    return found.relation.type === type && found.relation.target === target;
  }

  /** Every relation, sorted by source, type and target. */
  sorted(): MappedRelation[] {
    const out: MappedRelation[] = [];
    for (const source of [...this.#bySource.keys()].sort()) {
      const found = this.#bySource.get(source) as MappedRelation | FromSource;
      if (!(found instanceof FromSource)) out.push(found);
      else for (const mapped of sortByTypeAndTarget(found.list)) out.push(mapped);
    }
    return out;
  }
}

function contains(from: FromSource, type: string, target: string): boolean {
  if (from.byType !== undefined) return from.byType.get(type)?.has(target) === true;
  for (const { relation } of from.list) if (relation.type === type && relation.target === target) return true;
  return false;
}

/**
 * Sorts a source's relations by type and target, in place: by insertion for the short lists of most
 * sources (a step's two or three; `Array.prototype.sort` builds a work array for each call, 27 MB over
 * the 32,000 steps of a large diagram), else with `sort`. No two relations of a list are equal, so
 * both give the one order there is.
 */
function sortByTypeAndTarget(list: MappedRelation[]): MappedRelation[] {
  if (list.length > SEARCHED) return list.sort(byTypeAndTarget);
  for (let k = 1; k < list.length; k++) {
    const item = list[k] as MappedRelation;
    let j = k - 1;
    for (; j >= 0 && byTypeAndTarget(list[j] as MappedRelation, item) > 0; j--)
      list[j + 1] = list[j] as MappedRelation;
    list[j + 1] = item;
  }
  return list;
}

function byTypeAndTarget(a: MappedRelation, b: MappedRelation): number {
  const x = a.relation;
  const y = b.relation;
  if (x.type !== y.type) return x.type < y.type ? -1 : 1;
  if (x.target !== y.target) return x.target < y.target ? -1 : 1;
  return 0;
}

function indexOf(list: readonly MappedRelation[]): Map<string, Set<string>> {
  const byType = new Map<string, Set<string>>();
  for (const { relation } of list) indexTarget(byType, relation.type, relation.target);
  return byType;
}

function indexTarget(byType: Map<string, Set<string>>, type: string, target: string): void {
  const targets = byType.get(type);
  if (targets === undefined) byType.set(type, new Set([target]));
  else targets.add(target);
}
