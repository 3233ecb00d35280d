import { markdownTable } from '../report/markdown-table.js';
import { textTable } from '../report/text-table.js';
import type { OptionComparison } from './compare-options.js';

const money = (value: number | undefined) =>
  value === undefined ? '' : value.toLocaleString('en-GB', { maximumFractionDigits: 0 });

function summaryRows(c: OptionComparison): { headers: string[]; rows: string[][] } {
  const costed = c.options.some((o) => o.cost !== undefined);
  const currency = c.assessments.find((a) => a.estimate)?.estimate?.currency ?? '';
  const headers = [
    'option',
    'request',
    'name',
    'changes',
    'impacted',
    'interfaces',
    'artefacts',
    'tests',
    'parties',
  ];
  if (costed) headers.push('days', `cost (${currency})`);
  const rows = c.options.map((o) => {
    const row = [
      o.option,
      o.changeRequest,
      o.name,
      ...[o.changes, o.impacted, o.interfaces, o.artefacts, o.tests, o.parties.length].map(String),
    ];
    if (costed) row.push(String(o.days ?? ''), money(o.cost));
    return row;
  });
  return { headers, rows };
}

function partyRows(c: OptionComparison): { headers: string[]; rows: string[][] } {
  const headers = ['party', 'name', ...c.options.map((o) => `option ${o.option}`)];
  const rows = c.parties.map((p) => [
    p.id,
    p.name,
    ...c.options.map((o) => (p.options.includes(o.option) ? 'acts' : '')),
  ]);
  return { headers, rows };
}

const heading = (c: OptionComparison) =>
  `${c.decision}${c.decisionName ? ` ${c.decisionName}` : ''}: ${c.options.length} options`;

/**
 * Renders the options of a decision side by side for a terminal: one row per option, then which
 * parties each option makes act.
 *
 * @example
 * io.out(renderComparisonText(compareOptions(model, 'DEC-004')));
 */
export function renderComparisonText(c: OptionComparison): string {
  const summary = summaryRows(c);
  const parties = partyRows(c);
  const numeric = summary.headers.map((_, i) => i).filter((i) => i >= 3);
  return `${[heading(c), '', textTable(summary.headers, summary.rows, numeric), '', 'Parties that must act', textTable(parties.headers, parties.rows)].join('\n')}\n`;
}

/**
 * Renders the options of a decision side by side as Markdown.
 *
 * @example
 * await writeFile('DEC-004.md', renderComparisonMarkdown(compareOptions(model, 'DEC-004')));
 */
export function renderComparisonMarkdown(c: OptionComparison): string {
  const summary = summaryRows(c);
  const parties = partyRows(c);
  const align = summary.headers.map((_, i) => (i >= 3 ? 'right' : 'left') as 'left' | 'right');
  return [
    `# ${heading(c)}`,
    '',
    markdownTable(summary.headers, summary.rows, align),
    '## Parties that must act',
    '',
    markdownTable(parties.headers, parties.rows),
    ...c.assessments.map(
      (a) => `- ${a.changeRequest.id}: see its assessment for the path that explains each line.`,
    ),
    '',
  ].join('\n');
}
