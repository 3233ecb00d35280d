import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';

// What a real `tracery` process loads (issue 17: start-up time). start-up-imports.test.ts reads the
// sources' static imports; this runs the process (from the sources, through tsx) with a hook that
// records every module it loads, so a dynamic import that runs too early shows here as well.

const BIN = join(import.meta.dirname, '..', 'src', 'bin.ts');
const TSX = createRequire(import.meta.url).resolve('tsx/esm');
const RECORDER = join(import.meta.dirname, 'load-recorder', 'record-loads.mjs');
const MHHS = join(import.meta.dirname, '..', '..', 'examples', 'mhhs');
const work = await mkdtemp(join(tmpdir(), 'tracery-start-up-loads-'));
afterAll(() => rm(work, { recursive: true, force: true }));

/** The modules (URLs and CommonJS paths) that `tracery <args>` loaded, and its exit code. */
async function loadedBy(args: readonly string[]): Promise<{ code: number; modules: string[] }> {
  const log = join(work, `${args.join('-').replace(/\W+/g, '_')}.log`);
  const node = ['--import', pathToFileURL(TSX).href, '--import', pathToFileURL(RECORDER).href];
  const argv = args.map((arg) => arg.replace('<mhhs>', MHHS).replace('<work>', work));
  const run = promisify(execFile)(process.execPath, [...node, '--conditions=tracery-source', BIN, ...argv], {
    env: { ...process.env, TRACERY_LOAD_LOG: log, TRACERY_CACHE: '0' },
  });
  const code = await run.then(
    () => 0,
    (error: { code?: number }) => error.code ?? -1,
  );
  const modules = (await readFile(log, 'utf8')).split('\n').filter((line) => line !== '');
  return { code, modules: modules.map((m) => m.split('\\').join('/')) };
}

/** What a run must not load before a command needs it: the library, the other packages, their dependencies. */
const HEAVY: Readonly<Record<string, RegExp>> = {
  'the library (@tracery/core)': /\/packages\/core\/src\/index\.ts$/,
  'any command module': /\/packages\/cli\/src\/commands\//,
  '@tracery/bpmn': /\/packages\/bpmn\//,
  'the site renderer (@tracery/site)': /\/packages\/site\//,
  '@tracery/reqif': /\/packages\/reqif\//,
  '@tracery/neo4j-adapter': /\/packages\/neo4j-adapter\//,
  'neo4j-driver': /\/node_modules\/.*neo4j-driver/,
  yaml: /\/node_modules\/.*\/yaml\//,
  zod: /\/node_modules\/.*\/zod\//,
  exceljs: /\/node_modules\/.*\/exceljs\//,
};

function heavyLoaded(modules: readonly string[]): string[] {
  return Object.entries(HEAVY)
    .filter(([, pattern]) => modules.some((m) => pattern.test(m)))
    .map(([name]) => name);
}

describe('what a tracery process loads', () => {
  test.each([[['--help']], [['help']], [['valdate']], [['--version']]])(
    'tracery %j loads none of the commands, the library or the other packages',
    async (args) => {
      const { modules } = await loadedBy(args);
      expect(modules.some((m) => m.endsWith('/packages/cli/src/program.ts'))).toBe(true);
      expect(heavyLoaded(modules)).toEqual([]);
    },
  );

  test.each([
    [['validate', '<mhhs>']],
    [['trace', 'REQ-LSS-001', '--repo', '<mhhs>']],
    [['impact', 'DI-0023', '--repo', '<mhhs>']],
  ])(
    'tracery %j loads its command, the library and BPMN, and not Neo4j, the site, ReqIF or exceljs',
    async (args) => {
      // trace and impact have --engine neo4j: with the default engine (memory) the adapter and its driver
      // stay unloaded. The first three names are the control: the recorder does see them load.
      const { code, modules } = await loadedBy(args);
      expect([0, 1]).toContain(code);
      const heavy = heavyLoaded(modules);
      expect(heavy).toEqual(
        expect.arrayContaining(['the library (@tracery/core)', 'any command module', '@tracery/bpmn']),
      );
      for (const absent of [
        'the site renderer (@tracery/site)',
        '@tracery/reqif',
        '@tracery/neo4j-adapter',
        'neo4j-driver',
        'exceljs',
      ])
        expect(heavy).not.toContain(absent);
    },
  );

  test('tracery export neo4j --csv loads the adapter and its driver: the recorder sees them when they load', async () => {
    const { code, modules } = await loadedBy(['export', 'neo4j', '--repo', '<mhhs>', '--csv', '<work>/csv']);
    expect(code).toBe(0);
    expect(heavyLoaded(modules)).toEqual(expect.arrayContaining(['@tracery/neo4j-adapter', 'neo4j-driver']));
  });
});
