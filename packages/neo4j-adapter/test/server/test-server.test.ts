import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import neo4j from 'neo4j-driver';
import { describe, expect, test } from 'vitest';
import { Neo4jServerError } from '../../src/errors/neo4j-errors.js';
import { buildTestServer } from '../../src/server/build-test-server.js';
import { startTestServer, stopTestServer } from '../../src/server/test-server.js';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('startTestServer and stopTestServer', () => {
  test('start a Neo4j 5.26 that a driver can use, and stop it leaving no process and no folder', async () => {
    const server = await startTestServer({ heap: '1g' });
    const driver = neo4j.driver(server.uri);
    try {
      const { records } = await driver.executeQuery(
        'CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition',
      );
      expect(records[0]?.get('version')).toMatch(/^5\.26\./);
      expect(records[0]?.get('edition')).toBe('community');
      expect(server.uri).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+$/);
      expect(isRunning(server.pid)).toBe(true);
      expect(existsSync(server.workDir)).toBe(true);
    } finally {
      await driver.close();
      await stopTestServer(server);
    }

    expect(isRunning(server.pid)).toBe(false);
    expect(existsSync(server.workDir)).toBe(false);
    await stopTestServer(server);
  }, 180_000);

  test('a Java command that does not exist gives a Neo4jServerError naming it', async () => {
    await expect(startTestServer({ java: '/nonexistent/bin/java' })).rejects.toThrow(Neo4jServerError);
    await expect(startTestServer({ java: '/nonexistent/bin/java' })).rejects.toThrow(
      /\/nonexistent\/bin\/java/,
    );
  }, 180_000);
});

describe('the launcher', () => {
  test('prints one Bolt URI line and stops by itself when its standard input closes', async () => {
    const { jar } = await buildTestServer();
    const child = spawn('java', ['-Xmx1g', '-jar', jar, '--exit-on-stdin-close'], {
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const lines: string[] = [];
    await new Promise<void>((resolve) =>
      createInterface({ input: child.stdout }).on('line', (line) => {
        lines.push(line);
        resolve();
      }),
    );

    child.stdin.end();

    expect(await exited).toBe(0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^BOLT_URI=bolt:\/\/127\.0\.0\.1:\d+$/);
  }, 180_000);

  test('refuses an unknown argument with exit code 2', async () => {
    const { jar } = await buildTestServer();
    const child = spawn('java', ['-jar', jar, '--no-such-option'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));

    expect(code).toBe(2);
    expect(stderr).toContain('unknown argument "--no-such-option"');
  }, 60_000);
});
