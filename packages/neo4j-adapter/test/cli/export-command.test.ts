// The CLI's `tracery export neo4j`, run in-process against the adapter's real server: the test lives
// here, not in packages/cli, because only this vitest project's global setup provides a Neo4j.
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CliIo, runCli } from '@tracery/cli';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { escapeName } from '../../src/cypher/cypher-name.js';
import { graphHash } from '../../src/export/graph-hash.js';
import { dropLabel, rows, testDriver, testTarget, uniqueLabel } from '../helpers/neo4j.js';

const SECRET = 'S3cret-cli-password-never-printed';
let driver: Driver;
let repo = '';
const label = uniqueLabel('Cli');
const L = escapeName(label, 'label');

const DESIGN = [
  'elements:',
  '  - { id: SDS, kind: Service, name: Smart Data Service, tranche: T1 }',
  '  - { id: SUP, kind: Role, name: Supplier }',
  '  - id: IF-021',
  '    kind: Interface',
  '    name: UTC Settlement Period Consumption Data',
  '    sentBy: [SDS]',
  '    receivedBy: [SUP]',
  '    carries: [DI-0102]',
  '  - { id: DI-0102, kind: DataItem, name: Consumption, length: 8 }',
  '',
].join('\n');

async function run(args: readonly string[], fancy = false) {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (t) => (out += t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => (err += t.endsWith('\n') ? t : `${t}\n`),
    // a terminal: colours on standard output, progress on standard error
    fancy,
    progress: fancy,
  };
  const code = await runCli(args, io);
  return { code, out, err };
}

// The password travels in a variable, as a user would give it; the test server has authentication on.
const PASSWORD_VAR = 'TRACERY_TEST_CLI_EXPORT_PASSWORD';
const target = () => [
  ...['--uri', inject('neo4jUri'), '--label', label],
  ...['--user', testTarget().user, '--password-env', PASSWORD_VAR],
];

beforeAll(async () => {
  process.env[PASSWORD_VAR] = testTarget().password;
  driver = testDriver();
  repo = await mkdtemp(join(tmpdir(), 'tracery-cli-export-'));
  await writeFile(join(repo, 'tracery.yaml'), 'name: CLI export\n');
  await mkdir(join(repo, 'model'));
  await writeFile(join(repo, 'model', 'design.yaml'), DESIGN);
});
afterAll(async () => {
  delete process.env[PASSWORD_VAR];
  await dropLabel(driver, label);
  await driver.close();
  await rm(repo, { recursive: true, force: true });
});

