import { didYouMeanSuffix } from '../diagnostics/did-you-mean.js';
import { InvalidArgumentError, NotFoundError } from '../errors/tracery-error.js';
import type { Metamodel } from '../metamodel/metamodel.js';
import { type ImpactEffect, ImpactEffectSchema } from '../metamodel/metamodel-schema.js';
import type { ImpactOptions } from './impact-types.js';
import type { PropagationIndex } from './propagation-index.js';

/** The relation names a notified element passes a change on by, unless the options say otherwise. */
export const DEFAULT_FOLLOW_UPS: readonly string[] = ['verifiedBy', 'documentedIn'];

/** Effect numbers in the run tables. */
export const NONE = 0;
export const PROPAGATE = 1;
export const NOTIFY = 2;
const IMPACT_EFFECTS: readonly string[] = ImpactEffectSchema.options;
const EFFECT_NUMBER: Record<ImpactEffect, number> = { none: NONE, propagate: PROPAGATE, notify: NOTIFY };

/** What one run needs per hop code and per kind, compiled from the metamodel and the options. */
export type RunTables = {
  /** Per hop code: NONE, PROPAGATE or NOTIFY, after the types and skipTypes filters. */
  readonly effect: Uint8Array;
  /** Per hop code: 1 when a notified element passes the change on by it. */
  readonly followUp: Uint8Array;
  /** Per kind number of the index: 1 when the kind is a stop kind. */
  readonly stop: Uint8Array;
};

/**
 * The hop code of a relation name in the direction it reads (`partOf` forward, `hasPart` backward).
 * Throws {@link InvalidArgumentError} naming the option and the closest name.
 */
export function relationCode(
  metamodel: Metamodel,
  index: PropagationIndex,
  name: string,
  option: string,
): number {
  const found = metamodel.relationNames.get(name);
  if (!found) {
    const names = [...metamodel.relationNames.keys()];
    throw new InvalidArgumentError(
      `${option}: unknown relation name "${name}"${didYouMeanSuffix(name, names) || `; the names are ${names.sort().join(', ')}.`}`,
    );
  }
  return index.types.indexOf(found.type.name) * 2 + (found.inverse ? 1 : 0);
}

function checkOverrides(metamodel: Metamodel, options: ImpactOptions): void {
  for (const [type, effects] of Object.entries(options.effects ?? {})) {
    if (!metamodel.relationTypes.has(type)) {
      const types = [...metamodel.relationTypes.keys()];
      throw new InvalidArgumentError(
        `options.effects: unknown relation type "${type}"${didYouMeanSuffix(type, types) || `; the types are ${types.sort().join(', ')}.`}`,
      );
    }
    for (const [direction, effect] of Object.entries(effects))
      if (!IMPACT_EFFECTS.includes(effect as string) || !['forward', 'backward'].includes(direction))
        throw new InvalidArgumentError(
          `options.effects.${type}.${direction}: expected forward or backward set to ${IMPACT_EFFECTS.join(', ')}, got ${JSON.stringify(effect)}.`,
        );
  }
}

/** Compiles the effects, filters, follow-ups and stop kinds of one run into tables by hop code. */
export function runTables(metamodel: Metamodel, index: PropagationIndex, options: ImpactOptions): RunTables {
  checkOverrides(metamodel, options);
  const codes = index.types.length * 2;
  const effect = new Uint8Array(codes);
  index.types.forEach((type, t) => {
    const def = metamodel.relationTypes.get(type)!;
    const override = options.effects?.[type];
    effect[t * 2] = EFFECT_NUMBER[override?.forward ?? def.impact.forward];
    effect[t * 2 + 1] = EFFECT_NUMBER[override?.backward ?? def.impact.backward];
  });
  if (options.types) {
    const only = new Set(options.types.map((name) => relationCode(metamodel, index, name, 'options.types')));
    for (let c = 0; c < codes; c++) if (!only.has(c)) effect[c] = NONE;
  }
  for (const name of options.skipTypes ?? []) {
    const code = relationCode(metamodel, index, name, 'options.skipTypes');
    effect[code] = NONE;
    // A type name skips the type both ways, as before; an inverse name only its own direction.
    if (metamodel.relationTypes.has(name)) effect[code ^ 1] = NONE;
  }
  const followUp = new Uint8Array(codes);
  for (const name of options.followUps ?? DEFAULT_FOLLOW_UPS)
    followUp[relationCode(metamodel, index, name, 'options.followUps')] = 1;
  const stopKinds = options.stopAtKinds ?? [];
  for (const kind of stopKinds)
    if (!metamodel.kinds.has(kind))
      throw new InvalidArgumentError(
        `options.stopAtKinds: unknown kind "${kind}"${didYouMeanSuffix(kind, metamodel.kinds.keys()) || '.'}`,
      );
  const stop = Uint8Array.from(index.kinds, (kind) => (stopKinds.includes(kind) ? 1 : 0));
  return { effect, followUp, stop };
}

/**
 * The node numbers of changed ids, sorted. An unknown id throws {@link NotFoundError} naming the
 * closest ids ("did you mean DI-0102?").
 */
export function seedNumbers(index: PropagationIndex, changed: Iterable<string>): Int32Array {
  const seeds = new Set<number>();
  for (const id of changed) {
    const n = index.numberOf.get(id);
    if (n === undefined)
      throw new NotFoundError(
        `changedIds: element "${id}" not found${didYouMeanSuffix(id, index.ids) || '.'}`,
      );
    seeds.add(n);
  }
  return Int32Array.from(seeds).sort();
}
