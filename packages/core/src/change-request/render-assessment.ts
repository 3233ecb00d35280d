import type { ImpactStep } from '../impact/impact-types.js';
import { stepRelation } from '../model/path-step.js';
import { markdownTable as markdownRows } from '../report/markdown-table.js';
import { textTable as textRows } from '../report/text-table.js';
import type { ChangeAssessment, Estimate } from './change-assessment.js';

/** A table, or "none" when it has no rows: an empty table reads as a mistake. */
const textTable = (...args: Parameters<typeof textRows>) =>
  args[1].length === 0 ? '  none' : textRows(...args);
const markdownTable = (...args: Parameters<typeof markdownRows>) =>
  args[1].length === 0 ? 'None.\n' : markdownRows(...args);

const money = (value: number, currency: string) =>
  `${currency} ${value.toLocaleString('en-GB', { maximumFractionDigits: 0 })}`;

function settingsLine(a: ChangeAssessment): string {
  const s = a.settings;
  const parts = [
    'the effects of the metamodel',
    s.maxDepth === undefined ? 'no depth limit' : `at most ${s.maxDepth} hops`,
  ];
  if (s.stopAtKinds.length > 0) parts.push(`stops at ${s.stopAtKinds.join(', ')}`);
  if (s.skipTypes.length > 0) parts.push(`skips ${s.skipTypes.join(', ')}`);
  return parts.join('; ');
}

function title(a: ChangeAssessment): string {
  const cr = a.changeRequest;
  const option = cr.decision ? ` (option ${cr.option ?? '?'} of ${cr.decision})` : '';
  return `${cr.id} ${cr.name}${option}`;
}

/** One table of a rendered assessment. */
type Section = {
  readonly heading: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
  /** Columns holding numbers, right-aligned. */
  readonly numeric?: readonly number[];
  /** Text after the table (Markdown only: a diagram). */
  readonly after?: string;
};

/** The tables of an assessment, in reading order, shared by the text and Markdown renderings. */
function sections(a: ChangeAssessment, code: (text: string) => string): Section[] {
  const list: Section[] = [
    {
      heading: `Changes (${a.changes.length})`,
      headers: ['nature', 'id', 'kind', 'name', 'note'],
      rows: a.changes.map((c) => [c.nature, c.id, c.kind, c.name, c.note ?? '']),
    },
    {
      heading: `Impacted: ${a.impacted.length} elements`,
      headers: ['kind', 'count'],
      rows: Object.entries(a.countsByKind),
      numeric: [1],
    },
    {
      heading: `Parties that must act (${a.parties.length})`,
      headers: ['id', 'kind', 'name', 'takes part in'],
      rows: a.parties.map((p) => [p.id, p.kind, p.name, partyElements(p, a)]),
    },
    {
      heading: `Artefacts to re-issue (${a.artefactsToReissue.length})`,
      headers: ['id', 'name', 'documents'],
      rows: a.artefactsToReissue.map((f) => [f.id, f.name, f.because.join(', ')]),
    },
    {
      heading: `Tests to re-run (${a.testsToRerun.length})`,
      headers: ['id', 'name', 'verifies'],
      rows: a.testsToRerun.map((f) => [f.id, f.name, f.because.join(', ')]),
    },
  ];
  const e = a.estimate;
  if (e)
    list.push({
      heading: `Estimate: ${e.days} days, ${money(e.cost, e.currency)} at ${money(e.dayRate, e.currency)} a day`,
      headers: ['kind', 'count', 'days each', 'days'],
      rows: estimateRows(e),
      numeric: [1, 2, 3],
      ...(e.unpriced.length > 0 ? { after: `Not priced: ${e.unpriced.join(', ')}.` } : {}),
    });
  list.push({
    heading: 'Why each element is impacted',
    headers: ['id', 'kind', 'name', 'reach', 'depth', 'path'],
    rows: a.impacted.map((x) => [x.id, x.kind, x.name, x.reach, x.depth, code(x.explanation)]),
    numeric: [4],
  });
  return list;
}

function estimateRows(e: Estimate): string[][] {
  return [
    ...e.lines.map((l) => [l.kind, String(l.count), String(l.daysEach), String(l.days)]),
    ['total', '', '', String(e.days)],
  ];
}

