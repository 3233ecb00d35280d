import type { ElementHistory } from './element-history.js';

const show = (value: unknown) => (value === undefined ? '(none)' : JSON.stringify(value));

/**
 * Renders an element's history for a terminal: one block per commit, newest first.
 *
 * @example
 * io.out(renderHistoryText(await elementHistory(dir, 'IF-021')));
 */
export function renderHistoryText(history: ElementHistory): string {
  if (history.entries.length === 0) return `${history.id}: no commit changed it.\n`;
  const lines = [`${history.id}: ${history.entries.length} commits`];
  for (const e of history.entries) {
    lines.push('', `${e.commit.slice(0, 12)}  ${e.date}  ${e.author}  ${e.change}`, `    ${e.subject}`);
    for (const f of e.fields) lines.push(`    ${f.field}: ${show(f.before)} -> ${show(f.after)}`);
    for (const l of e.linksAdded) lines.push(`    + ${l}`);
    for (const l of e.linksRemoved) lines.push(`    - ${l}`);
  }
  return `${lines.join('\n')}\n`;
}
