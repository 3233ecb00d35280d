import { bpmnSourceLoader } from '@tracery/bpmn';
import { elementHistory, formatDiagnostic, TraceryError } from '@tracery/core';
import { renderHistoryText } from '@tracery/core/render';
import type { Command } from 'commander';
import { type CliIo, EXIT, progressLine } from '../cli-io.js';
import { CommandRun } from '../command-run.js';
import { withRepoOption } from '../repository-option.js';

type HistoryOptions = { repo?: string; max: string; json?: boolean };

/** Registers `tracery history <id>`. */
export function registerHistory(program: Command, io: CliIo, setExit: (code: number) => void): void {
  withRepoOption(
    program
      .command('history')
      .description(
        'The commits in which an element changed (from git log of the repository files): date, commit, author, and what changed, field by field and link by link.',
      )
      .argument('<id>', 'the element id'),
  )
    .option('--max <n>', 'look at most at the last n commits', '200')
    .option('--json', 'print the JSON envelope instead of text')
    .addHelpText(
      'after',
      '\nEach commit is read with git (no checkout; file contents through one git cat-file --batch), following\nfirst parents: a merge is compared with the branch it was merged into. The oldest commit shown is\ncompared with its parent. A commit whose files did not load is shown as such ("did not load"), and\nthe next commit is compared with the last one that loaded. An id the model does not hold now is looked\nfor in the history; when no commit held it either, the command says so and suggests the nearest id.\nProgress is drawn on standard error when it is a terminal.\nExit codes: 0 done, 1 the working tree has load errors (the history is still shown), 2 bad usage, an\nunknown id, or not a git repository.',
    )
    .action(async (id: string, options: HistoryOptions) => {
      const run = new CommandRun('history', io, options.json === true);
      const max = Number(options.max);
      if (!Number.isInteger(max) || max < 1)
        return setExit(run.fail(`--max: expected a positive whole number, got "${options.max}".`));
      const loaded = await run.load(undefined, options.repo);
      if (!loaded) return setExit(run.exitCode);
      // Reading commands report load errors and exit 1 (runCli); the history is still shown.
      for (const d of loaded.diagnostics) if (d.severity === 'error') io.err(formatDiagnostic(d));
      const progress = progressLine(io);
      try {
        const history = await elementHistory(loaded.root, id, {
          maxCommits: max,
          loaders: [bpmnSourceLoader()],
          onProgress: (done, total) => progress.update(`history of ${id}: commit ${done} of ${total}`),
        });
        progress.done();
        // An id neither the model nor any commit held is a typo, not an element without changes.
        if (history.entries.length === 0 && !loaded.model.hasElement(id)) {
          run.requireIds(loaded.model, [id]);
          return setExit(run.exitCode);
        }
        setExit(
          await run.finish({
            ok: true,
            payload: history,
            text: () => renderHistoryText(history),
            exit: EXIT.ok,
          }),
        );
      } catch (error) {
        progress.done();
        if (!(error instanceof TraceryError)) throw error;
        setExit(run.fail(error.message));
      }
    });
}
