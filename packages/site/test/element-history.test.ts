import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bpmnSourceLoader } from '@tracery/bpmn';
import { loadRepository } from '@tracery/core';
import { buildSite } from '@tracery/site';
import { beforeAll, expect, test } from 'vitest';
import { MHHS } from './mhhs-site.js';

const run = promisify(execFile);
let site: string;

/** Commits in a copy of the example: the first adds everything, the second renames IF-021, by a named author. */
beforeAll(async () => {
  const repo = await mkdtemp(join(tmpdir(), 'tracery-history-site-'));
  await cp(MHHS, repo, { recursive: true });
  const git = (...args: string[]) =>
    run('git', ['-c', 'user.name=Ann Author', '-c', 'user.email=ann@example.org', ...args], { cwd: repo });
  await git('init', '-q');
  await git('add', '.');
  await git('commit', '-qm', 'The example as it was');
  const file = join(repo, 'model', 'interfaces', 'IF-021.yaml');
  const before = await readFile(file, 'utf8').catch(() => undefined);
  const defining =
    before === undefined
      ? (await run('grep', ['-rl', 'id: IF-021$', join(repo, 'model')])).stdout.trim()
      : file;
  const text = await readFile(defining, 'utf8');
  const name = /id: IF-021\n\s+kind: Interface\n\s+name: (.*)\n/.exec(text)?.[1];
  expect(name).toBeDefined();
  await writeFile(defining, text.replace(`name: ${name}`, 'name: "Consumption data, renamed"'));
  await git('commit', '-qam', 'Rename IF-021 <for the test>');
  site = await mkdtemp(join(tmpdir(), 'tracery-history-out-'));
  await buildSite(await loadRepository(repo, { loaders: [bpmnSourceLoader()] }), { out: site });
}, 120_000);

test('an element page lists its most recent commits: date, author, subject and what changed', async () => {
  const html = await readFile(join(site, 'e', 'IF-021.html'), 'utf8');
  const history = html.slice(html.indexOf('<h2 id="history">'));
  const entries = [...history.matchAll(/<li><time datetime="([^"]+)">/g)];
  expect(entries.length).toBe(2);
  // Newest first: the rename, with the field that changed, its subject escaped.
  expect(history).toMatch(/<strong>changed<\/strong> by Ann Author: <q>Rename IF-021 &lt;for the test><\/q>/);
  expect(history).toContain('name: ');
  expect(history).toContain('→ Consumption data, renamed');
  expect(history).toMatch(/<strong>added<\/strong> by Ann Author: <q>The example as it was<\/q>/);
  // An element the second commit did not touch has only the first.
  const other = await readFile(join(site, 'e', 'IF-022.html'), 'utf8');
  const otherHistory = other.slice(other.indexOf('<h2 id="history">'));
  expect([...otherHistory.matchAll(/<li><time /g)].length).toBe(1);
  expect(otherHistory).not.toContain('Rename IF-021');
});
