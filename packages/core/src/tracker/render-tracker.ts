import { toCsv } from '../report/csv.js';
import { escapeHtml, htmlPage } from '../report/html.js';
import { markdownTable } from '../report/markdown-table.js';
import { textTable } from '../report/text-table.js';
import type { TrackerMovement } from './tracker-movement.js';
import { artefactTable, trackerTables } from './tracker-tables.js';
import type { TrackerReport } from './tracker-types.js';

function heading(report: TrackerReport): string {
  const t = report.totals;
  const by = report.statuses.map((s) => `${t.comments.byStatus[s] ?? 0} ${s}`).join(', ');
  return `Design Artefact Tracker${report.tranche ? ` (${report.tranche})` : ''}: ${t.artefacts} artefacts; ${t.comments.total} comments from ${t.organisations} organisations in ${t.constituencies} constituencies (${by})`;
}

/**
 * The tracker as text for a terminal: a summary line, then each table.
 *
 * @example
 * console.log(renderTrackerText(computeTracker(model, comments)));
 */
export function renderTrackerText(report: TrackerReport, movement?: TrackerMovement): string {
  const parts = [heading(report)];
  for (const table of trackerTables(report, movement))
    parts.push(`\n${table.title}\n${textTable(table.headers, table.rows, table.numeric)}`);
  return `${parts.join('\n')}\n`;
}

/** The tracker as Markdown: a summary, then a section per table. */
export function renderTrackerMarkdown(report: TrackerReport, movement?: TrackerMovement): string {
  const parts = [`# ${heading(report)}`];
  for (const table of trackerTables(report, movement)) {
    const align = table.headers.map((_, i) =>
      table.numeric.includes(i) ? ('right' as const) : ('left' as const),
    );
    parts.push(`## ${table.title}\n\n${markdownTable(table.headers, table.rows, align)}`);
  }
  return `${parts.join('\n\n')}`;
}

/**
 * The tracker as CSV for a spreadsheet: one row per artefact, by tranche and service, with comment
 * counts by status; a missing value is an empty field, and texts that a spreadsheet would run as
 * formulas start with `'` (`spreadsheetSafe`).
 */
export function renderTrackerCsv(report: TrackerReport): string {
  const table = artefactTable(report);
  const rows = table.rows.map((row) => row.map((cell) => (cell === '' ? undefined : cell)));
  return toCsv(table.headers, rows, { spreadsheetSafe: true });
}

/** The tracker as a self-contained HTML page. */
export function renderTrackerHtml(report: TrackerReport, movement?: TrackerMovement): string {
  const sections = trackerTables(report, movement).map((table) => {
    const th = table.headers
      .map((h, i) => `<th${table.numeric.includes(i) ? ' class="num"' : ''}>${escapeHtml(h)}</th>`)
      .join('');
    const rows = table.rows
      .map(
        (row) =>
          `<tr>${row.map((c, i) => `<td${table.numeric.includes(i) ? ' class="num"' : ''}>${escapeHtml(c)}</td>`).join('')}</tr>`,
      )
      .join('\n');
    return `<h2>${escapeHtml(table.title)}</h2>\n<table>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>`;
  });
  return htmlPage(
    'Design Artefact Tracker',
    `<h1>Design Artefact Tracker</h1>\n<p class="meta">${escapeHtml(heading(report))}</p>\n${sections.join('\n')}`,
  );
}

/** The tracker (and its movement) as JSON with a stable shape and order. */
export function renderTrackerJson(report: TrackerReport, movement?: TrackerMovement): string {
  return `${JSON.stringify(movement ? { ...report, movement } : report, null, 2)}\n`;
}
