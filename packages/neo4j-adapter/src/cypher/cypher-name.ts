import { InvalidArgumentError } from '@tracery/core';

/**
 * The one place where names from user data (kinds, relation types, attribute keys) meet Cypher text.
 *
 * Cypher cannot take a label or a relationship type as a parameter, so they are written into the
 * query as quoted identifiers. Doubling backticks is not enough on Neo4j 5: its parser decodes
 * `\uXXXX` escapes before it reads identifiers, so `\u0060` inside backticks closes the quote.
 * Every backslash is therefore written as `\u005C`, which decodes to a backslash and is not read
 * again, so the name arrives exactly as given. Values never go into the text: they are parameters.
 */

/** What a name is used as, for messages. */
export type NameUse = 'label' | 'relationship type' | 'property key' | 'schema name';

/** The prefix of the properties Tracery keeps for itself on nodes and relationships. */
export const RESERVED_PROPERTY_PREFIX = '__tracery';

// In `u` mode a well-formed surrogate pair is one code point, so only lone halves match.
const LONE_SURROGATE = /\p{Surrogate}/u;

/** Why a name cannot be used in Neo4j, or undefined when it can. */
export function nameProblem(name: string, use: NameUse): string | undefined {
  if (typeof name !== 'string') return `${use} must be a string, not ${typeof name}`;
  if (name.length === 0) return `${use} must not be empty`;
  if (name.includes('\u0000'))
    return `${use} ${JSON.stringify(name)} holds a NUL character, which Neo4j refuses`;
  if (LONE_SURROGATE.test(name))
    return `${use} ${JSON.stringify(name)} holds a lone UTF-16 surrogate, which Neo4j cannot store`;
  if (use === 'property key' && name.startsWith(RESERVED_PROPERTY_PREFIX)) {
    return `${use} ${JSON.stringify(name)} starts with "${RESERVED_PROPERTY_PREFIX}", which Tracery keeps for itself`;
  }
  return undefined;
}

/**
 * Checks a name and throws {@link InvalidArgumentError} naming the argument when Neo4j cannot hold it.
 *
 * @example
 * checkName('Interface', 'label', 'element.kind') // 'Interface'
 */
export function checkName(name: string, use: NameUse, argument: string): string {
  const problem = nameProblem(name, use);
  if (problem !== undefined) throw new InvalidArgumentError(`${argument}: ${problem}.`);
  return name;
}

/**
 * Quotes a checked name for Cypher text: backticks doubled and backslashes written as `\u005C`.
 *
 * @example
 * escapeName('a`b', 'label') // '`a``b`'
 */
export function escapeName(name: string, use: NameUse): string {
  checkName(name, use, use);
  return `\`${name.replaceAll('`', '``').replaceAll('\\', '\\u005C')}\``;
}

/**
 * The relationship type of a relation type: its name in upper snake case (`partOf` -> `PART_OF`).
 * Characters other than letters and digits are kept as they are (and escaped when written).
 *
 * @example
 * relationshipTypeOf('documentedIn') // 'DOCUMENTED_IN'
 */
export function relationshipTypeOf(relationType: string): string {
  let graphType = GRAPH_TYPES.get(relationType);
  if (graphType === undefined) {
    graphType = relationType
      .replace(/(\p{Ll}|\p{N})(\p{Lu})/gu, '$1_$2')
      .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1_$2')
      .toUpperCase();
    // A model has a few relation types and many relations: the regular expressions run once per type.
    if (GRAPH_TYPES.size < 10_000) GRAPH_TYPES.set(relationType, graphType);
  }
  return graphType;
}

const GRAPH_TYPES = new Map<string, string>();
