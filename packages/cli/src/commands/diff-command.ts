import { resolve } from 'node:path';
import { bpmnSourceLoader } from '@tracery/bpmn';
import {
  type Diagnostic,
  diffReport,
  diffSnapshots,
  formatDiagnostic,
  type LoadedState,
  loadState,
  TraceryError,
} from '@tracery/core';
import { renderDiffMarkdown, renderDiffText } from '@tracery/core/render';
import type { Command } from 'commander';
import { type CliIo, EXIT } from '../cli-io.js';
import { cacheWanted } from '../cli-run-state.js';
import { CommandRun } from '../command-run.js';
import { chooseRepository, withRepoOption } from '../repository-option.js';
import { checkFormat } from '../write-output.js';

const FORMATS = ['text', 'md', 'json'] as const;

type DiffOptions = { repo?: string; format: string; json?: boolean; out?: string };

/**
 * The load errors of the two sides, printed on standard error with the side they come from: a side
 * with load errors reads what failed to load as removed, so the diff is reported and the run exits 1
 * (the reading commands' policy).
 */
function reportLoadErrors(states: readonly LoadedState[], io: CliIo): Diagnostic[] {
  const errors: Diagnostic[] = [];
  for (const state of states) {
    const own = state.diagnostics.filter((d) => d.severity === 'error');
    if (own.length === 0) continue;
    for (const d of own) io.err(`${state.label}: ${formatDiagnostic(d)}`);
    io.err(
      `tracery diff: ${state.label} has ${own.length} load error(s); what failed to load reads as removed from it; exit 1.`,
    );
    errors.push(...own);
  }
  return errors;
}

/** Registers `tracery diff BASE [OTHER]`. */
export function registerDiff(program: Command, io: CliIo, setExit: (code: number) => void): void {
  withRepoOption(
    program
      .command('diff')
      .description(
        'Compare two states of the model: elements and relations added, removed and changed, field by field.',
      )
      .argument('<base>', 'a baseline name, "working", or "git:<revision>"')
      .argument('[other]', 'the same; the working tree by default', 'working'),
  )
    .option('--format <format>', `output format: ${FORMATS.join(', ')} (json: the JSON envelope)`, 'text')
    .option('--json', 'the same as --format json')
    .option('--out <file>', 'write the report to a file instead of standard output')
    .addHelpText(
      'after',
      '\nA git revision is read with git (no checkout). Reviews recorded between the two states are listed apart\n("reviewed"): they are not changes.\nExit codes: 0 done, 1 a side has load errors (the diff is still shown), 2 bad usage or unknown base.',
    )
    .action(async (base: string, other: string, options: DiffOptions) => {
      const format = options.json ? 'json' : options.format;
      const run = new CommandRun('diff', io, format === 'json');
      const bad = checkFormat(format, FORMATS);
      if (bad) return setExit(run.fail(bad));
      const choice = chooseRepository(undefined, options.repo);
      if ('problem' in choice) return setExit(run.fail(choice.problem));
      run.repository = { root: resolve(choice.dir) };
      try {
        // Through the load cache, as every command that loads the working tree (TRACERY_CACHE=0: not).
        const cache = cacheWanted(io);
        const [from, to] = await Promise.all([
          loadState(choice.dir, base, { loaders: [bpmnSourceLoader()], cache }),
          loadState(choice.dir, other, { loaders: [bpmnSourceLoader()], cache }),
        ]);
        const errors = reportLoadErrors(from.label === to.label ? [from] : [from, to], io);
        const report = diffReport(from.label, to.label, diffSnapshots(from.snapshot, to.snapshot));
        setExit(
          await run.finish({
            ok: errors.length === 0,
            payload: report,
            text: () => (format === 'md' ? renderDiffMarkdown(report) : renderDiffText(report)),
            diagnostics: errors,
            out: options.out,
            exit: errors.length === 0 ? EXIT.ok : EXIT.findings,
          }),
        );
      } catch (error) {
        if (!(error instanceof TraceryError)) throw error;
        setExit(run.fail(error.message));
      }
    });
}
