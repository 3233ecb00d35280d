import { bpmnSourceLoader } from '@tracery/bpmn';
import {
  diffReport,
  diffSnapshots,
  loadState,
  renderDiffMarkdown,
  renderDiffText,
  TraceryError,
} from '@tracery/core';
import type { Command } from 'commander';
import { type CliIo, EXIT } from '../cli-io.js';
import { checkFormat, writeOutput } from '../write-output.js';

const FORMATS = ['text', 'md', 'json'] as const;

/** Registers `tracery diff BASE [OTHER]`. */
export function registerDiff(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('diff')
    .description(
      'Compare two states of the model: elements and relations added, removed and changed, field by field.',
    )
    .argument('<base>', 'a baseline name, "working", or "git:<revision>"')
    .argument('[other]', 'the same; the working tree by default', 'working')
    .option('--repo <dir>', 'the repository folder', '.')
    .option('--format <format>', `output format: ${FORMATS.join(', ')}`, 'text')
    .option('--json', 'the same as --format json')
    .option('--out <file>', 'write the report to a file instead of standard output')
    .addHelpText(
      'after',
      '\nA git revision is read with git (no checkout).\nExit codes: 0 done, 2 bad usage or unknown base.',
    )
    .action(
      async (
        base: string,
        other: string,
        options: { repo: string; format: string; json?: boolean; out?: string },
      ) => {
        const format = options.json ? 'json' : options.format;
        const bad = checkFormat(format, FORMATS);
        if (bad) {
          io.err(`tracery diff: ${bad}`);
          return setExit(EXIT.usage);
        }
        try {
          const [from, to] = await Promise.all([
            loadState(options.repo, base, { loaders: [bpmnSourceLoader()] }),
            loadState(options.repo, other, { loaders: [bpmnSourceLoader()] }),
          ]);
          const report = diffReport(from.label, to.label, diffSnapshots(from.snapshot, to.snapshot));
          const text =
            format === 'json'
              ? `${JSON.stringify(report, null, 2)}\n`
              : format === 'md'
                ? renderDiffMarkdown(report)
                : renderDiffText(report);
          await writeOutput(text, options.out, io);
          setExit(EXIT.ok);
        } catch (error) {
          if (!(error instanceof TraceryError)) throw error;
          io.err(`tracery diff: ${error.message}`);
          setExit(EXIT.usage);
        }
      },
    );
}