const SHOWN = 6;
const KIND_ORDER = ['Interface', 'BusinessProcess', 'ProcessStep'];

/** What a party takes part in, interfaces first, cut after a few ids (the JSON has them all). */
function partyElements(p: ChangeAssessment['parties'][number], a: ChangeAssessment): string {
  const kinds = new Map<string, string>([...a.impacted, ...a.changes].map((e) => [e.id, e.kind]));
  const rank = (id: string) => {
    const r = KIND_ORDER.indexOf(kinds.get(id) ?? '');
    return r < 0 ? KIND_ORDER.length : r;
  };
  const ids = [...p.elements].sort((x, y) => rank(x) - rank(y) || (x < y ? -1 : x > y ? 1 : 0));
  const shown = ids.slice(0, SHOWN).join(', ');
  const more = ids.length > SHOWN ? ` and ${ids.length - SHOWN} more` : '';
  return [...(p.self ? ['(itself)'] : []), ...(ids.length > 0 ? [`${shown}${more}`] : [])].join(', ');
}

/**
 * A Mermaid flowchart of the paths by which the change reaches each party (service or role), each
 * arrow a relation in its real direction; undefined when no party is reached through a path.
 */
export function partyPathsDiagram(a: ChangeAssessment): string | undefined {
  const byId = new Map(a.impacted.map((e) => [e.id, e.path] as const));
  const steps = new Map<string, ImpactStep>();
  for (const party of a.parties)
    for (const step of byId.get(party.id) ?? []) steps.set(`${step.from}>${step.to}>${step.relation}`, step);
  if (steps.size === 0) return undefined;
  const relations = [...steps.keys()].sort().map((key) => stepRelation(steps.get(key)!));
  const ids = [...new Set(relations.flatMap((r) => [r.source, r.target]))].sort();
  const node = new Map(ids.map((id, i) => [id, `n${i}`] as const));
  const changed = new Set(a.changes.map((c) => c.id));
  const declarations = ids.map((id) => `  ${node.get(id)}["${id}"]${changed.has(id) ? ':::changed' : ''}`);
  const edges = relations.map((r) => `  ${node.get(r.source)} -->|${r.type}| ${node.get(r.target)}`);
  return [
    '```mermaid',
    'flowchart LR',
    '  classDef changed fill:#fde68a,stroke:#b45309',
    ...declarations,
    ...edges,
    '```',
  ].join('\n');
}

/**
 * Renders an assessment for a terminal: the changes, the impact by kind, the parties, the artefacts
 * and tests, the estimate, then every impacted element with the path that explains it.
 *
 * @example
 * io.out(renderAssessmentText(assessChangeRequest(model, 'CR001')));
 */
export function renderAssessmentText(a: ChangeAssessment): string {
  const out: string[] = [title(a), `Impact run: ${settingsLine(a)}.`];
  for (const section of sections(a, (text) => text)) {
    out.push('', section.heading, textTable(section.headers, section.rows, section.numeric));
    if (section.after) out.push(section.after);
  }
  return `${out.join('\n')}\n`;
}

/**
 * Renders an assessment as Markdown, with tables and a Mermaid diagram of how the change reaches each
 * party.
 *
 * @example
 * await writeFile('CR001.md', renderAssessmentMarkdown(assessChangeRequest(model, 'CR001')));
 */
export function renderAssessmentMarkdown(a: ChangeAssessment): string {
  const out: string[] = [`# ${title(a)}`, '', `Impact run: ${settingsLine(a)}.`, ''];
  for (const section of sections(a, (text) => `\`${text}\``)) {
    const align = section.headers.map(
      (_, i) => (section.numeric?.includes(i) ? 'right' : 'left') as 'left' | 'right',
    );
    out.push(`## ${section.heading}`, '', markdownTable(section.headers, section.rows, align));
    if (section.after) out.push(section.after, '');
    const diagram = section.heading.startsWith('Parties') ? partyPathsDiagram(a) : undefined;
    if (diagram)
      out.push('How the change reaches each party (each arrow is a relation in the model):', '', diagram, '');
  }
  return out.join('\n');
}
