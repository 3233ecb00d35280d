import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCaptured, runJson } from './run-cli.js';

type Hits = { hits: { id: string }[] };

const REPO = join(import.meta.dirname, '..', '..', 'core', 'test', 'fixtures', 'trace', 'repo');
let out: string;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'tracery-trace-cli-'));
});
afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

describe('tracery trace report', () => {
  test('prints the test-trace report as text by default', async () => {
    const { code, out: stdout } = await runCaptured(['trace', 'report', REPO]);
    expect(code).toBe(0);
    expect(stdout).toContain('6 requirements: 66.7% covered, 16.7% passing');
    expect(stdout).toMatch(
      /REQ-0002 A short day has 46 periods\s+T1\s+BP018-02\s+TC-0002 \(failed\)\s+covered but failing/,
    );
  });

  test.each([
    ['md', '# Test trace: Trace fixture'],
    ['csv', 'id,name,tranche,artefacts'],
    ['html', '<!doctype html>'],
    ['json', '"command": "trace report"'],
  ])('--format %s --out writes the file', async (format, start) => {
    const file = join(out, `report.${format}`);
    const { code, err } = await runCaptured(['trace', 'report', REPO, '--format', format, '--out', file]);
    expect(code).toBe(0);
    expect(err).toContain(`wrote ${file}`);
    expect(await readFile(file, 'utf8')).toContain(start);
  });

  test('--fail-under exits 1 below the coverage and 0 at or above it', async () => {
    const under = await runJson(['trace', 'report', REPO, '--json', '--fail-under', '70']);
    expect(under.code).toBe(1);
    expect(under.envelope).toMatchObject({ command: 'trace report', ok: false });
    expect(under.envelope.payload).toMatchObject({ title: 'Test trace: Trace fixture' });
    expect(under.err).toContain('coverage 66.7% is under --fail-under 70%');
    expect((await runCaptured(['trace', 'report', '--repo', REPO, '--fail-under', '66'])).code).toBe(0);
  });

  test.each([
    [['--format', 'pdf'], 'unknown format "pdf"'],
    [['--fail-under', 'lots'], '--fail-under: expected a percentage'],
  ])('bad usage %j exits 2', async (args, message) => {
    const { code, err } = await runCaptured(['trace', 'report', REPO, ...args]);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });

  test('a folder that is not a repository exits 2', async () => {
    expect((await runCaptured(['trace', 'report', out])).code).toBe(2);
  });

  test('a repository folder given where an element id goes is told apart, with the command to use', async () => {
    const { code, err } = await runCaptured(['trace', REPO, '--repo', REPO]);
    expect(code).toBe(2);
    expect(err).toContain(
      `"${REPO}" is a repository folder, not an element id; for its test-trace report run "tracery trace report ${REPO}"`,
    );
  });
});

describe('tracery trace, trace mode', () => {
  test('--down from a requirement along satisfiedBy and verifiedBy', async () => {
    const { code, out: stdout } = await runCaptured([
      'trace',
      'REQ-0001',
      '--repo',
      REPO,
      '--down',
      '--types',
      'satisfiedBy,verifiedBy',
    ]);
    expect(code).toBe(0);
    expect(
      stdout
        .split('\n')
        .slice(2, 5)
        .map((l) => l.replace(/\s+/g, ' ').trim()),
    ).toEqual([
      '1 BP018-01 ProcessStep REQ-0001 <-satisfies- BP018-01',
      '1 TC-0001 TestCase REQ-0001 <-verifies- TC-0001',
      '1 TC-0005 TestCase REQ-0001 <-verifies- TC-0005',
    ]);
  });

  test('--up with --depth and --json', async () => {
    const { code, envelope } = await runJson(['trace', 'TC-0005', '--repo', REPO, '--up', '--depth', '1']);
    expect(code).toBe(0);
    expect(envelope).toMatchObject({
      command: 'trace',
      ok: true,
      payload: { id: 'TC-0005', direction: 'up' },
    });
    expect((envelope.payload as Hits).hits.map((h) => h.id)).toEqual([]);
    const down = await runJson(['trace', 'TC-0005', '--repo', REPO, '--down', '--depth', '1']);
    expect((down.envelope.payload as Hits).hits.map((h) => h.id)).toEqual(['REQ-0001', 'REQ-0006']);
  });

  test('--to prints the shortest path, and exits 1 when there is none', async () => {
    const found = await runCaptured(['trace', 'TC-0002', '--repo', REPO, '--to', 'LSS']);
    expect(found.code).toBe(0);
    expect(found.out.trim()).toBe('TC-0002 -verifies-> REQ-0002 <-satisfies- BP018-02 <-performs- LSS');
    expect((await runCaptured(['trace', 'TC-0008', '--repo', REPO, '--to', 'LSS'])).code).toBe(1);
  });

  test.each([
    [['NOPE', '--down'], 'no element "NOPE" in the model'],
    [['REQ-001'], 'no element "REQ-001" in the model; did you mean "REQ-0001"?'],
    [['REQ-0001', '--to', 'LS'], 'no element "LS" in the model; did you mean "LSS"?'],
    [['REQ-0001', '--down', '--types', 'verifyBy'], 'unknown relation name "verifyBy"'],
    [['REQ-0001', '--up', '--down'], 'not both'],
    [['REQ-0001', '--down', '--depth', '-1'], '--depth'],
    [['--down'], 'give an element id'],
  ])('bad usage %j exits 2', async (args, message) => {
    const { code, err } = await runCaptured(['trace', ...args, '--repo', REPO]);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });
});
