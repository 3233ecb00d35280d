import { csvField } from '@tracery/core/render';

/**
 * A CSV line for `neo4j-admin database import`, ending in a line feed: each field by core's
 * `csvField` (RFC 4180; an empty text quoted, `undefined` an empty unquoted field, which neo4j-admin
 * reads as no value; never spreadsheet-safe, so `-1` stays `-1`).
 *
 * @example
 * csvLine(['IF-021', '', undefined, '-1']) // 'IF-021,"",,-1\n'
 */
export function csvLine(fields: readonly (string | undefined)[]): string {
  return `${fields.map((field) => csvField(field)).join(',')}\n`;
}
