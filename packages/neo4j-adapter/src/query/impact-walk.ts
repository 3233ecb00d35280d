import type { ActorImpact, FollowUp, ImpactedElement, ImpactResult, ImpactStep } from '@tracery/core';
import { type ImpactTables, NONE, PROPAGATE } from './impact-tables.js';
import type { LevelStep } from './level-query.js';

/** A state of the walk: an element reached in a mode (0 propagated, 1 notified), first or second of its kind. */
type State = {
  readonly id: string;
  readonly mode: 0 | 1;
  readonly slot: 0 | 1;
  readonly depth: number;
  /** The code of the hop that reached it; -1 for a changed element. */
  readonly code: number;
  readonly parent: State | undefined;
};

type Seen = { count: 1 | 2; readonly firstBan: number; readonly first: State };

/** A hop out of an element, as core's index holds it. */
type Hop = { readonly to: string; readonly code: number };

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Core's impact search (packages/core/README.md, "Impact"; `impactTree`), run on the steps one level
 * query returns per frontier element instead of an in-memory index: the same states (an element per
 * mode, at most two per mode), the same no-reversal ban, the same order (states by id, mode and slot;
 * hops by far end, type, direction), so the same elements, depths, reaches and paths.
 */
export class ImpactWalk {
  private readonly seen = new Map<string, Seen>();
  private readonly kinds = new Map<string, string>();
  private readonly names = new Map<string, string>();
  private readonly reachedIds: string[] = [];
  private frontier: State[];
  readonly seeds: readonly string[];

  constructor(
    private readonly tables: ImpactTables,
    seeds: ReadonlyMap<string, { kind: string; name: string }>,
  ) {
    this.seeds = [...seeds.keys()].sort(compare);
    this.frontier = [];
    for (const id of this.seeds) {
      const seed: State = { id, mode: 0, slot: 0, depth: 0, code: -1, parent: undefined };
      this.seen.set(`${id}\u00000`, { count: 2, firstBan: -1, first: seed });
      this.seen.set(`${id}\u00001`, { count: 2, firstBan: -1, first: seed });
      this.kinds.set(id, seeds.get(id)!.kind);
      this.names.set(id, seeds.get(id)!.name);
      this.frontier.push(seed);
    }
  }

  /** The ids whose steps the next level needs (the frontier's elements, each once). */
  frontierIds(): string[] {
    return [...new Set(this.frontier.map((state) => state.id))];
  }

  /** Expands one level from its steps; returns the next frontier's ids (empty: the walk is over). */
  level(steps: ReadonlyMap<string, readonly LevelStep[]>, depth: number): string[] {
    const { effect, followUp, stopKinds } = this.tables;
    const next: State[] = [];
    const hopsOf = new Map<string, Hop[]>();
    for (const state of this.frontier) {
      let hops = hopsOf.get(state.id);
      if (hops === undefined) {
        hops = this.hops(steps.get(state.id) ?? []);
        hopsOf.set(state.id, hops);
      }
      const notified = state.mode === 1;
      const ban = state.code < 0 ? -1 : state.code ^ 1;
      const only = state.slot === 1 ? this.seen.get(`${state.id}\u0000${state.mode}`)!.firstBan : -1;
      for (const { to, code } of hops) {
        if (code === ban || (only >= 0 && code !== only)) continue;
        const e = effect[code]!;
        if (e === NONE || (notified && followUp[code] === 0)) continue;
        const mode = !notified && e === PROPAGATE && !stopKinds.has(this.kinds.get(to)!) ? 0 : 1;
        const key = `${to}\u0000${mode}`;
        const seen = this.seen.get(key);
        let slot: 0 | 1;
        if (seen === undefined) {
          if (!this.seen.has(`${to}\u0000${1 - mode}`)) this.reachedIds.push(to);
          slot = 0;
        } else if (seen.count === 1 && seen.firstBan !== (code ^ 1)) {
          seen.count = 2;
          slot = 1;
        } else continue;
        const reached: State = { id: to, mode, slot, depth, code, parent: state };
        if (slot === 0) this.seen.set(key, { count: 1, firstBan: code ^ 1, first: reached });
        next.push(reached);
      }
    }
    next.sort((a, b) => compare(a.id, b.id) || a.mode - b.mode || a.slot - b.slot);
    this.frontier = next;
    return this.frontierIds();
  }

  /** The reached ids (changed elements excluded), sorted. */
  reached(): string[] {
    return [...this.reachedIds].sort(compare);
  }