describe('tracery export neo4j', () => {
  test('exports the repository, and a second run finds nothing to change', async () => {
    const first = await run(['export', 'neo4j', repo, ...target(), '--json']);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    const envelope = JSON.parse(first.out);
    expect(envelope).toMatchObject({ schemaVersion: 2, command: 'export neo4j', ok: true });
    const report = envelope.payload;
    expect(report).toMatchObject({
      uri: inject('neo4jUri'),
      elementLabel: label,
      nodes: { created: 4, updated: 0, unchanged: 0, deleted: 0 },
      relationships: { created: 3, updated: 0, unchanged: 0, deleted: 0 },
    });
    expect(
      await rows(
        driver,
        `MATCH (s:${L})-[r]->(t:${L}) RETURN s.id AS s, type(r) AS type, t.id AS t ORDER BY s, type`,
      ),
    ).toEqual([
      { s: 'IF-021', type: 'CARRIES', t: 'DI-0102' },
      { s: 'SDS', type: 'SENDS', t: 'IF-021' },
      { s: 'SUP', type: 'RECEIVES', t: 'IF-021' },
    ]);

    const second = await run(['export', 'neo4j', repo, ...target(), '--json', '--batch-size', '2']);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.out).payload).toMatchObject({
      nodes: { created: 0, updated: 0, unchanged: 4 },
      relationships: { created: 0, updated: 0, unchanged: 3 },
      writes: { propertiesSet: 0 },
      hash: report.hash,
    });
  });

  test('--prune removes what the model no longer holds', async () => {
    await driver.executeQuery(`CREATE (:${L}:Role {id: 'OLD', kind: 'Role', name: 'Gone'})`);

    const { code, out } = await run(['export', 'neo4j', repo, ...target(), '--prune']);

    expect(code).toBe(0);
    expect(out).toMatch(/nodes +0 created, 0 updated, 4 unchanged, 1 deleted/);
    expect(await rows(driver, `MATCH (n:${L}) RETURN count(n) AS n`)).toEqual([{ n: 4 }]);
  });

  test('shows progress on a terminal and stays quiet when piped', async () => {
    const piped = await run(['export', 'neo4j', repo, ...target()]);
    const terminal = await run(['export', 'neo4j', repo, ...target()], true);

    expect(piped.err).toBe('');
    expect(terminal.err).toMatch(/nodes +100% +4 of 4/);
    expect(terminal.err).toMatch(/relationships +100% +3 of 3/);
  });

  test('an unreachable server exits 2 within the timeout, naming it and never the password', async () => {
    const port = await closedPort();
    process.env.TRACERY_TEST_CLI_PASSWORD = SECRET;
    try {
      const started = Date.now();
      const { code, out, err } = await run([
        'export',
        'neo4j',
        repo,
        '--uri',
        `bolt://127.0.0.1:${port}`,
        '--password-env',
        'TRACERY_TEST_CLI_PASSWORD',
        '--connect-timeout',
        '2',
      ]);

      expect(code).toBe(2);
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(err).toContain(`bolt://127.0.0.1:${port}`);
      expect(err).toContain('neo4j:start');
      expect(`${out}${err}`).not.toContain(SECRET);
    } finally {
      delete process.env.TRACERY_TEST_CLI_PASSWORD;
    }
  });

  test('a password variable that is not set exits 2, naming the variable', async () => {
    const { code, err } = await run([
      ...['export', 'neo4j', repo],
      ...target(),
      '--password-env',
      'TRACERY_TEST_UNSET',
    ]);

    expect(code).toBe(2);
    expect(err).toContain('TRACERY_TEST_UNSET is not set');
  });

  test.each([
    [['--batch-size', 'lots'], /--batch-size: expected a whole number/],
    [['--batch-size', '0'], /batchSize: expected a whole number from 1/],
    [['--connect-timeout', '-1'], /--connect-timeout: expected a number of seconds/],
  ])('refuses %j with exit 2', async (extra, message) => {
    const { code, err } = await run(['export', 'neo4j', repo, ...target(), ...extra]);

    expect(code).toBe(2);
    expect(err).toMatch(message);
  });

  test('--csv writes the files for neo4j-admin and prints the command, without a server', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'tracery-cli-csv-'));
    try {
      const { code, out } = await run([
        'export',
        'neo4j',
        repo,
        '--csv',
        folder,
        '--uri',
        'bolt://127.0.0.1:1',
      ]);

      expect(code).toBe(0);
      expect((await readdir(folder)).sort()).toEqual([
        'nodes-DataItem.csv',
        'nodes-Interface.csv',
        'nodes-Role.csv',
        'nodes-Service.csv',
        'relationships-CARRIES.csv',
        'relationships-RECEIVES.csv',
        'relationships-SENDS.csv',
      ]);
      expect(out).toContain('neo4j-admin database import full --nodes=');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('a repository with load errors (issue 12.1)', () => {
  const extra = () => join(repo, 'model', 'extra.yaml');
  const count = async () => (await rows(driver, `MATCH (n:${L}) RETURN count(n) AS n`))[0]?.n;

  beforeAll(async () => {
    await writeFile(extra(), 'elements:\n  - { id: REQ-9, kind: Requirement, name: Settle on time }\n');
    expect((await run(['export', 'neo4j', repo, ...target(), '--prune'])).code).toBe(0);
    // Broken the way an editor leaves a file half-saved: the model that loads lacks REQ-9.
    await writeFile(extra(), 'elements:\n  - { id: REQ-9, kind: Requirement, name: Settle on\n');
  });
  afterAll(async () => {
    await rm(extra(), { force: true });
  });

  test('export --prune exits 1 before it opens a connection, and the database is unchanged', async () => {
    const before = await graphHash(driver, { elementLabel: label });
    const port = await closedPort();

    const refused = await run(['export', 'neo4j', repo, '--prune', '--uri', `bolt://127.0.0.1:${port}`]);
    const onServer = await run(['export', 'neo4j', repo, ...target(), '--prune']);

    // Exit 1, not 2: a connection to the closed port was never tried.
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/1 load error\(s\); nothing was written.*--allow-errors/);
    expect(refused.err).toContain('extra.yaml');
    expect(onServer.code).toBe(1);
    expect(await graphHash(driver, { elementLabel: label })).toBe(before);
    expect(await count()).toBe(5);
  });

  test('--allow-errors exports what loaded and still deletes nothing, --prune or not', async () => {
    const { code, out, err } = await run([
      ...['export', 'neo4j', repo, ...target()],
      ...['--prune', '--allow-errors', '--json'],
    ]);

    expect(code).toBe(0);
    expect(err).toContain('pruning or deleting nothing');
    expect(JSON.parse(out).payload).toMatchObject({ nodes: { deleted: 0 }, relationships: { deleted: 0 } });
    expect(await rows(driver, `MATCH (n:${L} {id: 'REQ-9'}) RETURN n.name AS name`)).toEqual([
      { name: 'Settle on time' },
    ]);
  });

  test('--csv is refused too: no file is written', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'tracery-cli-csv-refused-'));
    try {
      const { code } = await run(['export', 'neo4j', repo, '--csv', folder]);

      expect(code).toBe(1);
      expect(await readdir(folder)).toEqual([]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('authentication and --verify (issue 12.10)', () => {
  test('a wrong password exits 2, saying the server refused the credentials, never printing it', async () => {
    const wrong = 'Wrong-password-for-this-test';
    process.env.TRACERY_TEST_WRONG_PASSWORD = wrong;
    try {
      const { code, out, err } = await run([
        ...['export', 'neo4j', repo, '--uri', inject('neo4jUri'), '--label', label],
        ...['--user', testTarget().user, '--password-env', 'TRACERY_TEST_WRONG_PASSWORD'],
      ]);

      expect(code).toBe(2);
      expect(err).toContain(`Neo4j at ${inject('neo4jUri')} refused the credentials`);
      expect(err).toContain('check the user and the password');
      expect(`${out}${err}`).not.toContain(wrong);
    } finally {
      delete process.env.TRACERY_TEST_WRONG_PASSWORD;
    }
  });

  test('no password against a server with authentication on exits 2 as well', async () => {
    const { code, err } = await run([
      ...['export', 'neo4j', repo, '--uri', inject('neo4jUri'), '--label', label],
    ]);

    expect(code).toBe(2);
    expect(err).toMatch(/refused the credentials|authentication/i);
  });

  test('--verify finds what was edited in the database, whatever hash it kept, and repairs it', async () => {
    expect((await run(['export', 'neo4j', repo, ...target(), '--prune'])).code).toBe(0);
    const exported = await graphHash(driver, { elementLabel: label });
    // Edits made by hand in Neo4j Browser: each leaves the stored __tracery_hash as it was.
    await driver.executeQuery(`MATCH (n:${L} {id: 'SUP'}) SET n.name = 'Edited by hand'`);
    await driver.executeQuery(`MATCH (n:${L} {id: 'DI-0102'}) SET n.length = 99, n.note = 'added'`);
    await driver.executeQuery(`MATCH (n:${L} {id: 'SDS'}) REMOVE n:Service`);
    await driver.executeQuery(`MATCH (:${L} {id: 'IF-021'})-[r:CARRIES]->() SET r.note = 'hand-made'`);
    expect(await graphHash(driver, { elementLabel: label })).not.toBe(exported);

    const { code, out } = await run(['export', 'neo4j', repo, ...target(), '--verify', '--json']);

    expect(code).toBe(0);
    expect(JSON.parse(out).payload).toMatchObject({
      nodes: { created: 0, updated: 3, unchanged: 1 },
      relationships: { created: 0, updated: 1, unchanged: 2 },
    });
    expect(await graphHash(driver, { elementLabel: label })).toBe(exported);
    const again = await run(['export', 'neo4j', repo, ...target(), '--verify', '--json']);
    expect(JSON.parse(again.out).payload).toMatchObject({
      nodes: { created: 0, updated: 0, unchanged: 4 },
      relationships: { created: 0, updated: 0, unchanged: 3 },
      writes: { propertiesSet: 0 },
    });
  });
});

/** A port on 127.0.0.1 where nothing listens (taken and let go again). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
