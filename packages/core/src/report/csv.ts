/** How {@link csvField} and {@link toCsv} write a field. */
export type CsvOptions = {
  /**
   * For files meant to be opened in a spreadsheet: a text that starts with `=`, `+`, `-`, `@`, a tab or a
   * carriage return, and is not a plain number, gets a leading `'` so that the spreadsheet shows it
   * rather than running it as a formula. Numbers such as `-1.5` stay as they are. Off by default: the
   * `'` changes the value for every other reader.
   */
  readonly spreadsheetSafe?: boolean;
};

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break, or when it is the
 * empty string; `undefined` and `null` are an empty, unquoted field (no value), so a reader such as
 * `neo4j-admin database import` can tell no value from an empty text. Lists are joined with `;` (an
 * empty list is no value).
 * Values are written as they are, unless `spreadsheetSafe` is asked for.
 *
 * @example
 * csvField('UTC, consumption') // '"UTC, consumption"'
 * csvField(-1) // '-1'
 * csvField('=SUM(A1)', { spreadsheetSafe: true }) // "'=SUM(A1)"
 */
export function csvField(value: unknown, options: CsvOptions = {}): string {
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return '';
  const text = Array.isArray(value) ? value.join(';') : String(value);
  const safe =
    options.spreadsheetSafe === true && FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)
      ? `'${text}`
      : text;
  return safe === '' || NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * Renders rows as CSV with a header line and CRLF line ends (RFC 4180), each field by {@link csvField}
 * with the same options.
 *
 * @example
 * toCsv(['id', 'name'], [['IF-021', 'UTC, consumption']]) // 'id,name\r\nIF-021,"UTC, consumption"\r\n'
 */
export function toCsv(
  headers: readonly string[],
  rows: readonly (readonly unknown[])[],
  options: CsvOptions = {},
): string {
  const line = (row: readonly unknown[]) => `${row.map((value) => csvField(value, options)).join(',')}\r\n`;
  return [headers, ...rows].map(line).join('');
}
