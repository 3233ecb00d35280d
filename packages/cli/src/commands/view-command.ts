import { hasErrors, TraceryError } from '@tracery/core';
import { TEXT_VIEW_NAMES } from '@tracery/site/text-view-names';
import type { Command } from 'commander';
import { type CliIo, EXIT } from '../cli-io.js';
import { loadForCli } from '../load-for-cli.js';
import { chooseRepository, withRepoOption } from '../repository-option.js';
import { checkFormat, writeOutput } from '../write-output.js';

const FORMATS = ['mermaid', 'md'] as const;

/** GitHub's and GitLab's Mermaid refuse a flowchart with more edges than this (Mermaid's default `maxEdges`). */
const MAX_EDGES = 500;

type ViewCommandOptions = { repo?: string; format: string; out?: string };

async function run(
  name: string,
  id: string | undefined,
  options: ViewCommandOptions,
  io: CliIo,
): Promise<number> {
  const bad = checkFormat(options.format, FORMATS);
  if (bad) {
    io.err(`tracery view: ${bad}`);
    return EXIT.usage;
  }
  const choice = chooseRepository(undefined, options.repo);
  if ('problem' in choice) {
    io.err(`tracery view: ${choice.problem}`);
    return EXIT.usage;
  }
  const loaded = await loadForCli(choice.dir, io);
  if (!loaded) return EXIT.usage;
  if (hasErrors(loaded.diagnostics)) {
    io.err('tracery view: the repository has load errors; run "tracery validate" and fix them first.');
    return EXIT.findings;
  }
  // The site's code is imported when a view is written, not at every command's start-up.
  const { collectSiteData, renderTextView } = await import('@tracery/site');
  const data = await collectSiteData(loaded, { history: false });
  const text = renderTextView(data, name, options.format as (typeof FORMATS)[number], id);
  const edges = text.split('\n').filter((l) => / (-->|-\.->)/.test(l)).length;
  if (edges > MAX_EDGES)
    io.err(
      `tracery view: the diagram has ${edges} arrows; GitHub and GitLab draw at most ${MAX_EDGES} (use the table, or the site).`,
    );
  await writeOutput(text, options.out, io);
  return EXIT.ok;
}

/** Registers `tracery view <name> [id]`: one of the site's views as Mermaid or Markdown. */
export function registerView(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const names = TEXT_VIEW_NAMES.map(
    (v) => `  ${v.name}${v.needsId ? ` <${v.needsId} id>` : ''}: ${v.summary}`,
  );
  withRepoOption(
    program
      .command('view')
      .argument('<name>', `the view: ${TEXT_VIEW_NAMES.map((v) => v.name).join(', ')}`)
      .argument('[id]', 'the element the view is of (the process of "process")')
      .description(
        "Write one of the site's views as a Mermaid diagram or Markdown (diagram and table), for READMEs and merge requests.",
      ),
  )
    .option('--format <format>', `output format: ${FORMATS.join(', ')}`, 'md')
    .option('--out <file>', 'write to a file instead of standard output')
    .addHelpText(
      'after',
      `\nViews:\n${names.join('\n')}\n\nmermaid gives the diagram's source (a .mmd file); md gives a heading, the diagram in a \`\`\`mermaid block and the table.\nExit codes: 0 written, 1 the repository has load errors, 2 bad usage.`,
    )
    .action(async (name: string, id: string | undefined, options: ViewCommandOptions) => {
      try {
        setExit(await run(name, id, options, io));
      } catch (error) {
        if (!(error instanceof TraceryError)) throw error;
        io.err(`tracery view: ${error.message}`);
        setExit(EXIT.usage);
      }
    });
}
