import { type ChildProcess, spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bpmnSourceLoader } from '@tracery/bpmn';
import { loadRepository } from '@tracery/core';
import { type LiveSite, serveRepository } from '@tracery/site';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MHHS } from './mhhs-site.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** A copy of the MHHS example to change. */
async function copyOfMhhs(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tracery-serve-repo-'));
  await cp(MHHS, dir, { recursive: true });
  return dir;
}

async function get(url: string): Promise<{ status: number; body: string }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.text() };
}

/** Asks again until `check` holds (a rebuild takes seconds on a shared machine), or fails with the last answer. */
async function eventually(url: string, check: (body: string) => boolean, seconds = 40): Promise<string> {
  let last = '';
  for (const deadline = Date.now() + seconds * 1000; Date.now() < deadline; ) {
    last = (await get(url)).body;
    if (check(last)) return last;
    await new Promise((ok) => setTimeout(ok, 250));
  }
  throw new Error(`${url} never answered as expected; last answer began: ${last.slice(0, 400)}`);
}

describe('serveRepository: serves the site and rebuilds it when a file changes', () => {
  let repo: string;
  let site: LiveSite;
  const artefacts = () => join(repo, 'model', 'artefacts.yaml');

  beforeAll(async () => {
    repo = await copyOfMhhs();
    site = await serveRepository({
      root: repo,
      load: () => loadRepository(repo, { loaders: [bpmnSourceLoader()] }),
      history: false,
      debounceMs: 100,
    });
  }, 60_000);

  afterAll(async () => {
    await site?.close();
    await rm(repo, { recursive: true, force: true });
  });

  test('it listens on 127.0.0.1 and answers with the built site', async () => {
    expect(site.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await get(`${site.url}e/MHHSP-BP004.html`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('BP004 Data Collection');
    expect(site.builds()).toBe(1);
  });

  test('a saved change is rebuilt and served', async () => {
    const text = await readFile(artefacts(), 'utf8');
    await writeFile(artefacts(), text.replace('name: BP004 Data Collection', 'name: BP004 Data Gathering'));
    await eventually(`${site.url}e/MHHSP-BP004.html`, (body) => body.includes('BP004 Data Gathering'));
    expect(site.builds()).toBeGreaterThanOrEqual(2);
    expect(site.failure()).toBeUndefined();
  }, 60_000);

  test('a change that does not load keeps the last good site and shows the error, escaped, on every page', async () => {
    // A file name that is markup: the notice quotes it, and it must arrive as text.
    const broken = join(repo, 'model', '<img src=x onerror=alert(1)>.yaml');
    await writeFile(broken, 'elements:\n  - id: [broken\n');
    const body = await eventually(`${site.url}e/MHHSP-BP004.html`, (b) => b.includes('class="build-error"'));
    expect(site.failure()?.lines.join('\n')).toContain('<img src=x onerror=alert(1)>.yaml:3');
    expect(body).toContain('model/&lt;img src=x onerror=alert(1)>.yaml:3');
    expect(body).not.toContain('<img');
    // The last good site is still the one served.
    expect(body).toContain('BP004 Data Gathering');
    expect((await get(`${site.url}index.html`)).body).toContain('The last rebuild failed');
    await rm(broken);
    await eventually(`${site.url}e/MHHSP-BP004.html`, (b) => !b.includes('build-error'));
    expect(site.failure()).toBeUndefined();
  }, 90_000);
});

test('a repository that does not load at first is served as a page that says why', async () => {
  const repo = await copyOfMhhs();
  await writeFile(join(repo, 'model', 'broken.yaml'), 'elements:\n  - id: [broken\n');
  const site = await serveRepository({
    root: repo,
    load: () => loadRepository(repo, { loaders: [bpmnSourceLoader()] }),
    history: false,
  });
  try {
    const page = await get(site.url);
    expect(page.status).toBe(503);
    expect(page.body).toContain('The site did not build');
    expect(page.body).toContain('model/broken.yaml:3');
    expect(site.builds()).toBe(0);
  } finally {
    await site.close();
    await rm(repo, { recursive: true, force: true });
  }
}, 60_000);

/** Starts `tracery serve` from the sources as its own process. */
function traceryServe(args: readonly string[]): ChildProcess {
  return spawn(
    process.execPath,
    [
      '--conditions=tracery-source',
      '--import',
      'tsx',
      join(ROOT, 'packages', 'cli', 'src', 'bin.ts'),
      'serve',
      ...args,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((ok) => child.once('exit', (code) => ok(code)));
}

describe('tracery serve', () => {
  test('prints the address, serves the site there, and stops with exit 0 when asked to', async () => {
    const repo = await copyOfMhhs();
    const child = traceryServe(['--repo', repo, '--port', '0', '--no-history']);
    const exited = exitOf(child);
    try {
      let out = '';
      child.stdout?.on('data', (chunk) => {
        out += String(chunk);
      });
      const url = await new Promise<string>((ok, fail) => {
        const timer = setTimeout(() => fail(new Error(`no address printed; stdout: ${out}`)), 50_000);
        child.stdout?.on('data', () => {
          const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
          if (found) {
            clearTimeout(timer);
            ok(found[0]);
          }
        });
      });
      const page = await get(`${url}e/IF-021.html`);
      expect(page.status).toBe(200);
      expect(page.body).toContain('IF-021');
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await rm(repo, { recursive: true, force: true });
    }
  }, 60_000);

  test('a port that is not a port is bad usage, said plainly', async () => {
    const child = traceryServe(['--repo', MHHS, '--port', '70000']);
    let err = '';
    child.stderr?.on('data', (chunk) => {
      err += String(chunk);
    });
    expect(await exitOf(child)).toBe(2);
    expect(err).toContain('--port "70000" is not a port; give a number from 0 to 65535');
  }, 30_000);
});
