import { visibleControls } from '../render-page.js';

/** Characters Markdown (GitHub's and GitLab's) would read as markup or as the end of a table cell. */
const MARKUP = /[\\`*_[\]<>|~#!]/g;

/**
 * Text for a Markdown table cell or line, shown as written: Markdown punctuation is backslash-escaped,
 * `&` and `<` become entities (no HTML reaches the reader), line breaks become spaces and control
 * characters their visible pictures.
 *
 * @example
 * markdownText('<b>x</b> | *y*') // '&lt;b&gt;x&lt;/b&gt; \\| \\*y\\*'
 */
export function markdownText(text: string): string {
  return visibleControls(text.replace(/\r\n|\r|\n|\t/g, ' '))
    .replace(/&/g, '&amp;')
    .replace(MARKUP, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`));
}

/**
 * A GitHub-style Markdown table; every cell goes through {@link markdownText}. Columns listed in
 * `numeric` are right-aligned.
 */
export function markdownTableOf(
  headers: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  numeric: readonly number[] = [],
): string {
  const line = (cells: readonly (string | number)[]) =>
    `| ${cells.map((c) => (typeof c === 'number' ? String(c) : markdownText(c))).join(' | ')} |`;
  const rule = `| ${headers.map((_, i) => (numeric.includes(i) ? '---:' : '---')).join(' | ')} |`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}
