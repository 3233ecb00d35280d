import { formatDiagnostic } from '../diagnostics/index.js';
import type { ElementHistory } from './element-history.js';

const show = (value: unknown) => (value === undefined ? '(none)' : JSON.stringify(value));

/** How many load errors of a commit that did not load are printed. */
const ERRORS_SHOWN = 3;

/**
 * Renders an element's history for a terminal: one block per commit, newest first. A commit whose files
 * did not load says so, with its first errors.
 *
 * @example
 * io.out(renderHistoryText(await elementHistory(dir, 'IF-021')));
 */
export function renderHistoryText(history: ElementHistory): string {
  if (history.entries.length === 0) return `${history.id}: no commit changed it.\n`;
  const lines = [`${history.id}: ${history.entries.length} commits`];
  for (const e of history.entries) {
    const errors = e.errors ?? [];
    const change =
      e.change === 'not-loaded'
        ? `did not load (${errors.length} error${errors.length === 1 ? '' : 's'}): what it did to ${history.id} is not known; the next commit is compared with the one before`
        : e.change;
    lines.push('', `${e.commit.slice(0, 12)}  ${e.date}  ${e.author}  ${change}`, `    ${e.subject}`);
    for (const d of errors.slice(0, ERRORS_SHOWN)) lines.push(`    ${formatDiagnostic(d)}`);
    if (errors.length > ERRORS_SHOWN) lines.push(`    ... and ${errors.length - ERRORS_SHOWN} more`);
    for (const f of e.fields) lines.push(`    ${f.field}: ${show(f.before)} -> ${show(f.after)}`);
    for (const l of e.linksAdded) lines.push(`    + ${l}`);
    for (const l of e.linksRemoved) lines.push(`    - ${l}`);
  }
  return `${lines.join('\n')}\n`;
}
