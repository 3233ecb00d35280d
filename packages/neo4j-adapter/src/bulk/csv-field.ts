/**
 * One CSV field as RFC 4180 and `neo4j-admin database import` read it: quoted when it holds the
 * delimiter, a quote or a line break, or when it is empty (an unquoted empty field means "no value").
 *
 * @example
 * csvField('say "hi", twice') // '"say ""hi"", twice"'
 */
export function csvField(value: string | undefined): string {
  if (value === undefined) return '';
  if (value === '' || /[",\r\n]/.test(value)) return `"${value.replaceAll('"', '""')}"`;
  return value;
}

/** A CSV line from fields, ending in a line feed. */
export function csvLine(fields: readonly (string | undefined)[]): string {
  return `${fields.map(csvField).join(',')}\n`;
}
