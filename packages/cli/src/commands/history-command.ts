import { bpmnSourceLoader } from '@tracery/bpmn';
import { elementHistory, TraceryError } from '@tracery/core';
import { renderHistoryText } from '@tracery/core/render';
import type { Command } from 'commander';
import { type CliIo, EXIT } from '../cli-io.js';
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
      '\nEach commit is read with git (no checkout). An id the model does not hold now is looked for in the\nhistory; when no commit held it either, the command says so and suggests the nearest id.\nExit codes: 0 done, 2 bad usage, an unknown id, or not a git repository.',
    )
    .action(async (id: string, options: HistoryOptions) => {
      const run = new CommandRun('history', io, options.json === true);
      const max = Number(options.max);
      if (!Number.isInteger(max) || max < 1)
        return setExit(run.fail(`--max: expected a positive whole number, got "${options.max}".`));
      const loaded = await run.load(undefined, options.repo);
      if (!loaded) return setExit(run.exitCode);
      try {
        const history = await elementHistory(loaded.root, id, {
          maxCommits: max,
          loaders: [bpmnSourceLoader()],
        });
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
        if (!(error instanceof TraceryError)) throw error;
        setExit(run.fail(error.message));
      }
    });
}
