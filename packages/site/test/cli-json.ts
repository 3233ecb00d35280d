import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..', '..');

/** Runs the tracery command line from its sources, as a separate process, and returns what it printed. */
export async function traceryCli(args: readonly string[]): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    [
      '--conditions=tracery-source',
      '--import',
      'tsx',
      join(ROOT, 'packages', 'cli', 'src', 'bin.ts'),
      ...args,
    ],
    { cwd: ROOT, maxBuffer: 64 << 20 },
  );
  return stdout;
}
