import { didYouMeanSuffix } from '../diagnostics/did-you-mean.js';
import { InvalidArgumentError } from '../errors/tracery-error.js';
import type { ResolvedRelationName } from '../metamodel/metamodel.js';
import type { Model } from './model.js';

function unknownName(argument: string, what: string, name: string, known: readonly string[]) {
  const guess = didYouMeanSuffix(name, known);
  const list = guess === '' ? ` The ${what}s of this metamodel: ${[...known].sort().join(', ')}.` : '';
  return new InvalidArgumentError(`${argument}: unknown ${what} "${name}"${guess || '.'}${list}`);
}

/**
 * Throws an {@link InvalidArgumentError} when `kind` is no kind of the model's metamodel, naming the
 * argument and the nearest kind (or all of them when none is near).
 *
 * @example
 * checkKindName(model, 'Interfce', 'filter.kind') // throws: filter.kind: unknown kind "Interfce"; did you mean "Interface"?
 */
export function checkKindName(model: Model, kind: string, argument: string): void {
  if (!model.metamodel.kinds.has(kind))
    throw unknownName(argument, 'kind', kind, [...model.metamodel.kinds.keys()]);
}

/**
 * A relation name (type or inverse name) resolved against the model's metamodel, or an
 * {@link InvalidArgumentError} naming the argument and the nearest valid name.
 *
 * @example
 * resolveRelationName(model, 'sentby', 'name') // throws: name: unknown relation name "sentby"; did you mean "sentBy"?
 */
export function resolveRelationName(model: Model, name: string, argument: string): ResolvedRelationName {
  const resolved = model.metamodel.relationNames.get(name);
  if (!resolved)
    throw unknownName(argument, 'relation name', name, [...model.metamodel.relationNames.keys()]);
  return resolved;
}
