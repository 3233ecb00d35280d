import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultMetamodel, InvalidArgumentError, type Model } from '@tracery/core';
import { afterAll, describe, expect, test } from 'vitest';
import { Neo4jConnectionError } from '../../src/errors/neo4j-errors.js';
import { exportModel } from '../../src/export/export-model.js';
import { pullModel } from '../../src/pull/pull-model.js';
import { startTestServer, stopTestServer, type TestServer } from '../../src/server/test-server.js';
import { testTarget } from '../helpers/neo4j.js';
import { buildModel, contentOf } from '../helpers/sample-model.js';

const SECRET = 'S3cret-pa55word-never-printed';

/** A port on 127.0.0.1 where nothing listens (taken and let go again). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A server that accepts connections and never says a word, as a hung host or a firewall would. */
async function silentServer(): Promise<{ server: Server; port: number; sockets: Socket[] }> {
  const sockets: Socket[] = [];
  const server = createServer((socket) => void sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as { port: number }).port, sockets };
}

function everythingSaidAbout(error: unknown): string {
  const e = error as Error & { cause?: unknown };
  return [e.message, e.stack, String(e.cause), JSON.stringify(e), (e.cause as Error | undefined)?.stack].join(
    '\n',
  );
}

const small = () => buildModel([{ id: 'A', kind: 'Role' }], []);

describe('an unreachable server', () => {
  test('refusing connections gives a Neo4jConnectionError naming the server, without the password', async () => {
    const port = await closedPort();
    const error = await exportModel(
      { uri: `bolt://127.0.0.1:${port}`, password: SECRET, connectionTimeoutMs: 2_000 },
      small(),
    ).catch((e) => e);

    expect(error).toBeInstanceOf(Neo4jConnectionError);
    expect(error.message).toContain(`bolt://127.0.0.1:${port}`);
    expect(everythingSaidAbout(error)).not.toContain(SECRET);
  });

  test('a server that never answers gives a Neo4jConnectionError once the connection timeout is up', async () => {
    const silent = await silentServer();
    try {
      const error = await pullModel(
        { uri: `bolt://127.0.0.1:${silent.port}`, connectionTimeoutMs: 1_000 },
        defaultMetamodel(),
      ).catch((e) => e);

      expect(error).toBeInstanceOf(Neo4jConnectionError);
    } finally {
      for (const socket of silent.sockets) socket.destroy();
      silent.server.close();
    }
  });

  test('the password from passwordEnv is never printed either', async () => {
    process.env.TRACERY_TEST_NEO4J_PASSWORD = SECRET;
    try {
      const port = await closedPort();
      const error = await exportModel(
        {
          uri: `bolt://127.0.0.1:${port}`,
          passwordEnv: 'TRACERY_TEST_NEO4J_PASSWORD',
          connectionTimeoutMs: 2_000,
        },
        small(),
      ).catch((e) => e);

      expect(error).toBeInstanceOf(Neo4jConnectionError);
      expect(everythingSaidAbout(error)).not.toContain(SECRET);
    } finally {
      delete process.env.TRACERY_TEST_NEO4J_PASSWORD;
    }
  });

  test('a passwordEnv that names an unset variable is refused, naming the variable', async () => {
    await expect(
      exportModel({ uri: 'bolt://127.0.0.1:1', passwordEnv: 'TRACERY_TEST_UNSET_VARIABLE' }, small()),
    ).rejects.toThrow(
      new InvalidArgumentError(
        'passwordEnv: the environment variable TRACERY_TEST_UNSET_VARIABLE is not set.',
      ),
    );
  });
});

describe('a server with authentication on (the tests run with a real user and password)', () => {
  test('the right user and password connect', async () => {
    const pulled = await pullModel(testTarget(), defaultMetamodel(), { elementLabel: 'NothingHere' });

    expect(pulled.model.elementCount).toBe(0);
  });

  test.each([
    ['a wrong password', { password: SECRET }],
    ['an unknown user', { user: 'nobody-here', password: SECRET }],
    ['no credentials at all', {}],
  ])(
    '%s gives a Neo4jConnectionError saying the credentials were refused, without the password',
    async (_, auth) => {
      const { password: _right, ...rest } = testTarget();
      const target = { ...rest, ...auth, connectionTimeoutMs: 5_000 };
      const saved = process.env.TRACERY_NEO4J_PASSWORD;
      delete process.env.TRACERY_NEO4J_PASSWORD;
      try {
        const error = await exportModel(target, small(), { elementLabel: 'NeverWritten' }).catch((e) => e);

        expect(error).toBeInstanceOf(Neo4jConnectionError);
        expect(error.message).toContain(`Neo4j at ${rest.uri} refused the credentials while connecting`);
        expect(everythingSaidAbout(error)).not.toContain(SECRET);
      } finally {
        if (saved !== undefined) process.env.TRACERY_NEO4J_PASSWORD = saved;
      }
    },
  );
});

