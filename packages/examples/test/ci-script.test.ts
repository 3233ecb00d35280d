import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

// CI runs .ci/run, which must run the README's test command exactly and fail when any step of it
// fails: under `set -e`, bash does not stop at a failure inside an `&&` list (unless it is the last
// command), so the command runs in a subshell, whose failure does stop the script.

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** The README's command for every test: the line under its "# every test" comment. */
async function readmeTestCommand(): Promise<string> {
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  const lines = readme.split('\n');
  const at = lines.findIndex((line) => line.startsWith('# every test'));
  expect(at).toBeGreaterThan(0);
  return lines[at + 1]!.trim();
}

/** Runs a bash script; its exit code and what it printed. */
async function runBash(script: string): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await promisify(execFile)('bash', ['-c', script], { cwd: ROOT });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '' };
  }
}

describe('.ci/run', () => {
  test("runs the README's test command, as one line of its own", async () => {
    const command = await readmeTestCommand();
    expect(command).toContain('pnpm verify');
    const ci = await readFile(join(ROOT, '.ci', 'run'), 'utf8');
    expect(ci.split('\n')).toContain(`(${command})`);
  });

  test.each(['bash', 'npm', 'pnpm'])('stops, failing, when %s fails in that line', async (failing) => {
    // The line as .ci/run has it, after .ci/run's own `set -euo pipefail`, with the commands it calls
    // replaced by shell functions (a function wins over a command of the same name): the one named
    // fails with 7, the others succeed, so nothing is installed or run.
    const ci = await readFile(join(ROOT, '.ci', 'run'), 'utf8');
    const line = ci.split('\n').find((l) => l.includes('pnpm verify'))!;
    const stubs = ['bash', 'npm', 'pnpm']
      .map((name) => `${name}() { return ${name === failing ? 7 : 0}; }`)
      .join('\n');
    const run = await runBash(`set -euo pipefail\n${stubs}\n${line}\necho went-on`);
    expect(run).toEqual({ code: 7, stdout: '' });
  });

  test('the same line without its subshell would go on after a failure (what the subshell is for)', async () => {
    const ci = await readFile(join(ROOT, '.ci', 'run'), 'utf8');
    const line = ci.split('\n').find((l) => l.includes('pnpm verify'))!;
    const bare = line.replace(/^\((.*)\)$/, '$1');
    expect(bare).not.toBe(line);
    const run = await runBash(`set -euo pipefail\nbash() { return 7; }\n${bare}\necho went-on`);
    expect(run).toEqual({ code: 0, stdout: 'went-on\n' });
  });
});
