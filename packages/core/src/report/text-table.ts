/**
 * Renders rows as an aligned plain-text table for a terminal, with a header and a rule.
 * Columns listed in `numeric` are right-aligned.
 *
 * @example
 * textTable(['kind', 'count'], [['Interface', 40]], [1])
 */
export function textTable(
  headers: readonly string[],
  rows: readonly (readonly unknown[])[],
  numeric: readonly number[] = [],
): string {
  const cells = [headers, ...rows].map((row) => row.map((cell) => String(cell ?? '')));
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, i) => (numeric.includes(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join(
    '\n',
  );
}
