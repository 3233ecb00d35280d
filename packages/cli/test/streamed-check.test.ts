import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CliIo, runCli } from '@tracery/cli';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hostileRepo, removeHostileRepos } from './hostile/hostile-repo.js';

// Every format of `check` is written as it is made (issue 17: the findings of 200k elements are never
// held twice): to a standard output that takes chunks, chunk by chunk; to --out FILE, through the one
// atomic write. The bytes must be those the whole rendering gives, whichever way they go.

let repo: string;
let dir: string;

beforeAll(async () => {
  // 3,000 services with one name: a duplicate-name finding each (more than one chunk of output), with
  // names that XML, JSON and Markdown each escape.
  const lines = ['elements:'];
  for (let i = 0; i < 3000; i++)
    lines.push(`  - { id: SVC-${i}, kind: Service, name: "Same <name> & 'quote' | pipe" }`);
  repo = await hostileRepo({ 'model/many.yaml': `${lines.join('\n')}\n` });
  dir = await mkdtemp(join(tmpdir(), 'tracery-streamed-check-'));
});

afterAll(async () => {
  await removeHostileRepos();
  await rm(dir, { recursive: true, force: true });
});

/** Runs the CLI in-process; with `chunked`, standard output takes chunks (as the real process's does). */
async function run(args: readonly string[], chunked: boolean, fancy = false) {
  let out = '';
  const chunks: string[] = [];
  let err = '';
  const io: CliIo = {
    out: (t) => (out += t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => (err += t.endsWith('\n') ? t : `${t}\n`),
    fancy,
    ...(chunked
      ? {
          outChunk: async (chunk: string) => {
            chunks.push(chunk);
            await new Promise((resolve) => setImmediate(resolve));
          },
        }
      : {}),
  };
  const code = await runCli(args, io);
  return { code, out, chunks, err };
}

describe('check, every format, streamed', () => {
  test.each(['text', 'sarif', 'junit', 'md'])(
    '--format %s: chunks to standard output and --out FILE give the whole rendering, byte for byte',
    async (format) => {
      const args = ['check', repo, '--format', format, '--fail-on', 'error'];
      const whole = await run(args, false);
      const streamed = await run(args, true);
      const file = join(dir, `findings.${format}`);
      const toFile = await run([...args, '--out', file], true);
      expect(whole.out.length).toBeGreaterThan(1 << 18);
      expect(streamed.out).toBe('');
      expect(streamed.chunks.length).toBeGreaterThan(3);
      expect(streamed.chunks.join('')).toBe(whole.out);
      expect(toFile.chunks).toEqual([]);
      expect(await readFile(file, 'utf8')).toBe(whole.out);
      // The atomic write leaves no temporary file beside the report.
      expect((await readdir(dir)).filter((name) => !name.startsWith('findings.'))).toEqual([]);
      expect([streamed.code, toFile.code]).toEqual([whole.code, whole.code]);
    },
    120_000,
  );

  test('text with colours: each chunk holds whole lines, so no colour code is split', async () => {
    const args = ['check', repo];
    const whole = await run(args, false, true);
    const streamed = await run(args, true, true);
    expect(whole.out).toContain('\u001b[33m');
    expect(streamed.chunks.length).toBeGreaterThan(3);
    for (const chunk of streamed.chunks) expect(chunk.endsWith('\n')).toBe(true);
    expect(streamed.chunks.join('')).toBe(whole.out);
  }, 120_000);
});
