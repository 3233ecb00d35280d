import { markdownTable } from '../report/markdown-table.js';
import type { FieldChange, ModelDiff } from './diff-snapshots.js';

/** A comparison of two states, ready to render: what was compared, the counts, and the diff. */
export type DiffReport = {
  readonly from: string;
  readonly to: string;
  readonly counts: {
    readonly elementsAdded: number;
    readonly elementsRemoved: number;
    readonly elementsChanged: number;
    readonly relationsAdded: number;
    readonly relationsRemoved: number;
    readonly relationsChanged: number;
  };
  readonly diff: ModelDiff;
};

/** Wraps a diff with the labels of its two sides and its counts. */
export function diffReport(from: string, to: string, diff: ModelDiff): DiffReport {
  const { elements: e, relations: r } = diff;
  return {
    from,
    to,
    counts: {
      elementsAdded: e.added.length,
      elementsRemoved: e.removed.length,
      elementsChanged: e.changed.length,
      relationsAdded: r.added.length,
      relationsRemoved: r.removed.length,
      relationsChanged: r.changed.length,
    },
    diff,
  };
}

const show = (value: FieldChange['before']) => (value === undefined ? '(none)' : JSON.stringify(value));
const arrow = (r: { source: string; type: string; target: string }) => `${r.source} -${r.type}-> ${r.target}`;

function summary(report: DiffReport): string {
  const c = report.counts;
  return `elements: ${c.elementsAdded} added, ${c.elementsRemoved} removed, ${c.elementsChanged} changed; relations: ${c.relationsAdded} added, ${c.relationsRemoved} removed, ${c.relationsChanged} changed`;
}

/**
 * Renders a diff for a terminal: `+` added, `-` removed, `~` changed with each field's before and after.
 *
 * @example
 * io.out(renderDiffText(diffReport('baseline T1', 'working tree', diff)));
 */
export function renderDiffText(report: DiffReport): string {
  const { elements: e, relations: r } = report.diff;
  const lines = [`${report.from} -> ${report.to}: ${summary(report)}`];
  for (const x of e.added) lines.push(`+ ${x.id} (${x.kind}) ${x.name}`);
  for (const x of e.removed) lines.push(`- ${x.id} (${x.kind}) ${x.name}`);
  for (const x of e.changed) {
    lines.push(`~ ${x.id} (${x.kind})`);
    for (const f of x.changes) lines.push(`    ${f.field}: ${show(f.before)} -> ${show(f.after)}`);
  }
  for (const x of r.added) lines.push(`+ ${arrow(x)}`);
  for (const x of r.removed) lines.push(`- ${arrow(x)}`);
  for (const x of r.changed) {
    lines.push(`~ ${arrow(x)}`);
    for (const f of x.changes) lines.push(`    ${f.field}: ${show(f.before)} -> ${show(f.after)}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Renders a diff as Markdown: one table of element changes and one of relation changes.
 *
 * @example
 * await writeFile('diff.md', renderDiffMarkdown(report));
 */
export function renderDiffMarkdown(report: DiffReport): string {
  const { elements: e, relations: r } = report.diff;
  const elementRows = [
    ...e.added.map((x) => ['added', x.id, x.kind, '', '', JSON.stringify(x.name)]),
    ...e.removed.map((x) => ['removed', x.id, x.kind, '', JSON.stringify(x.name), '']),
    ...e.changed.flatMap((x) =>
      x.changes.map((f) => ['changed', x.id, x.kind, f.field, show(f.before), show(f.after)]),
    ),
  ];
  const relationRows = [
    ...r.added.map((x) => ['added', `\`${arrow(x)}\``, '', '', '']),
    ...r.removed.map((x) => ['removed', `\`${arrow(x)}\``, '', '', '']),
    ...r.changed.flatMap((x) =>
      x.changes.map((f) => ['changed', `\`${arrow(x)}\``, f.field, show(f.before), show(f.after)]),
    ),
  ];
  const out = [`# ${report.from} -> ${report.to}`, '', `${summary(report)}.`, ''];
  if (elementRows.length > 0)
    out.push(
      '## Elements',
      '',
      markdownTable(['change', 'id', 'kind', 'field', 'before', 'after'], elementRows),
    );
  if (relationRows.length > 0)
    out.push(
      '## Relations',
      '',
      markdownTable(['change', 'relation', 'attribute', 'before', 'after'], relationRows),
    );
  return out.join('\n');
}
