import type { Driver } from 'neo4j-driver';

/**
 * How a query that creates relationships names their type: written into the text (`[:PART_OF]`),
 * or as a parameter (`[:$($type)]`, Cypher's dynamic types, new in Neo4j 5.26).
 *
 * A parameter gives every relationship type one query text where the text gives each its own. Each
 * new text costs the server a plan and Java code to compile, and every type's text is new on a first
 * export into a label: on the 100k + 500k benchmark model (11 types), with the server's query cache
 * cleared before each run as a fresh label has it, creating the 500k relationships cost the server
 * 9.8 and 10.3 s of CPU with the type as a parameter against 11.3 and 12.5 s with one text per type
 * (load 5; see the README's figures).
 */
export type RelationshipTypeSyntax = 'text' | 'parameter';

/**
 * The syntax the server behind a driver accepts: `parameter` from Neo4j 5.26 on (the agent string
 * `Neo4j/5.26.0`, or a later major such as `Neo4j/2025.01.0`), `text` before or when the agent does
 * not say.
 */
export async function relationshipTypeSyntax(driver: Driver): Promise<RelationshipTypeSyntax> {
  const { agent } = await driver.getServerInfo();
  return syntaxForAgent(agent);
}

/** {@link relationshipTypeSyntax} for a server's agent string. */
export function syntaxForAgent(agent: string | undefined): RelationshipTypeSyntax {
  const match = /^Neo4j\/(\d+)\.(\d+)/.exec(agent ?? '');
  if (!match) return 'text';
  const major = Number(match[1]);
  const minor = Number(match[2]);
  return major > 5 || (major === 5 && minor >= 26) ? 'parameter' : 'text';
}
