import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LoadedRepository, loadRepository } from '@tracery/core';
import { buildSite } from '@tracery/site';
import { beforeAll, describe, expect, test } from 'vitest';

const ARTEFACT_NAME = `<script>"x"</script> & 'q' #?/`;
const SERVICE_NAME = 'A&B "quoted" <b>bold</b> 100%';
const COMMENT_TEXT = '<script>alert(1)</script> please fix';
const LINK = 'https://forms.example/new?artefact={artefact}&id={id}&title={name}';

let loaded: LoadedRepository;

/** A small repository: an artefact with a hostile name, a service documented in it, one comment on the service. */
async function repository(link: string | undefined): Promise<string> {
  const repo = await mkdtemp(join(tmpdir(), 'tracery-comments-site-'));
  await writeFile(
    join(repo, 'tracery.yaml'),
    JSON.stringify({ name: 'Comments', ...(link ? { comments: { link } } : {}) }),
  );
  await mkdir(join(repo, 'model'));
  const elements = [
    { id: 'ART-1', kind: 'Artefact', name: ARTEFACT_NAME, tranche: 'T1', service: 'SVC' },
    { id: 'SVC', kind: 'Service', name: SERVICE_NAME, documentedIn: ['ART-1'] },
  ];
  await writeFile(join(repo, 'model', 'model.yaml'), JSON.stringify({ elements }));
  await mkdir(join(repo, 'comments'));
  const comments = [
    {
      id: 'C-1',
      element: 'SVC',
      organisation: '<img src=x onerror=alert(2)>',
      constituency: 'DNO',
      text: COMMENT_TEXT,
      status: 'Action',
    },
    { id: 'C-2', organisation: 'Org B', constituency: 'DNO', text: 'General.', status: 'Accepted' },
  ];
  await writeFile(
    join(repo, 'comments', 'art-1.yaml'),
    JSON.stringify({ artefact: 'ART-1', round: 'T1', comments }),
  );
  return repo;
}

async function build(from: LoadedRepository): Promise<string> {
  const out = await mkdtemp(join(tmpdir(), 'tracery-comments-out-'));
  await buildSite(from, { out, history: false });
  return out;
}

/** The href of the page's "comment on this" link, as the browser reads it (entities decoded). */
function commentHref(html: string): string | undefined {
  const found = /class="comment-on-this"><a href="([^"]*)"/.exec(html);
  return found?.[1]?.replaceAll('&quot;', '"').replaceAll('&amp;', '&');
}

beforeAll(async () => {
  loaded = await loadRepository(await repository(LINK));
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
});

describe('comments on the site', () => {
  test('the comment link is filled for the page, URL-encoded, with the artefact the element is documented in', async () => {
    const out = await build(loaded);
    const href = commentHref(await readFile(join(out, 'e', 'SVC.html'), 'utf8'));
    const url = new URL(href ?? '');
    expect(url.origin + url.pathname).toBe('https://forms.example/new');
    expect(url.searchParams.get('artefact')).toBe('ART-1');
    expect(url.searchParams.get('id')).toBe('SVC');
    expect(url.searchParams.get('title')).toBe(SERVICE_NAME);
    const artefact = new URL(commentHref(await readFile(join(out, 'e', 'ART-1.html'), 'utf8')) ?? '');
    expect(artefact.searchParams.get('artefact')).toBe('ART-1');
    expect(artefact.searchParams.get('title')).toBe(ARTEFACT_NAME);
    // Pages that are not about one element are about themselves.
    const tracker = new URL(commentHref(await readFile(join(out, 'tracker.html'), 'utf8')) ?? '');
    expect(tracker.searchParams.get('id')).toBe('tracker.html');
    expect(tracker.searchParams.get('title')).toBe('Design Artefact Tracker');
  });

  test('a comment shows on its artefact page and on the page of the element it is about, as text', async () => {
    const out = await build(loaded);
    for (const page of ['ART-1', 'SVC']) {
      const html = await readFile(join(out, 'e', `${page}.html`), 'utf8');
      expect(html).toContain('&lt;script>alert(1)&lt;/script> please fix');
      expect(html).toContain('&lt;img src=x onerror=alert(2)>');
      expect(html).not.toContain('<script>alert');
      expect(html).not.toContain('<img');
    }
    const artefact = await readFile(join(out, 'e', 'ART-1.html'), 'utf8');
    expect(artefact).toContain('2 comments: 1 Accepted, 1 Action.');
    const service = await readFile(join(out, 'e', 'SVC.html'), 'utf8');
    expect(service).toContain('1 comment: 1 Action.');
    expect(service).not.toContain('C-2');
  });

  test('the tracker page and the dashboard count the comments by status', async () => {
    const out = await build(loaded);
    const tracker = await readFile(join(out, 'tracker.html'), 'utf8');
    expect(tracker).toContain('1 artefacts; 2 review comments from 2 organisations in 1 constituencies.');
    expect(tracker).toContain('href="e/ART-1.html"');
    const dashboard = await readFile(join(out, 'index.html'), 'utf8');
    expect(dashboard).toContain('Review comments by status: Accepted 1, Action 1, Rejected 0');
  });

  test('without comments.link in tracery.yaml no page has a comment link', async () => {
    const out = await build(await loadRepository(await repository(undefined)));
    const pages = (await readdir(out, { recursive: true })).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages)
      expect(await readFile(join(out, page), 'utf8'), page).not.toContain('Comment on this');
  });

  test('a javascript: link that got past tracery.yaml (a script building the site) is still never written', async () => {
    const config = { ...loaded.config, comments: { files: [], link: 'javascript:alert(1)//{id}' } };
    const out = await build({ ...loaded, config });
    const html = await readFile(join(out, 'e', 'SVC.html'), 'utf8');
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('Comment on this');
  });
});
