import { bpmnSourceLoader } from '@tracery/bpmn';
import { elementHistory, renderHistoryText, TraceryError } from '@tracery/core';
import type { Command } from 'commander';
import { type CliIo, EXIT } from '../cli-io.js';

/** Registers `tracery history <id>`. */
export function registerHistory(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('history')
    .description(
      'The commits in which an element changed (from git log of the repository files): date, commit, author, and what changed, field by field and link by link.',
    )
    .argument('<id>', 'the element id')
    .option('--repo <dir>', 'the repository folder', '.')
    .option('--max <n>', 'look at most at the last n commits', '200')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nEach commit is read with git (no checkout).\nExit codes: 0 done, 2 bad usage or not a git repository.',
    )
    .action(async (id: string, options: { repo: string; max: string; json?: boolean }) => {
      const max = Number(options.max);
      if (!Number.isInteger(max) || max < 1) {
        io.err(`tracery history: --max: expected a positive whole number, got "${options.max}".`);
        return setExit(EXIT.usage);
      }
      try {
        const history = await elementHistory(options.repo, id, {
          maxCommits: max,
          loaders: [bpmnSourceLoader()],
        });
        io.out(options.json ? JSON.stringify(history, null, 2) : renderHistoryText(history));
        setExit(EXIT.ok);
      } catch (error) {
        if (!(error instanceof TraceryError)) throw error;
        io.err(`tracery history: ${error.message}`);
        setExit(EXIT.usage);
      }
    });
}
