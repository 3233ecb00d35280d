import { bpmnSourceLoader } from '@tracery/bpmn';
import { findElements, loadRepository, related } from '@tracery/core';
import {
  collectSiteData,
  markdownText,
  mermaidLabel,
  renderTextView,
  type SiteData,
  TEXT_VIEW_NAMES,
} from '@tracery/site';
import { beforeAll, describe, expect, test } from 'vitest';
import { MHHS } from './mhhs-site.js';

let data: SiteData;

beforeAll(async () => {
  data = await collectSiteData(await loadRepository(MHHS, { loaders: [bpmnSourceLoader()] }), {
    history: false,
  });
}, 60_000);

/** Mermaid's entity codes decoded, as Mermaid shows the label. */
const decode = (label: string) =>
  label.slice(1, -1).replace(/#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));

describe('escaping', () => {
  const hostile =
    'A "quoted" [bracket] (paren) {brace} |pipe| <b>x</b> #1; 50% `tick` \\ end\nnext\u0007bell';

  test('a Mermaid label is one quoted string whatever the text, and shows the text as written', () => {
    const label = mermaidLabel(hostile);
    expect(label.startsWith('"') && label.endsWith('"')).toBe(true);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: no control character may stay in a label.
    expect(label.slice(1, -1)).not.toMatch(/["[\](){}|<>%`\\\n\u0007]/);
    // Line breaks become spaces and control characters their pictures; everything else is kept.
    expect(decode(label)).toBe(hostile.replace('\n', ' ').replace('\u0007', '\u2407'));
  });

  test('Markdown text keeps table cells whole and HTML out', () => {
    const text = markdownText(hostile);
    expect(text).not.toMatch(/(^|[^\\])\|/);
    expect(text).not.toContain('<');
    expect(text).not.toContain('\n');
    expect(text).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(text).toContain('\\`tick\\`');
  });
});

describe('the views of the MHHS example', () => {
  test('the service map lists every service and role, with what each sends', () => {
    const md = renderTextView(data, 'services', 'md');
    const services = [...data.loaded.model.elements()].filter(
      (e) => e.kind === 'Service' || e.kind === 'Role',
    );
    for (const s of services)
      expect(md).toContain(`| ${markdownText(s.id)} | ${markdownText(s.name)} | ${s.kind} |`);
    // IF-021 is sent by the services and roles its sentBy names: each of them lists it under "sends".
    const senders = related(data.loaded.model, 'IF-021', 'sentBy').filter((id) =>
      services.some((s) => s.id === id),
    );
    expect(senders.length).toBeGreaterThan(0);
    for (const sender of senders) {
      const row = md.split('\n').find((l) => l.startsWith(`| ${markdownText(sender)} |`));
      expect(row?.split(' | ')[3]).toContain('IF-021');
    }
    const mermaid = renderTextView(data, 'services', 'mermaid');
    expect(mermaid.startsWith('flowchart LR\n')).toBe(true);
    expect(mermaid.match(/^ {2}n\d+[[(]/gm)?.length).toBe(services.length);
  });

  test('the interface catalogue has a row per interface, with channel and parties', () => {
    const md = renderTextView(data, 'interfaces', 'md');
    const interfaces = [...data.loaded.model.elements()].filter((e) => e.kind === 'Interface');
    expect(md.split('\n').filter((l) => l.startsWith('| IF-')).length).toBe(interfaces.length);
    const row = md.split('\n').find((l) => l.startsWith('| IF-021 |'));
    expect(row).toContain('UTC Settlement Period Consumption Data');
  });

  test('a process shows its steps in order, each in the lane of who performs it', () => {
    const md = renderTextView(data, 'process', 'md', 'BP018');
    const steps = md
      .split('\n')
      .filter((l) => l.startsWith('| BP018-'))
      .map((l) => l.split(' | ')[0]?.slice(2));
    expect(steps).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09'].map((n) => `BP018-${n}`));
    const mermaid = renderTextView(data, 'process', 'mermaid', 'BP018');
    expect(mermaid).toContain('subgraph g0["MDS: Market-wide Data Service"]');
    // Every flowsTo between BP018's steps is an arrow.
    const flows = steps.flatMap((s) => related(data.loaded.model, s!, 'flowsTo'));
    expect(mermaid.match(/ --> /g)?.length).toBe(flows.length);
    expect(() => renderTextView(data, 'process', 'md')).toThrow(/give its id/);
    expect(() => renderTextView(data, 'process', 'md', 'IF-021')).toThrow(
      /"IF-021" is not a BusinessProcess/,
    );
    expect(() => renderTextView(data, 'proces', 'md')).toThrow(/did you mean "process"/);
  });

  test('the trace and the tracker give the numbers the site and tracery tracker give', () => {
    const trace = renderTextView(data, 'trace', 'md');
    const s = data.trace.summary;
    expect(trace).toContain(`${s.requirements} requirements: ${s.passing} passing, ${s.failing} failing`);
    expect(
      trace.split('\n').filter((l) => /^\| [A-Z]/.test(l) && !l.startsWith('| requirement')).length,
    ).toBe(data.trace.requirements.length);
    const tracker = renderTextView(data, 'tracker', 'md');
    // The DAG pack's Tranche 1: 707 comments from 15 organisations.
    expect(tracker).toContain('| total | 15 | 446 | 187 | 44 | 30 | 0 | 707 |');
    expect(renderTextView(data, 'tracker', 'mermaid')).toBe(
      'pie title Review comments by status\n  "Accepted" : 446\n  "Action" : 187\n  "Rejected" : 44\n  "Requires further clarification" : 30\n',
    );
  });

  test('md wraps the diagram in a mermaid block, followed by the table', () => {
    const md = renderTextView(data, 'data', 'md');
    expect(md).toMatch(/^## Data\n\n```mermaid\nflowchart LR\n[\s\S]*\n```\n\n\| entity \| data item \|/);
  });

  test('the views the help lists (TEXT_VIEW_NAMES, a module apart) are exactly the views there are', () => {
    const process = findElements(data.loaded.model, { kind: 'BusinessProcess' })[0]?.id;
    for (const view of TEXT_VIEW_NAMES)
      expect(renderTextView(data, view.name, 'md', view.needsId ? process : undefined)).toMatch(/^## /);
    // The refusal of an unknown view lists the views the renderer has: the same names, in order.
    expect(() => renderTextView(data, 'nope', 'md')).toThrow(
      `the views are ${TEXT_VIEW_NAMES.map((v) => v.name).join(', ')}.`,
    );
  });
});
