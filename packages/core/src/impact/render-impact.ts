import { markdownTable } from '../report/markdown-table.js';
import { textTable } from '../report/text-table.js';
import { formatImpactPath } from './format-impact-path.js';
import type { ImpactResult } from './impact-types.js';

function actorRows(result: ImpactResult): string[][] {
  return result.byActor.map((a) => [
    a.id,
    a.kind,
    [...(a.self ? ['(itself)'] : []), ...a.elements].join(', '),
  ]);
}

/**
 * Renders an impact run for a terminal: counts by kind, the services and roles that must act, then
 * each impacted element with the path that explains it.
 *
 * @example
 * io.out(renderImpactText(computeImpact(model, ['DI-0023'])));
 */
export function renderImpactText(result: ImpactResult): string {
  const out = [`Changed: ${result.changed.join(', ')}`, `Impacted: ${result.impacted.length} elements`];
  if (result.impacted.length === 0) return `${out.join('\n')}\n`;
  out.push(
    '',
    textTable(
      ['kind', 'count'],
      Object.entries(result.byKind).map(([k, ids]) => [k, ids.length]),
      [1],
    ),
  );
  out.push(
    '',
    'Services and roles that must act',
    textTable(['id', 'kind', 'takes part in'], actorRows(result)),
  );
  out.push(
    '',
    textTable(
      ['id', 'kind', 'depth', 'path'],
      result.impacted.map((e) => [e.id, e.kind, e.depth, formatImpactPath(e.path)]),
      [2],
    ),
  );
  return `${out.join('\n')}\n`;
}

/**
 * Renders an impact run as Markdown.
 *
 * @example
 * await writeFile('impact.md', renderImpactMarkdown(computeImpact(model, ['DI-0023'])));
 */
export function renderImpactMarkdown(result: ImpactResult): string {
  const out = [
    `# Impact of ${result.changed.join(', ')}`,
    '',
    `${result.impacted.length} elements impacted.`,
    '',
  ];
  if (result.impacted.length === 0) return out.join('\n');
  out.push(
    markdownTable(
      ['kind', 'count'],
      Object.entries(result.byKind).map(([k, ids]) => [k, ids.length]),
      ['left', 'right'],
    ),
  );
  out.push(
    '## Services and roles that must act',
    '',
    markdownTable(['id', 'kind', 'takes part in'], actorRows(result)),
  );
  out.push(
    '## Why each element is impacted',
    '',
    markdownTable(
      ['id', 'kind', 'depth', 'path'],
      result.impacted.map((e) => [e.id, e.kind, e.depth, `\`${formatImpactPath(e.path)}\``]),
      ['left', 'left', 'right', 'left'],
    ),
  );
  return out.join('\n');
}
