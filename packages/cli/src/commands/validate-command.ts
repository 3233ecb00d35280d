import { compareDiagnostics, type Diagnostic, formatDiagnostic, type LoadedRepository } from '@tracery/core';
import type { Command } from 'commander';
import { type CliIo, colours, EXIT } from '../cli-io.js';
import { loadForCli } from '../load-for-cli.js';

/** The JSON that `tracery validate --json` prints: a stable shape for scripts. */
export type ValidateReport = {
  readonly ok: boolean;
  readonly root: string;
  readonly files: number;
  readonly elements: number;
  readonly relations: number;
  readonly counts: { readonly error: number; readonly warning: number; readonly info: number };
  readonly diagnostics: readonly Diagnostic[];
};

/** Builds the validate report of a loaded repository. */
export function validateReport(loaded: LoadedRepository): ValidateReport {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of loaded.diagnostics) counts[d.severity]++;
  return {
    ok: counts.error === 0,
    root: loaded.root,
    files: loaded.files.length,
    elements: loaded.model.elementCount,
    relations: loaded.model.relationCount,
    counts,
    diagnostics: [...loaded.diagnostics].sort(compareDiagnostics),
  };
}

function renderText(report: ValidateReport, io: CliIo): string {
  const c = colours(io);
  const lines = report.diagnostics.map((d) => {
    const text = formatDiagnostic(d);
    return d.severity === 'error' ? c.red(text) : d.severity === 'warning' ? c.yellow(text) : text;
  });
  const summary = `${report.files} files, ${report.elements} elements, ${report.relations} relations: ${report.counts.error} errors, ${report.counts.warning} warnings`;
  lines.push(report.ok ? c.green(`ok: ${summary}`) : c.bold(`failed: ${summary}`));
  return lines.join('\n');
}

/** Registers `tracery validate [dir]`. */
export function registerValidate(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('validate')
    .description('Load a repository and report every problem in its files, with file:line:col.')
    .argument('[dir]', 'the repository folder (the one with tracery.yaml)', '.')
    .option('--json', 'print a JSON report instead of text')
    .addHelpText(
      'after',
      '\nExit codes: 0 no errors, 1 errors in the design, 2 bad usage or unreadable input.',
    )
    .action(async (dir: string, options: { json?: boolean }) => {
      const loaded = await loadForCli(dir, io);
      if (!loaded) return setExit(EXIT.usage);
      const report = validateReport(loaded);
      io.out(options.json ? JSON.stringify(report, null, 2) : renderText(report, io));
      setExit(report.ok ? EXIT.ok : EXIT.findings);
    });
}
