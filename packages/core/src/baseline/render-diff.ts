import { markdownTable } from '../report/markdown-table.js';
import type { FieldChange, LinkReview, ModelDiff } from './diff-snapshots.js';

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
    /** Links reviewed between the two states: not changes (see {@link ModelDiff}). */
    readonly linksReviewed: number;
  };
  readonly diff: ModelDiff;
};

/**
 * Wraps a diff with the labels of its two sides and its counts.
 *
 * @example
 * diffReport('T1', 'working', diffSnapshots(before, after)).counts.elementsAdded
 */
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
      linksReviewed: diff.reviews.length,
    },
    diff,
  };
}

const show = (value: FieldChange['before']) => (value === undefined ? '(none)' : JSON.stringify(value));
const arrow = (r: { source: string; type: string; target: string }) => `${r.source} -${r.type}-> ${r.target}`;

function summary(report: DiffReport): string {
  const c = report.counts;
  return `elements: ${c.elementsAdded} added, ${c.elementsRemoved} removed, ${c.elementsChanged} changed; relations: ${c.relationsAdded} added, ${c.relationsRemoved} removed, ${c.relationsChanged} changed${c.linksReviewed > 0 ? `; links reviewed (not changes): ${c.linksReviewed}` : ''}`;
}

/** Who reviewed and when, as the review recorded them: `by Ada at 2026-11-30T17:00:00Z`. */
function reviewer(review: LinkReview): string {
  if (review.stamp === undefined) return 'review removed';
  return [review.by ? `by ${review.by}` : 'by (not recorded)', review.at ? `at ${review.at}` : '']
    .filter(Boolean)
    .join(' ');
}

/**
 * The reviews of a diff as lines for a terminal, under a heading (`reviewed since baseline T1:`);
 * nothing when there are none. Reviews are not changes: impact and the change lists leave them out.
 *
 * @example
 * io.out(renderReviewsText(diff.reviews, 'reviewed since baseline T1'));
 */
export function renderReviewsText(reviews: readonly LinkReview[], heading: string): string {
  if (reviews.length === 0) return '';
  return `${[`${heading}:`, ...reviews.map((x) => `  ${arrow(x)} ${reviewer(x)}`)].join('\n')}\n`;
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
  return `${lines.join('\n')}\n${renderReviewsText(report.diff.reviews, 'reviewed (not changes)')}`;
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
  if (report.diff.reviews.length > 0)
    out.push(
      '## Reviews (not changes)',
      '',
      markdownTable(
        ['relation', 'by', 'at', 'stamp'],
        report.diff.reviews.map((x) => [`\`${arrow(x)}\``, x.by ?? '', x.at ?? '', x.stamp ?? '(removed)']),
      ),
    );
  return out.join('\n');
}
