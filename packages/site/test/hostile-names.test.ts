import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRepository } from '@tracery/core';
import { buildSite, elementFile } from '@tracery/site';
import { beforeAll, describe, expect, test } from 'vitest';

const HOSTILE_NAME = `<script>alert("x")</script> "quoted" 'single' & \u0007bell </title>`;
const HOSTILE_DESCRIPTION = '<img src=x onerror=alert(1)> javascript:alert(2)';

let site: string;

beforeAll(async () => {
  const repo = await mkdtemp(join(tmpdir(), 'tracery-hostile-'));
  await writeFile(join(repo, 'tracery.yaml'), JSON.stringify({ name: '<b>Hostile</b> & co' }));
  const elements = [
    {
      id: 'SVC',
      kind: 'Service',
      name: HOSTILE_NAME,
      description: HOSTILE_DESCRIPTION,
      owner: 'javascript:alert(3)',
    },
    { id: 'javascript:alert(4)', kind: 'Role', name: 'A role with a hostile id', performs: ['BP001'] },
    { id: 'BP001', kind: 'BusinessProcess', name: 'Process', performedBy: ['SVC'] },
  ];
  await mkdir(join(repo, 'model'));
  await writeFile(join(repo, 'model', 'model.yaml'), JSON.stringify({ elements }));
  const loaded = await loadRepository(repo);
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(loaded.model.elementCount).toBe(3);
  site = await mkdtemp(join(tmpdir(), 'tracery-hostile-site-'));
  await buildSite(loaded, { out: site, history: false });
});

describe('hostile names render as text', () => {
  test('script tags, quotes and control characters in a name are escaped, never markup', async () => {
    const html = await readFile(join(site, 'e', 'SVC.html'), 'utf8');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script>alert(&quot;x&quot;)&lt;/script>');
    expect(html).not.toContain('\u0007');
    expect(html).toContain('\u2407bell');
  });

  test('an id that looks like a javascript: URL links to its page, never runs', async () => {
    const html = await readFile(join(site, 'e', 'BP001.html'), 'utf8');
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toContain(`../e/${elementFile('javascript:alert(4)')}`);
    expect(hrefs.filter((h) => h?.toLowerCase().startsWith('javascript:'))).toEqual([]);
  });

  test('every page carries a Content-Security-Policy that forbids inline scripts, and has none', async () => {
    for (const page of ['index.html', 'e/SVC.html']) {
      const html = await readFile(join(site, page), 'utf8');
      const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(
        csp
          .split(';')
          .map((d) => d.trim())
          .find((d) => d.startsWith('script-src')),
      ).toBe("script-src 'self'");
      // Every script element loads a file; none has a body.
      expect(
        [...html.matchAll(/<script([^>]*)>([^<]*)<\/script>/g)].every(
          (m) => /src="/.test(m[1]!) && m[2] === '',
        ),
      ).toBe(true);
    }
  });
});
