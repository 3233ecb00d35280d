// The child process of bounded-input.test.ts: runs every case of a list through the real CLI, one
// after another, in this one process (started with a capped heap), and writes what each printed and
// the process's peak resident memory. Not a test file: vitest does not collect it.
import { readFileSync, writeFileSync } from 'node:fs';
import { type CliIo, runCli } from '../../src/index.js';

/** One run of the CLI: a name for the report, and its arguments. */
export type HostileRun = { readonly name: string; readonly args: readonly string[] };

/** What the child writes: per run its exit code and output, and the peak RSS after the warm-up and at the end. */
export type HostileRunReport = {
  readonly runs: readonly { name: string; code: number; out: string; err: string }[];
  /** Peak resident memory (KiB) once the warm-up runs (the first `warmUp`) were done. */
  readonly warmPeakKib: number;
  /** Peak resident memory (KiB) at the end: over every run. */
  readonly peakKib: number;
  /** False when a run left a property on Object.prototype (a polluted prototype). */
  readonly prototypeClean: boolean;
};

async function main(): Promise<void> {
  const [listFile, reportFile, progressFile, warmUpText] = process.argv.slice(2);
  const list = JSON.parse(readFileSync(listFile!, 'utf8')) as HostileRun[];
  const warmUp = Number(warmUpText);
  const runs: HostileRunReport['runs'][number][] = [];
  let warmPeakKib = 0;
  for (const [i, run] of list.entries()) {
    // A hang shows in the parent as the run named here, last started.
    writeFileSync(progressFile!, run.name);
    let out = '';
    let err = '';
    const io: CliIo = { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), fancy: false };
    // An exception out of runCli is what the bin reports as an internal error (exit 70).
    const code = await runCli(run.args, io).catch((error: unknown) => {
      err += `internal error: ${error instanceof Error ? error.stack : String(error)}\n`;
      return 70;
    });
    runs.push({ name: run.name, code, out, err });
    if (i === warmUp - 1) warmPeakKib = process.resourceUsage().maxRSS;
  }
  const report: HostileRunReport = {
    runs,
    warmPeakKib,
    peakKib: process.resourceUsage().maxRSS,
    prototypeClean: Object.keys(Object.prototype).length === 0 && !('polluted' in {}),
  };
  writeFileSync(reportFile!, JSON.stringify(report));
}

await main();
