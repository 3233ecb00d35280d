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
  // A loop, not Math.max(...lengths): spreading one argument per row overflows the stack at about
  // 200k rows (impact --since on a 200k-element repository).
  const widths = headers.map(() => 0);
  for (const row of cells) {
    for (let i = 0; i < widths.length; i += 1) widths[i] = Math.max(widths[i]!, (row[i] ?? '').length);
  }
  const line = (row: readonly string[]) =>
    row
      .map((cell, i) => (numeric.includes(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join(
    '\n',
  );
}
