import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { jsonPieces, writeJsonStreamed } from '../src/stream-json.js';
import { hostileRepo, removeHostileRepos, spawnPiped } from './hostile/hostile-repo.js';
import { runCaptured } from './run-cli.js';

// `--json` output is streamed to standard output (issue 17: a check of 200k elements prints 100s of
// MB): the streamed text must be JSON.stringify(envelope, null, 2) byte for byte.

afterAll(removeHostileRepos);

async function streamed(value: unknown, slow = false): Promise<string> {
  const chunks: string[] = [];
  await writeJsonStreamed(value, (chunk) => {
    chunks.push(chunk);
    return slow ? new Promise((resolve) => setImmediate(resolve)) : undefined;
  });
  return chunks.join('');
}

/** Values as commands put them in envelopes, with what JSON leaves out or turns to null. */
const value = fc.letrec((tie) => ({
  any: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom(undefined, null, Number.NaN, -0, new Date(0), 'line\nbreak', '\u202e\u001b[2J'),
    fc.array(tie('any'), { maxLength: 5 }),
    fc.dictionary(fc.string(), tie('any'), { maxKeys: 5 }),
  ),
})).any;

describe('streamed JSON', () => {
  test('equals JSON.stringify(value, null, 2) and a newline, on generated values', async () => {
    await fc.assert(
      fc.asyncProperty(value, async (v) => {
        expect(await streamed({ payload: v, list: [v, v] })).toBe(
          `${JSON.stringify({ payload: v, list: [v, v] }, null, 2)}\n`,
        );
      }),
      { numRuns: 300 },
    );
  });

  test('its pieces, joined, are the same text; one piece per array item, not one string of the whole', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect([...jsonPieces({ payload: v })].join('')).toBe(`${JSON.stringify({ payload: v }, null, 2)}\n`);
      }),
      { numRuns: 300 },
    );
    const findings = Array.from({ length: 1000 }, (_, i) => ({ id: `F-${i}` }));
    const pieces = [...jsonPieces({ findings })];
    expect(pieces.length).toBeGreaterThan(findings.length);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(100);
  });

  test('check --format json --out FILE writes what standard output would get, and no temporary file', async () => {
    const lines = ['elements:'];
    for (let i = 0; i < 3000; i++) lines.push(`  - { id: SVC-${i}, kind: Service, name: Same name }`);
    const repo = await hostileRepo({ 'model/many.yaml': `${lines.join('\n')}\n` });
    const dir = await mkdtemp(join(tmpdir(), 'tracery-out-'));
    try {
      const file = join(dir, 'findings.json');
      const toFile = await runCaptured(['check', repo, '--format', 'json', '--out', file]);
      const toStdout = await runCaptured(['check', repo, '--format', 'json']);
      expect(toFile.code).toBe(toStdout.code);
      expect(toFile.out).toBe('');
      expect(toStdout.out.length).toBeGreaterThan(1 << 20);
      expect(await readFile(file, 'utf8')).toBe(toStdout.out);
      expect(await readdir(dir)).toEqual(['findings.json']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  test('a long output comes in many chunks, in order, waiting for a slow reader', async () => {
    const findings = Array.from({ length: 20_000 }, (_, i) => ({ id: `F-${i}`, related: [{ at: i }] }));
    const chunks: string[] = [];
    await writeJsonStreamed({ findings }, (chunk) => {
      chunks.push(chunk);
      return new Promise((resolve) => setImmediate(resolve));
    });
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.join('')).toBe(`${JSON.stringify({ findings }, null, 2)}\n`);
    expect(await streamed({ findings }, true)).toBe(chunks.join(''));
  });

  test('the real process prints the same envelope as the command run in-process', async () => {
    const lines = ['elements:'];
    for (let i = 0; i < 2000; i++) lines.push(`  - { id: SVC-${i}, kind: Service, name: Same name }`);
    const repo = await hostileRepo({ 'model/many.yaml': `${lines.join('\n')}\n` });
    const inProcess = await runCaptured(['check', repo, '--format', 'json']);
    const piped = await spawnPiped(['check', repo, '--format', 'json'], '| cat');
    expect(inProcess.out.length).toBeGreaterThan(1 << 20); // far past a pipe's buffer
    expect(piped.out).toBe(inProcess.out);
    expect(piped.code).toBe(inProcess.code);
    const head = await spawnPiped(['check', repo, '--format', 'json'], '| head -1');
    expect(head.out).toBe('{\n');
    expect(head.err).toBe('');
    expect(head.code).toBe(inProcess.code);
  }, 180_000); // three real processes, each started through tsx: slow on a loaded machine
});