  /** Every element changed or reached. */
  touched(id: string): boolean {
    return this.seen.has(`${id}\u00000`) || this.seen.has(`${id}\u00001`);
  }

  kindOf(id: string): string {
    return this.kinds.get(id) ?? '';
  }

  nameOf(id: string): string {
    return this.names.get(id) ?? '';
  }

  /** The impacted elements, as core's `computeImpact` lists them. */
  impacted(): ImpactedElement[] {
    return this.reached().map((id) => {
      const state = (this.seen.get(`${id}\u00000`) ?? this.seen.get(`${id}\u00001`)!).first;
      return {
        id,
        kind: this.kindOf(id),
        name: this.nameOf(id),
        depth: state.depth,
        reach: state.mode === 0 ? 'propagated' : 'notified',
        path: this.pathOf(state),
      };
    });
  }

  /** The follow-ups of one kind, from the hops out of each reached element of that kind. */
  followUps(kind: string, steps: ReadonlyMap<string, readonly LevelStep[]>): FollowUp[] {
    const out: FollowUp[] = [];
    for (const id of this.reached()) {
      if (this.kindOf(id) !== kind) continue;
      const because = new Set<string>();
      for (const { to, code } of this.hops(steps.get(id) ?? [])) {
        if (this.tables.followUp[code ^ 1] === 1 && this.touched(to)) because.add(to);
      }
      if (because.size === 0) because.add(this.impactedState(id).parent!.id);
      out.push({ id, name: this.nameOf(id), because: [...because].sort(compare) });
    }
    return out;
  }

  /** The parties that must act: each changed or reached element of an actor kind, with what it takes part in. */
  parties(steps: ReadonlyMap<string, readonly LevelStep[]>): ActorImpact[] {
    const seeds = new Set(this.seeds);
    return this.actors().map((id) => {
      const elements = new Set<string>();
      for (const { to, code } of this.hops(steps.get(id) ?? [])) {
        if (this.tables.actorCode[code] === 1 && this.touched(to)) elements.add(to);
      }
      return {
        id,
        kind: this.kindOf(id),
        name: this.nameOf(id),
        self: seeds.has(id),
        elements: [...elements].sort(compare),
      };
    });
  }

  /** Changed and reached elements of an actor kind, sorted. */
  actors(): string[] {
    return [...this.seeds, ...this.reachedIds]
      .filter((id) => this.tables.actorKinds.has(this.kindOf(id)))
      .sort(compare);
  }

  /** The full result, in the shape and order of core's `computeImpact`. */
  result(
    tests: readonly FollowUp[],
    documents: readonly FollowUp[],
    parties: readonly ActorImpact[],
  ): ImpactResult {
    const impacted = this.impacted();
    const byKind: Record<string, string[]> = {};
    for (const { id, kind } of impacted) {
      const ids = byKind[kind] ?? [];
      ids.push(id);
      byKind[kind] = ids;
    }
    const sortedByKind: Record<string, string[]> = {};
    for (const kind of Object.keys(byKind).sort()) sortedByKind[kind] = byKind[kind]!;
    return {
      changed: [...this.seeds],
      impacted,
      idsByKind: sortedByKind,
      parties,
      testsToRerun: tests,
      documentsToReissue: documents,
    };
  }

  /** Remembers the kinds and names the steps carry, and orders them as core's index orders hops. */
  private hops(steps: readonly LevelStep[]): Hop[] {
    const hops: Hop[] = [];
    for (const step of steps) {
      this.kinds.set(step.to, step.kind);
      if (step.name !== undefined) this.names.set(step.to, step.name);
      const type = this.tables.typeNumber.get(step.type);
      if (type !== undefined) hops.push({ to: step.to, code: type * 2 + (step.forward ? 0 : 1) });
    }
    return hops.sort((a, b) => compare(a.to, b.to) || a.code - b.code);
  }

  private impactedState(id: string): State {
    return (this.seen.get(`${id}\u00000`) ?? this.seen.get(`${id}\u00001`)!).first;
  }

  private pathOf(end: State): ImpactStep[] {
    const hops: ImpactStep[] = [];
    for (let state: State | undefined = end; state?.parent !== undefined; state = state.parent) {
      hops.push({
        from: state.parent.id,
        relation: this.tables.types[state.code >> 1]!,
        to: state.id,
        direction: (state.code & 1) === 0 ? 'forward' : 'backward',
        effect: state.mode === 0 ? 'propagate' : 'notify',
      });
    }
    return hops.reverse();
  }
}
