import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateModel, writeGeneratedRepository } from '@tracery/core/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { discoverFiles } from '../../src/repository/discover-files.js';
import { idRule } from '../../src/repository/id-safety.js';
import { loadConfig } from '../../src/repository/load-config.js';
import type { ModelFileRead } from '../../src/repository/model-file-cache.js';
import {
  modelFileWorkerEntry,
  readInWorkers,
  type TextJob,
  type WorkerEntry,
} from '../../src/repository/read-in-workers.js';
import { type ReadContext, type ReadSetup, readModelText } from '../../src/repository/read-model-text.js';
import { repositoryPath } from '../../src/repository/read-source-file.js';
import { documentText, modelText } from './yaml-arbitraries.js';

// Issue 17: model files parsed in worker threads. A file's values, drafts, positions and diagnostics
// never depend on the thread that read it, and a worker that fails loses no file and hangs nothing.

const MHHS = join(import.meta.dirname, '..', '..', '..', 'examples', 'mhhs');

type Setup = { readonly setup: ReadSetup; readonly context: ReadContext };

/** The read setup of a repository, and the context the main thread reads with (its own metamodel). */
async function setupOf(dir: string): Promise<Setup> {
  const { config, metamodel, tolerated } = await loadConfig(dir);
  const setup = { config, tolerated: [...tolerated], fast: true };
  const schemas = { kinds: new Map(), tolerated, ids: idRule(config.ids) };
  return { setup, context: { limits: config.limits, metamodel, schemas, fast: true } };
}

async function jobsOf(dir: string): Promise<TextJob[]> {
  const { config } = await loadConfig(dir);
  const { files } = await discoverFiles(dir, config.sources.model);
  return Promise.all(
    files.map(async (path) => ({ file: repositoryPath(dir, path), text: await readFile(path, 'utf8') })),
  );
}

function inProcess(jobs: readonly TextJob[], { context }: Setup): ModelFileRead[] {
  return jobs.map(({ file, text }) => readModelText(file, text, context));
}

/** Equal values and the same keys in the same order (what JSON output would show). */
function expectSameReads(actual: readonly ModelFileRead[], expected: readonly ModelFileRead[]): void {
  expect(actual.map((r) => r.file)).toEqual(expected.map((r) => r.file));
  expect(actual).toStrictEqual(expected);
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
}

const SOURCE_ENTRY = modelFileWorkerEntry();

/** A worker entry that runs `prelude` (which may register a message listener first), then the real worker. */
function entryWith(prelude: string): WorkerEntry {
  const real = decodeURIComponent(SOURCE_ENTRY!.url.href.slice('data:text/javascript,'.length));
  const code = `import { parentPort } from 'node:worker_threads';\n${prelude}\n${real}`;
  return { url: new URL(`data:text/javascript,${encodeURIComponent(code)}`) };
}

/**
 * A prelude that makes the worker exit when given `file`: it wraps the real worker's message listener,
 * so that no message reaches a listener of its own before the real one is there.
 */
function exitOn(file: string): string {
  return `const on = parentPort.on.bind(parentPort);
parentPort.on = (event, listener) => on(event, event !== 'message' ? listener : (job) => {
  if (job.file === ${JSON.stringify(file)}) process.exit(9);
  listener(job);
});`;
}

let generated: string;
beforeAll(async () => {
  generated = await mkdtemp(join(tmpdir(), 'tracery-workers-'));
  await writeGeneratedRepository(generated, generateModel({ elements: 3_000, seed: 5 }), 250);
});
afterAll(async () => {
  await rm(generated, { recursive: true, force: true });
});

