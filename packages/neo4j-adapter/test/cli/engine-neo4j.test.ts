// `tracery trace` (and `impact`) with --engine neo4j, run in-process against the adapter's real server:
// the answers must be the in-memory engine's, printed the same way.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CliIo, runCli } from '@tracery/cli';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { dropLabel, testDriver, testTarget, uniqueLabel } from '../helpers/neo4j.js';

const MHHS = fileURLToPath(new URL('../../../examples/mhhs', import.meta.url));
const PASSWORD_VAR = 'TRACERY_TEST_CLI_ENGINE_PASSWORD';
const label = uniqueLabel('Engine');
let driver: Driver;
let repo = '';

async function run(args: readonly string[]) {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (t) => (out += t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => (err += t.endsWith('\n') ? t : `${t}\n`),
    fancy: false,
  };
  const code = await runCli(args, io);
  return { code, out, err };
}

/**
 * The same exit code and output: text byte for byte; with --json the same envelope payload (the
 * envelope's diagnostics differ: the Neo4j engine reads only tracery.yaml, not the model files).
 */
function expectSameAnswer(
  actual: Awaited<ReturnType<typeof run>>,
  expected: Awaited<ReturnType<typeof run>>,
) {
  expect(actual.code).toBe(expected.code);
  expect(actual.err).toBe(expected.err);
  if (expected.out.trimStart().startsWith('{')) {
    const [a, e] = [JSON.parse(actual.out), JSON.parse(expected.out)];
    expect(a.ok).toBe(true);
    expect(a.payload).toEqual(e.payload);
  } else {
    expect(actual.out).toBe(expected.out);
  }
}

const neo4j = () => [
  ...['--engine', 'neo4j', '--uri', inject('neo4jUri'), '--label', label],
  ...['--user', testTarget().user, '--password-env', PASSWORD_VAR],
];

beforeAll(async () => {
  process.env[PASSWORD_VAR] = testTarget().password;
  driver = testDriver();
  // A copy, so that nothing a test does can touch the example.
  repo = await mkdtemp(join(tmpdir(), 'tracery-engine-'));
  await cp(MHHS, repo, { recursive: true });
  const exported = await run([
    ...['export', 'neo4j', repo, '--uri', inject('neo4jUri'), '--label', label],
    ...['--user', testTarget().user, '--password-env', PASSWORD_VAR],
  ]);
  expect(exported.code).toBe(0);
}, 120_000);
afterAll(async () => {
  delete process.env[PASSWORD_VAR];
  await dropLabel(driver, label);
  await driver.close();
  await rm(repo, { recursive: true, force: true });
});

describe('tracery trace --engine neo4j', () => {
  test.each([
    [['REQ-LSS-001', '--down']],
    [['REQ-LSS-001', '--down', '--types', 'satisfiedBy,verifiedBy', '--json']],
    [['TC-LSS-001', '--down', '--depth', '2']],
    [['DI-0023', '--up', '--kinds', 'Interface,ProcessStep', '--json']],
  ])('prints what the in-memory engine prints for %j', async (args) => {
    const memory = await run(['trace', ...args, '--repo', repo]);
    const fromNeo4j = await run(['trace', ...args, '--repo', repo, ...neo4j()]);

    expect(memory.code).toBe(0);
    expect(memory.out.length).toBeGreaterThan(50);
    expectSameAnswer(fromNeo4j, memory);
  });

  test('an unknown id exits 2 naming it; a wrong password exits 2 saying so', async () => {
    const unknown = await run(['trace', 'NO-SUCH-ID', '--down', '--repo', repo, ...neo4j()]);
    process.env[PASSWORD_VAR] = 'not-the-password';
    const refused = await run(['trace', 'REQ-LSS-001', '--down', '--repo', repo, ...neo4j()]);
    process.env[PASSWORD_VAR] = testTarget().password;

    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('"NO-SUCH-ID" not found in Neo4j');
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('refused the credentials');
    expect(refused.err).not.toContain('not-the-password');
  });

  test('--engine takes memory or neo4j only', async () => {
    const { code, err } = await run(['trace', 'REQ-LSS-001', '--down', '--repo', repo, '--engine', 'sql']);

    expect(code).toBe(2);
    expect(err).toContain('--engine: expected memory or neo4j, got "sql"');
  });
});

describe('tracery impact --engine neo4j', () => {
  test.each([
    [['DI-0023']],
    [['DI-0640', '--json']],
    [['DI-0023', 'IF-001', '--format', 'md']],
    [['DI-0023', '--kinds', 'Interface,TestCase', '--depth', '3']],
    [['REQ-LSS-001', '--skip', 'documentedIn', '--json']],
  ])('prints what the in-memory engine prints for %j, with the repository settings', async (args) => {
    const memory = await run(['impact', ...args, '--repo', repo]);
    const fromNeo4j = await run(['impact', ...args, '--repo', repo, ...neo4j()]);

    expect(memory.code).toBe(0);
    expect(memory.out.length).toBeGreaterThan(100);
    expectSameAnswer(fromNeo4j, memory);
  });

  test('--cr is answered in memory only: exit 2 saying so', async () => {
    const { code, err } = await run(['impact', '--cr', 'CR-001', '--repo', repo, ...neo4j()]);

    expect(code).toBe(2);
    expect(err).toContain('--engine neo4j answers for element ids');
  });
});
