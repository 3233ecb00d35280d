import { type CliIo, runCli } from '@tracery/cli';

/** Runs the CLI in-process and returns its exit code and what it printed. */
export async function runCaptured(
  args: readonly string[],
): Promise<{ code: number; out: string; err: string }> {
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
