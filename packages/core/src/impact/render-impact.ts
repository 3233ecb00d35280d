import { formatPath } from '../model/path-step.js';
import { markdownTable } from '../report/markdown-table.js';
import { textTable } from '../report/text-table.js';
import type { ImpactResult } from './impact-types.js';

/** Options of the impact renderings. */
export type RenderImpactOptions = {
  /** Show only impacted elements of these kinds in the table (the summary stays whole). */
  readonly kinds?: readonly string[];
};

type Section = { readonly heading: string; readonly headers: string[]; readonly rows: string[][] };

const SHOWN = 8;
const shortList = (ids: readonly string[]) =>
  ids.length > SHOWN ? `${ids.slice(0, SHOWN).join(', ')} and ${ids.length - SHOWN} more` : ids.join(', ');

/** The summary: who must act, what to re-run, what to re-issue. */
function summary(result: ImpactResult): Section[] {
  return [
    {
      heading: `Parties that must act (${result.parties.length})`,
      headers: ['id', 'kind', 'name', 'takes part in'],
      rows: result.parties.map((p) => [
        p.id,
        p.kind,
        p.name,
        [...(p.self ? ['(changed)'] : []), ...(p.elements.length > 0 ? [shortList(p.elements)] : [])].join(
          ', ',
        ),
      ]),
    },
    {
      heading: `Tests to re-run (${result.testsToRerun.length})`,
      headers: ['id', 'name', 'verifies'],
      rows: result.testsToRerun.map((t) => [t.id, t.name, shortList(t.because)]),
    },
    {
      heading: `Documents to re-issue (${result.documentsToReissue.length})`,
      headers: ['id', 'name', 'specifies'],
      rows: result.documentsToReissue.map((d) => [d.id, d.name, shortList(d.because)]),
    },
  ];
}

function shown(result: ImpactResult, options: RenderImpactOptions) {
  const kinds = options.kinds ? new Set(options.kinds) : undefined;
  return result.impacted.filter((e) => kinds === undefined || kinds.has(e.kind));
}

function headline(result: ImpactResult, options: RenderImpactOptions): string[] {
  const counts = Object.entries(result.idsByKind)
    .map(([kind, ids]) => `${kind} ${ids.length}`)
    .join(', ');
  const propagated = result.impacted.filter((e) => e.reach === 'propagated').length;
  const lines = [
    `Changed: ${result.changed.join(', ')}`,
    `Impacted: ${result.impacted.length} elements (${propagated} changed by propagation, ${result.impacted.length - propagated} notified)${counts ? `: ${counts}` : ''}`,
  ];
  if (options.kinds) lines.push(`Shown below: ${options.kinds.join(', ')} only.`);
  return lines;
}

/**
 * Renders an impact run for a terminal: a summary first (the parties that must act, the tests to
 * re-run, the documents to re-issue), then each impacted element with its name, whether it was
 * propagated or notified, and the path that explains it.
 *
 * @example
 * io.out(renderImpactText(computeImpact(model, ['DI-0023'])));
 */
export function renderImpactText(result: ImpactResult, options: RenderImpactOptions = {}): string {
  const out = headline(result, options);
  for (const section of summary(result))
    out.push(
      '',
      section.heading,
      section.rows.length === 0 ? '  none' : textTable(section.headers, section.rows),
    );
  const rows = shown(result, options).map((e) => [
    e.id,
    e.kind,
    e.name,
    e.reach,
    String(e.depth),
    formatPath(e.path),
  ]);
  out.push(
    '',
    `Impacted elements (${rows.length})`,
    rows.length === 0 ? '  none' : textTable(['id', 'kind', 'name', 'reach', 'depth', 'path'], rows, [4]),
  );
  return `${out.join('\n')}\n`;
}

/**
 * Renders an impact run as Markdown: the same summary and table as the text.
 *
 * @example
 * await writeFile('impact.md', renderImpactMarkdown(computeImpact(model, ['DI-0023'])));
 */
export function renderImpactMarkdown(result: ImpactResult, options: RenderImpactOptions = {}): string {
  const [, impacted, filter] = headline(result, options);
  const out = [`# Impact of ${result.changed.join(', ')}`, '', `${impacted}.`, ''];
  if (filter) out.push(filter, '');
  for (const section of summary(result))
    out.push(
      `## ${section.heading}`,
      '',
      section.rows.length === 0 ? 'None.\n' : markdownTable(section.headers, section.rows),
    );
  const rows = shown(result, options).map((e) => [
    e.id,
    e.kind,
    e.name,
    e.reach,
    String(e.depth),
    `\`${formatPath(e.path)}\``,
  ]);
  out.push(
    `## Impacted elements (${rows.length})`,
    '',
    rows.length === 0
      ? 'None.\n'
      : markdownTable(['id', 'kind', 'name', 'reach', 'depth', 'path'], rows, [
          'left',
          'left',
          'left',
          'left',
          'right',
          'left',
        ]),
  );
  return out.join('\n');
}
