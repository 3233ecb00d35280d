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
  const rule = headers.map((_, i) => (align[i] === 'right' ? '---:' : '---'));
  const line = (cells: readonly unknown[]) => `| ${cells.map(markdownCell).join(' | ')} |`;
  return `${[line(headers), line(rule), ...rows.map(line)].join('\n')}\n`;
}
