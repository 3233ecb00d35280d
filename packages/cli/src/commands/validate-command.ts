import { compareDiagnostics, type Diagnostic, formatDiagnostic, type LoadedRepository } from '@tracery/core';
import type { Command } from 'commander';
import { type CliIo, colours, EXIT } from '../cli-io.js';
import { CommandRun } from '../command-run.js';
import { plural } from '../plural.js';
import { withRepoOption } from '../repository-option.js';

/** The payload of `tracery validate --json`: what loaded, and how many problems of each severity. */
export type ValidateReport = {
  readonly ok: boolean;
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
  const summary = `${plural(report.files, 'file')}, ${plural(report.elements, 'element')}, ${plural(report.relations, 'relation')}: ${plural(report.counts.error, 'error')}, ${plural(report.counts.warning, 'warning')}`;
  lines.push(report.ok ? c.green(`ok: ${summary}`) : c.bold(`failed: ${summary}`));
  return lines.join('\n');
}

/** Registers `tracery validate [dir]`. */
export function registerValidate(program: Command, io: CliIo, setExit: (code: number) => void): void {
  withRepoOption(
    program
      .command('validate')
      .description(
        'Load a repository and report every problem in its files, with file:line:col: YAML, kinds, fields, relations, id patterns, dangling references. The design rules (mandatory attributes, coverage, naming) are tracery check.',
      )
      .argument('[dir]', 'the repository folder: a shorthand for --repo'),
  )
    .option('--json', 'print the JSON envelope instead of text')
    .addHelpText(
      'after',
      '\nExit codes: 0 no errors, 1 errors in the design, 2 bad usage or unreadable input.',
    )
    .action(async (dir: string | undefined, options: { repo?: string; json?: boolean }) => {
      const run = new CommandRun('validate', io, options.json === true);
      const loaded = await run.load(dir, options.repo);
      if (!loaded) return setExit(run.exitCode);
      const report = validateReport(loaded);
      // The envelope carries the diagnostics; the payload says what loaded and counts them.
      const { files, elements, relations, counts } = report;
      setExit(
        await run.finish({
          ok: report.ok,
          payload: { files, elements, relations, counts },
          text: () => renderText(report, io),
          exit: report.ok ? EXIT.ok : EXIT.findings,
        }),
      );
    });
}
