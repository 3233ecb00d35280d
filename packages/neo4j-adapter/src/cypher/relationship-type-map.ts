import { InvalidArgumentError, type Metamodel } from '@tracery/core';
import { checkName, relationshipTypeOf } from './cypher-name.js';

/**
 * Maps each relationship type in the graph back to the relation type of the metamodel it stands for.
 * Throws {@link InvalidArgumentError} when two relation types would share one relationship type
 * (`partOf` and `part_of` both give `PART_OF`), since the graph could not tell them apart.
 *
 * @example
 * relationshipTypeMap(defaultMetamodel()).get('PART_OF') // 'partOf'
 */
export function relationshipTypeMap(metamodel: Metamodel): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const name of metamodel.relationTypes.keys()) {
    const graphType = checkName(relationshipTypeOf(name), 'relationship type', `relation type "${name}"`);
    const other = map.get(graphType);
    if (other !== undefined) {
      throw new InvalidArgumentError(
        `metamodel: relation types "${other}" and "${name}" would both be stored as ${graphType}; rename one of them.`,
      );
    }
    map.set(graphType, name);
  }
  return map;
}
