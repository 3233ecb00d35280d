import { didYouMeanSuffix } from '../diagnostics/did-you-mean.js';
import { InvalidArgumentError } from '../errors/tracery-error.js';
import type { Model } from '../model/model.js';

/** One relation crossed on a trace: `from` reads `name` to `to` (an inverse name when crossed backwards). */
export type TraceStep = { readonly from: string; readonly name: string; readonly to: string };

/** Which way a trace follows relations: as written (`out`), backwards (`in`), or both. */
export type TraceDirection = 'out' | 'in' | 'both';

/** The relation types a walk may cross, split by the way it crosses them. */
export type StepFilter = {
  /** Type names crossed source -> target; undefined means every type. */
  readonly forward: ReadonlySet<string> | undefined;
  /** Type names crossed target -> source; undefined means every type. */
  readonly backward: ReadonlySet<string> | undefined;
};

/**
 * Turns relation names (type or inverse names) and a direction into the types a walk crosses each way.
 * `out` follows each name as it reads (`verifiedBy` goes from a requirement to its tests), `in` the
 * opposite, `both` either. Without names, `out` crosses every relation forwards, `in` backwards.
 */
export function stepFilter(
  model: Model,
  names: readonly string[] | undefined,
  direction: TraceDirection,
  argument = 'options.types',
): StepFilter {
  const none = new Set<string>();
  if (names === undefined) {
    return {
      forward: direction === 'in' ? none : undefined,
      backward: direction === 'out' ? none : undefined,
    };
  }
  const forward = new Set<string>();
  const backward = new Set<string>();
  for (const name of names) {
    const resolved = model.metamodel.relationNames.get(name);
    if (!resolved) {
      const known = [...model.metamodel.relationNames.keys()];
      throw new InvalidArgumentError(
        `${argument}: unknown relation name "${name}"${didYouMeanSuffix(name, known) || '.'}`,
      );
    }
    const reads = resolved.inverse ? backward : forward;
    const opposite = resolved.inverse ? forward : backward;
    if (direction !== 'in') reads.add(resolved.type.name);
    if (direction !== 'out') opposite.add(resolved.type.name);
  }
  return { forward, backward };
}

function compareSteps(a: TraceStep, b: TraceStep): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.to < b.to ? -1 : a.to > b.to ? 1 : 0;
}

/** The steps a walk can take from an element, sorted by name then the far end's id. */
export function stepsFrom(model: Model, id: string, filter: StepFilter): TraceStep[] {
  const steps: TraceStep[] = [];
  const { forward, backward } = filter;
  if (forward === undefined || forward.size > 0) {
    for (const { type, target } of model.outRelations(id))
      if (forward === undefined || forward.has(type)) steps.push({ from: id, name: type, to: target });
  }
  if (backward === undefined || backward.size > 0) {
    for (const { type, source } of model.inRelations(id)) {
      if (backward !== undefined && !backward.has(type)) continue;
      const inverse = model.metamodel.relationTypes.get(type)?.inverse ?? type;
      steps.push({ from: id, name: inverse, to: source });
    }
  }
  return steps.sort(compareSteps);
}

/** Checks kind names against the metamodel; throws {@link InvalidArgumentError} naming the argument. */
export function checkKinds(model: Model, kinds: readonly string[] | undefined, argument: string): void {
  for (const kind of kinds ?? []) {
    if (!model.metamodel.kinds.has(kind)) {
      const known = [...model.metamodel.kinds.keys()];
      throw new InvalidArgumentError(
        `${argument}: unknown kind "${kind}"${didYouMeanSuffix(kind, known) || '.'}`,
      );
    }
  }
}

/** Checks a depth bound: a non-negative integer, or undefined for no bound. */
export function checkDepth(value: number | undefined, argument: string): number {
  if (value === undefined) return Number.POSITIVE_INFINITY;
  if (!Number.isInteger(value) || value < 0)
    throw new InvalidArgumentError(`${argument}: expected a non-negative integer, got ${value}.`);
  return value;
}