describe('reading model files in worker threads', () => {
  test('from the TypeScript sources, the worker entry runs them through tsx', () => {
    expect(SOURCE_ENTRY?.url.protocol).toBe('data:');
  });

  test.each([
    ['the MHHS example', () => MHHS],
    ['a generated repository of 3,000 elements in 12 files', () => generated],
  ])('reads %s exactly as the main thread does, in the order of the files', async (_, dir) => {
    const setup = await setupOf(dir());
    const jobs = await jobsOf(dir());
    expect(jobs.length).toBeGreaterThan(2);
    const answer = await readInWorkers(jobs, setup.setup, setup.context, { workers: 2 });
    expect(answer.started).toBe(Math.min(2, jobs.length));
    expect(answer.fallbacks).toBe(0);
    expectSameReads(answer.results, inProcess(jobs, setup));
  });

  test('with this thread reading from the same queue, each file is read once, by one thread or the other, the same', async () => {
    const setup = await setupOf(generated);
    const jobs = await jobsOf(generated);
    const arrived: number[] = [];
    const answer = await readInWorkers(jobs, setup.setup, setup.context, {
      workers: 1,
      alsoInThisThread: true,
      onResult: (index) => arrived.push(index),
    });
    expect(answer.started).toBe(1);
    expect(answer.fallbacks).toBe(0);
    expect([...arrived].sort((a, b) => a - b)).toEqual([...jobs.keys()]);
    expectSameReads(answer.results, inProcess(jobs, setup));
  });

  test('gives the same values, drafts, positions and diagnostics as the main thread on generated documents', async () => {
    const setup = await setupOf(MHHS);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(modelText, documentText), { minLength: 10, maxLength: 60 }),
        async (texts) => {
          const jobs = texts.map((text, i) => ({ file: `model/generated-${i}.yaml`, text }));
          const answer = await readInWorkers(jobs, setup.setup, setup.context, { workers: 2 });
          expect(answer.fallbacks).toBe(0);
          expectSameReads(answer.results, inProcess(jobs, setup));
        },
      ),
      { numRuns: 4 },
    );
  });

  test('refuses hostile YAML in a worker exactly as in the main thread', async () => {
    const setup = await setupOf(MHHS);
    const bomb = `a: &a [x, x, x, x, x, x, x, x, x, x]\n${Array.from(
      { length: 8 },
      (_, i) =>
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(', ')}]`,
    ).join('\n')}\nelements: []\n`;
    const cases: [string, string][] = [
      ['yaml-alias-limit', bomb],
      ['yaml-too-deep', `elements: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`],
      ['yaml-too-deep', `elements:\n  ${'- '.repeat(10_000)}x\n`],
      [
        'forbidden-key',
        'elements:\n  - id: A\n    kind: Service\n    name: a\n    __proto__: {polluted: true}\n',
      ],
      ['forbidden-key', 'relations:\n  - {from: A, type: dependsOn, to: B, constructor: x}\n'],
      ['duplicate-key', 'elements:\n  - id: A\n    kind: Service\n    name: a\n    name: b\n'],
      ['yaml-version', '%YAML 1.1\n---\nelements: []\n'],
      ['yaml-syntax', 'elements: [\n'],
    ];
    const jobs = cases.map(([, text], i) => ({ file: `model/hostile-${i}.yaml`, text }));
    const answer = await readInWorkers(jobs, setup.setup, setup.context, { workers: 2 });
    expect(answer.fallbacks).toBe(0);
    expectSameReads(answer.results, inProcess(jobs, setup));
    const codes = answer.results.map((r) => [...r.diagnostics, ...(r.read?.diagnostics ?? [])][0]?.code);
    expect(codes).toEqual(cases.map(([code]) => code));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('a worker that fails', () => {
  test.each([
    ['exits while reading', "parentPort.on('message', () => process.exit(3));"],
    ['throws while reading', "parentPort.on('message', () => { throw new Error('boom'); });"],
    [
      'runs out of memory while reading',
      "parentPort.on('message', () => { const keep = []; for (;;) keep.push(new Array(1e5).fill(keep.length)); });",
    ],
    ['cannot start', "throw new Error('no start');"],
  ])('loses no file when it %s: its files are read in the main thread', async (_, prelude) => {
    const setup = await setupOf(MHHS);
    const jobs = await jobsOf(MHHS);
    const answer = await readInWorkers(jobs, setup.setup, setup.context, {
      workers: 2,
      entry: entryWith(prelude),
      resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 },
    });
    expect(answer.fallbacks).toBe(jobs.length);
    expectSameReads(answer.results, inProcess(jobs, setup));
  });

  test('whose entry does not exist loses no file', async () => {
    const setup = await setupOf(MHHS);
    const jobs = await jobsOf(MHHS);
    const entry = { url: new URL('./no-such-worker.js', import.meta.url) };
    const answer = await readInWorkers(jobs, setup.setup, setup.context, { workers: 2, entry });
    expect(answer.fallbacks).toBe(jobs.length);
    expectSameReads(answer.results, inProcess(jobs, setup));
  });

  test('on one file only: the other worker and a fresh look at that file read the rest', async () => {
    const setup = await setupOf(generated);
    const jobs = await jobsOf(generated);
    const victim = jobs[5]!.file;
    const answer = await readInWorkers(jobs, setup.setup, setup.context, {
      workers: 2,
      entry: entryWith(exitOn(victim)),
    });
    // The crashed worker held at most two files; every other file was read by a worker.
    expect(answer.fallbacks).toBeGreaterThanOrEqual(1);
    expect(answer.fallbacks).toBeLessThanOrEqual(2);
    expectSameReads(answer.results, inProcess(jobs, setup));
  });
});
