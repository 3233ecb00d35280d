import { type ImpactOptions, InvalidArgumentError, type Metamodel } from '@tracery/core';
import { DEFAULT_FOLLOW_UPS } from '@tracery/core/advanced';

/** Effect numbers, as core's impact engine numbers them. */
export const NONE = 0;
export const PROPAGATE = 1;
export const NOTIFY = 2;
const EFFECT_NUMBER = { none: NONE, propagate: PROPAGATE, notify: NOTIFY } as const;
const DEFAULT_ACTOR_KINDS: readonly string[] = ['Service', 'Role'];
const DEFAULT_ACTOR_RELATIONS: readonly string[] = ['performs', 'sends', 'receives'];

/**
 * What an impact run needs per hop code, as core's engine compiles it: a hop code is
 * `type number * 2 + (0 forward | 1 backward)`, type numbers being positions in the sorted relation
 * type names, so codes sort hops the way core sorts them.
 */
export type ImpactTables = {
  readonly types: readonly string[];
  readonly typeNumber: ReadonlyMap<string, number>;
  /** Per code: NONE, PROPAGATE or NOTIFY, after `types`, `skipTypes` and `effects`. */
  readonly effect: Uint8Array;
  /** Per code: 1 when a notified element passes the change on by it. */
  readonly followUp: Uint8Array;
  readonly stopKinds: ReadonlySet<string>;
  readonly actorKinds: ReadonlySet<string>;
  /** Per code, read from the actor: 1 for the relations by which an actor takes part in an element. */
  readonly actorCode: Uint8Array;
};

/** Compiles the effects, filters, follow-ups, stop kinds and actors of one run, as core does. */
export function impactTables(metamodel: Metamodel, options: ImpactOptions): ImpactTables {
  const types = [...metamodel.relationTypes.keys()].sort();
  const typeNumber = new Map(types.map((type, i) => [type, i] as const));
  const code = (name: string, option: string) => {
    const found = metamodel.relationNames.get(name);
    if (!found) throw new InvalidArgumentError(`${option}: unknown relation name "${name}".`);
    return typeNumber.get(found.type.name)! * 2 + (found.inverse ? 1 : 0);
  };
  const effect = new Uint8Array(types.length * 2);
  types.forEach((type, t) => {
    const def = metamodel.relationTypes.get(type)!;
    const override = options.effects?.[type];
    effect[t * 2] = EFFECT_NUMBER[override?.forward ?? def.impact.forward];
    effect[t * 2 + 1] = EFFECT_NUMBER[override?.backward ?? def.impact.backward];
  });
  for (const type of Object.keys(options.effects ?? {})) {
    if (!typeNumber.has(type))
      throw new InvalidArgumentError(`options.effects: unknown relation type "${type}".`);
  }
  if (options.types) {
    const only = new Set(options.types.map((name) => code(name, 'options.types')));
    for (let c = 0; c < effect.length; c++) if (!only.has(c)) effect[c] = NONE;
  }
  for (const name of options.skipTypes ?? []) {
    const c = code(name, 'options.skipTypes');
    effect[c] = NONE;
    if (metamodel.relationTypes.has(name)) effect[c ^ 1] = NONE;
  }
  const followUp = new Uint8Array(types.length * 2);
  for (const name of options.followUps ?? DEFAULT_FOLLOW_UPS) followUp[code(name, 'options.followUps')] = 1;
  for (const kind of options.stopAtKinds ?? []) {
    if (!metamodel.kinds.has(kind))
      throw new InvalidArgumentError(`options.stopAtKinds: unknown kind "${kind}".`);
  }
  const actorCode = new Uint8Array(types.length * 2);
  for (const name of options.actorRelations ?? DEFAULT_ACTOR_RELATIONS)
    actorCode[code(name, 'options.actorRelations')] = 1;
  return {
    types,
    typeNumber,
    effect,
    followUp,
    stopKinds: new Set(options.stopAtKinds ?? []),
    actorKinds: new Set(options.actorKinds ?? DEFAULT_ACTOR_KINDS),
    actorCode,
  };
}

/** The relation types a set of codes crosses each way (metamodel names), for a level query. */
export function typesOfCodes(tables: ImpactTables, wanted: (code: number) => boolean) {
  const forward = new Set<string>();
  const backward = new Set<string>();
  for (let c = 0; c < tables.types.length * 2; c++) {
    if (!wanted(c)) continue;
    ((c & 1) === 0 ? forward : backward).add(tables.types[c >> 1]!);
  }
  return { forward, backward };
}
