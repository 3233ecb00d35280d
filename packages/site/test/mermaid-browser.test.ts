import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { bpmnSourceLoader } from '@tracery/bpmn';
import { loadRepository } from '@tracery/core';
import { collectSiteData, renderTextView, type SiteData } from '@tracery/site';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from './browser.js';
import { MHHS } from './mhhs-site.js';

const require = createRequire(import.meta.url);
let browser: Browser;
let page: Page;
let data: SiteData;

beforeAll(async () => {
  data = await collectSiteData(await loadRepository(MHHS, { loaders: [bpmnSourceLoader()] }), {
    history: false,
  });
  browser = await launchChromium();
  page = await browser.newPage();
  // Mermaid itself (the package GitHub and GitLab draw with), evaluated in a blank page.
  await page.evaluate(await readFile(require.resolve('mermaid/dist/mermaid.min.js'), 'utf8'));
  await page.evaluate(() => {
    const m = (globalThis as unknown as { mermaid: { initialize(o: object): void } }).mermaid;
    m.initialize({ startOnLoad: false, securityLevel: 'strict' });
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

/** Draws Mermaid source with Mermaid in Chromium: the SVG's text, node and edge counts, or the parse error. */
async function draw(
  source: string,
): Promise<{ text: string; nodes: number; edges: number } | { error: string }> {
  return page.evaluate(async (text) => {
    const m = (
      globalThis as unknown as { mermaid: { render(id: string, t: string): Promise<{ svg: string }> } }
    ).mermaid;
    try {
      const { svg } = await m.render(`d${Math.random().toString(36).slice(2)}`, text);
      const holder = document.createElement('div');
      holder.innerHTML = svg;
      return {
        text: holder.textContent ?? '',
        nodes: holder.querySelectorAll('g.node').length,
        edges: holder.querySelectorAll('path.flowchart-link').length,
      };
    } catch (error) {
      return { error: String(error) };
    }
  }, source);
}

describe('the Mermaid of tracery view, drawn by Mermaid in Chromium', () => {
  test.each<[string, string?]>([['services'], ['interfaces'], ['data'], ['process', 'BP018'], ['trace']])(
    'the %s view draws, with a node per node line and an arrow per edge line',
    async (name, id) => {
      const source = renderTextView(data, name, 'mermaid', id);
      const drawn = await draw(source);
      expect(drawn).not.toHaveProperty('error');
      const lines = source.split('\n');
      const nodes = lines.filter((l) => /^\s+n\d+[[({]/.test(l)).length;
      const edges = lines.filter((l) => / (-->|-\.->)/.test(l)).length;
      expect(drawn).toMatchObject({ nodes, edges });
      expect(nodes).toBeGreaterThan(2);
    },
    60_000,
  );

  test('the tracker pie draws with its four statuses', async () => {
    const drawn = await draw(renderTextView(data, 'tracker', 'mermaid'));
    expect(drawn).not.toHaveProperty('error');
    expect((drawn as { text: string }).text).toContain('Requires further clarification');
  });

  test('hostile names draw as their text: quotes, brackets, pipes, markup, comment and entity signs', async () => {
    const hostile = 'A "q" [b] (p) {c} |d| <img src=x onerror=alert(1)> %% e #quot; f; `g`';
    const { mermaidLabel } = await import('@tracery/site');
    const source = `flowchart LR\n  n0[${mermaidLabel(hostile)}]\n  n1(${mermaidLabel('end')})\n  n0 -->|${mermaidLabel(hostile)}| n1\n`;
    const drawn = await draw(source);
    expect(drawn).not.toHaveProperty('error');
    expect(drawn).toMatchObject({ nodes: 2, edges: 1 });
    expect((drawn as { text: string }).text).toContain('A "q" [b] (p) {c} |d|');
    expect((drawn as { text: string }).text).toContain('%% e #quot; f; `g`');
    expect(await page.$('img')).toBeNull();
  });
});
