import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { runCaptured } from './run-cli.js';

const RULES = join(import.meta.dirname, '..', '..', 'core', 'test', 'fixtures', 'rules');
const SHOWCASE = join(RULES, 'output', 'repository');
const WARNING_ONLY = join(RULES, 'default', 'orphan-element', 'failing');
const temps: string[] = [];

afterEach(async () => {
  for (const dir of temps.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function temp(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tracery-check-'));
  temps.push(dir);
  return dir;
}

describe('tracery check', () => {
  test('prints the findings grouped by file and exits 1 when there is an error', async () => {
    const { code, out } = await runCaptured(['check', SHOWCASE]);
    expect(code).toBe(1);
    expect(out).toContain('model/design.yaml\n  10:5  error    interface-without-receiver');
    expect(out).toContain('1 error, 2 warnings, 1 info (2 suppressed) from 34 rules');
  });

  test.each([
    ['error', 0],
    ['warning', 1],
    ['info', 1],
  ])('--fail-on %s on a design with only a warning exits %i', async (failOn, expected) => {
    expect((await runCaptured(['check', WARNING_ONLY, '--fail-on', failOn])).code).toBe(expected);
  });

  test.each([
    [['--format', 'pdf'], 'unknown format "pdf"'],
    [['--fail-on', 'fatal'], 'unknown severity "fatal"'],
  ])('refuses %j with exit code 2', async (args, message) => {
    const { code, err } = await runCaptured(['check', SHOWCASE, ...args]);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });

  test('a folder that is not a repository exits 2', async () => {
    expect((await runCaptured(['check', join(RULES, 'no-such-folder')])).code).toBe(2);
  });

  test.each([
    ['sarif', (text: string) => JSON.parse(text).version, '2.1.0'],
    ['json', (text: string) => JSON.parse(text).payload.counts.error, 1],
    ['junit', (text: string) => text.startsWith('<?xml'), true],
    ['md', (text: string) => text.split('\n')[0], '# Design assurance'],
  ])('--format %s --out writes that rendering to the file', async (format, read, expected) => {
    const out = join(await temp(), `findings.${format}`);
    const { code, err } = await runCaptured(['check', SHOWCASE, '--format', format, '--out', out]);
    expect(code).toBe(1);
    expect(err).toContain(`wrote ${out}`);
    expect(read(await readFile(out, 'utf8'))).toBe(expected);
  });

  test('--accept records every current finding, so the next check reports none of them', async () => {
    const dir = await temp();
    await cp(SHOWCASE, dir, { recursive: true });
    expect((await runCaptured(['check', dir, '--accept', 'legacy design, reviewed by the DA'])).code).toBe(0);
    const file = await readFile(join(dir, 'assurance', 'accepted-findings.yaml'), 'utf8');
    expect(file).toContain('reason: legacy design, reviewed by the DA');
    const again = await runCaptured(['check', dir, '--fail-on', 'info']);
    expect(again.code).toBe(0);
    expect(again.out).toContain('0 errors, 0 warnings, 0 info (6 suppressed)');
  });

  test('--list-rules lists the default rules with their severity', async () => {
    const { code, out } = await runCaptured(['check', '--list-rules']);
    expect(code).toBe(0);
    expect(out).toMatch(/interface-without-receiver\s+error\s+Every interface has at least one receiver/);
  });
});
