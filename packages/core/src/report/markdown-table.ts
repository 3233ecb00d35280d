/** Escapes text for a Markdown table cell: pipes and line breaks would break the row. */
export function markdownCell(value: unknown): string {
  return String(value ?? '')
    .replaceAll('\\', '\\\\')
    .replaceAll('|', '\\|')
    .replace(/\r?\n/g, '<br>');
}

/**
 * Renders a Markdown table (GitHub style). Cells are escaped; numbers are right-aligned when
 * `align` says so.
 *
 * @example
 * markdownTable(['id', 'verdict'], [['REQ-1', 'covered']]) // '| id | verdict |\n| --- | --- |\n| REQ-1 | covered |\n'
 */
export function markdownTable(
  headers: readonly string[],
  rows: readonly (readonly unknown[])[],
  align: readonly ('left' | 'right')[] = [],
): string {
  return [...markdownTableLines(headers, rows, align)].join('');
}

/**
 * {@link markdownTable}'s text line by line (each with its newline), the rows read one at a time: a
 * table of 100,000s of rows is written as it is made.
 *
 * @example
 * [...markdownTableLines(['id'], [['REQ-1']])] // ['| id |\n', '| --- |\n', '| REQ-1 |\n']
 */
export function* markdownTableLines(
  headers: readonly string[],
  rows: Iterable<readonly unknown[]>,
  align: readonly ('left' | 'right')[] = [],
): Generator<string> {
  const line = (cells: readonly unknown[]) => `| ${cells.map(markdownCell).join(' | ')} |\n`;
  yield line(headers);
  yield line(headers.map((_, i) => (align[i] === 'right' ? '---:' : '---')));
  for (const row of rows) yield line(row);
}
