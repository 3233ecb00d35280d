import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type CliIo, runCli } from '@tracery/cli';
import { describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const SCRIPT = join(ROOT, 'packages', 'examples', 'scripts', 'assurance.mjs');
const MHHS = join(ROOT, 'packages', 'examples', 'mhhs');

type Payload = Record<string, unknown>;
type Ids = readonly { readonly id: string }[];

/** Runs the CLI in-process with --json on the example and gives the payload of its envelope. */
async function cliPayload(args: readonly string[]): Promise<Payload> {
  let out = '';
  const io: CliIo = { out: (t) => (out += t), err: () => {}, fancy: false };
  await runCli([...args, '--repo', MHHS, '--json'], io);
  return (JSON.parse(out) as { payload: Payload }).payload;
}

/** Runs the script as a user would, as its own process (from the packages' sources, as the site's tests run the CLI). */
async function runScript(): Promise<{ code: number; stdout: string }> {
  const args = ['--conditions=tracery-source', '--import', 'tsx', SCRIPT];
  try {
    const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: ROOT });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '' };
  }
}

describe('packages/examples/scripts/assurance.mjs, the script in the root README', () => {
  test('prints what tracery impact, impact --cr and check answer on the example, and fails on its errors', async () => {
    const [script, impact, cr, check] = await Promise.all([
      runScript(),
      cliPayload(['impact', 'DI-0023']),
      cliPayload(['impact', '--cr', 'CR001']),
      cliPayload(['check']),
    ]);
    const errors = (
      check.findings as { severity: string; rule: string; elementId?: string; message: string }[]
    ).filter((f) => f.severity === 'error');
    const estimate = cr.estimate as { days: number };
    expect(script.stdout.split('\n').filter(Boolean)).toEqual([
      `DI-0023 impacts ${(impact.impacted as Ids).length} elements`,
      `parties that must act: ${(impact.parties as Ids).map((p) => p.id).join(', ')}`,
      `CR001 re-issues ${(cr.artefactsToReissue as Ids).length} documents, ${estimate.days} days`,
      `CR001 re-runs ${(cr.testsToRerun as Ids).map((t) => t.id).join(', ')}`,
      ...errors.map((f) => `${f.rule} ${f.elementId}: ${f.message}`),
    ]);
    // the example holds planted design defects: the check finds errors, so the script exits 1
    expect(errors.length).toBeGreaterThan(0);
    expect(script.code).toBe(1);
  });

  test('the root README shows exactly this script as its first code sample', async () => {
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    const first = /```[a-z]*\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(first).toBe(await readFile(SCRIPT, 'utf8'));
  });
});
