/** Quotes a CSV field when it holds a comma, a quote or a line break (RFC 4180). */
export function csvField(value: unknown): string {
  const text =
    value === undefined || value === null ? '' : Array.isArray(value) ? value.join(';') : String(value);
  // A leading =, +, - or @ would run as a formula in a spreadsheet; a quote mark keeps it text.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * Renders rows as CSV with a header line and CRLF line ends (RFC 4180). Lists are joined with `;`.
 *
 * @example
 * toCsv(['id', 'name'], [['IF-021', 'UTC, consumption']]) // 'id,name\r\nIF-021,"UTC, consumption"\r\n'
 */
export function toCsv(headers: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [headers, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
