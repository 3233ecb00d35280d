import { join } from 'node:path';
import { type Comment, commentsToTable, findMapping, loadComments } from '@tracery/core/advanced';
import type { Command } from 'commander';
import { type CliIo, EXIT } from '../cli-io.js';
import { loadForCli } from '../load-for-cli.js';
import { writeSheet } from '../spreadsheet/write-sheet.js';
import { allowErrorsOption, guardWrites } from '../write-guard.js';

type Options = {
  repo: string;
  out: string;
  format: string;
  mapping: string;
  artefact?: string[];
  allowErrors?: boolean;
};

const FORMATS: Readonly<Record<string, readonly string[]>> = {
  xlsx: ['xlsx'],
  csv: ['csv'],
  both: ['xlsx', 'csv'],
};

async function run(options: Options, io: CliIo): Promise<number> {
  const extensions = FORMATS[options.format];
  if (!extensions) {
    io.err(`tracery export comments: unknown format "${options.format}"; use xlsx, csv or both.`);
    return EXIT.usage;
  }
  const loaded = await loadForCli(options.repo, io);
  if (!loaded) return EXIT.usage;
  const mapping = findMapping(loaded.config.spreadsheets, options.mapping);
  if (mapping?.target !== 'comments') {
    io.err(
      `tracery export comments: no comment mapping "${options.mapping}" (tracery.yaml spreadsheets:, or the built-in "comments").`,
    );
    return EXIT.usage;
  }
  const read = await loadComments(loaded);
  const guard = guardWrites(
    'export comments',
    [...loaded.diagnostics, ...read.diagnostics],
    io,
    options.allowErrors,
  );
  if (!guard.write) return EXIT.findings;
  const byArtefact = new Map<string, Comment[]>();
  for (const comment of read.comments) {
    if (options.artefact && !options.artefact.includes(comment.artefact)) continue;
    const list = byArtefact.get(comment.artefact) ?? [];
    list.push(comment);
    byArtefact.set(comment.artefact, list);
  }
  for (const [artefact, comments] of [...byArtefact].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const table = commentsToTable(comments, mapping, artefact);
    for (const ext of extensions) {
      const path = join(options.out, `${artefact}.${ext}`);
      await writeSheet(path, table);
      io.err(`wrote ${path} (${comments.length} comments)`);
    }
  }
  if (byArtefact.size === 0) io.err('tracery export comments: no comments to export.');
  return read.diagnostics.some((d) => d.severity === 'error') ? EXIT.findings : EXIT.ok;
}

/** Registers `tracery export comments` on the `export` command. */
export function registerExportComments(
  exportCommand: Command,
  io: CliIo,
  setExit: (code: number) => void,
): void {
  const command = exportCommand
    .command('comments')
    .description(
      'Write the review-comment log of each artefact as XLSX and CSV (one file per artefact, every round), by a column mapping; `tracery import comments` reads them back unchanged.',
    )
    .option('--repo <dir>', 'the repository folder (the one with tracery.yaml)', '.')
    .requiredOption('--out <dir>', 'the folder to write <artefact>.xlsx and <artefact>.csv to')
    .option('--format <format>', 'xlsx, csv or both', 'both')
    .option(
      '--mapping <name>',
      'the column mapping (tracery.yaml spreadsheets:, or the built-in "comments")',
      'comments',
    )
    .option('--artefact <ids...>', 'only these artefacts')
    .addHelpText(
      'after',
      '\nExit codes: 0 done, 1 the repository or its comment files have errors (nothing written without --allow-errors), 2 bad usage.',
    );
  allowErrorsOption(command).action(async (options: Options) => {
    setExit(await run(options, io));
  });
}