describe('a server that stops in the middle of an export', () => {
  const servers: TestServer[] = [];
  let dataDir = '';
  afterAll(async () => {
    for (const server of servers) await stopTestServer(server);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  /** Elements in a chain by dependsOn, each to the one before, and with `skips` to the one two before. */
  function chain(size: number, skips = false): Model {
    const ids = Array.from({ length: size }, (_, i) => `E-${String(i).padStart(5, '0')}`);
    return buildModel(
      ids.map((id, i) => ({ id, kind: i % 2 ? 'ProcessStep' : 'Requirement', attributes: { order: i } })),
      [
        ...ids.slice(1).map((id, i) => [id, 'dependsOn', ids[i]!] as const),
        ...(skips ? ids.slice(2).map((id, i) => [id, 'dependsOn', ids[i]!] as const) : []),
      ],
    );
  }

  test('fails with a clear error, and a re-run against the restarted server converges', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tracery-neo4j-fault-'));
    const model = chain(3000);
    const first = await startTestServer({ dataDir, heap: '1g' });
    servers.push(first);
    const options = { uri: first.uri, retryTimeoutMs: 2_000, connectionTimeoutMs: 2_000 };

    const error = await exportModel(options, model, {
      batchSize: 100,
      onProgress: async ({ phase, done }) => {
        if (phase === 'nodes' && done === 1000) await stopTestServer(first, { force: true });
      },
    }).catch((e) => e);

    expect(error).toBeInstanceOf(Neo4jConnectionError);
    expect(error.message).toMatch(/while writing nodes/);
    const second = await startTestServer({ dataDir, heap: '1g' });
    servers.push(second);
    const before = await pullModel({ uri: second.uri }, defaultMetamodel());
    expect(before.model.elementCount).toBeGreaterThanOrEqual(1000);
    expect(before.model.elementCount).toBeLessThan(3000);

    const rerun = await exportModel({ uri: second.uri }, model, { batchSize: 100 });

    expect(rerun.nodes.unchanged).toBe(before.model.elementCount);
    expect(rerun.nodes.created).toBe(3000 - before.model.elementCount);
    const after = await pullModel({ uri: second.uri }, defaultMetamodel());
    expect(after.diagnostics).toEqual([]);
    expect(contentOf(after.model)).toEqual(contentOf(model));

    // Stopped again while writing the new relationships of a changed model (ends found by element id).
    const changed = chain(3000, true);
    const stopped = await exportModel(
      { uri: second.uri, retryTimeoutMs: 2_000, connectionTimeoutMs: 2_000 },
      changed,
      {
        batchSize: 100,
        onProgress: async ({ phase, done }) => {
          if (phase === 'relationships' && done === 2999 + 1000)
            await stopTestServer(second, { force: true });
        },
      },
    ).catch((e) => e);

    expect(stopped).toBeInstanceOf(Neo4jConnectionError);
    expect(stopped.message).toMatch(/while writing DEPENDS_ON relationships/);
    const third = await startTestServer({ dataDir, heap: '1g' });
    servers.push(third);
    const half = await pullModel({ uri: third.uri }, defaultMetamodel());
    expect(half.model.relationCount).toBeGreaterThanOrEqual(2999 + 1000);
    expect(half.model.relationCount).toBeLessThan(2999 + 2998);

    const last = await exportModel({ uri: third.uri }, changed, { batchSize: 100 });

    expect(last.nodes).toEqual({ created: 0, updated: 0, unchanged: 3000, deleted: 0 });
    expect(last.relationships.unchanged).toBe(half.model.relationCount);
    expect(last.relationships.created).toBe(2999 + 2998 - half.model.relationCount);
    const end = await pullModel({ uri: third.uri }, defaultMetamodel());
    expect(end.diagnostics).toEqual([]);
    expect(contentOf(end.model)).toEqual(contentOf(changed));
  }, 360_000);
});
