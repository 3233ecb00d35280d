import { join } from 'node:path';
import { type Comment, commentsToTable, findMapping, loadComments } from '@tracery/core/advanced';
import type { Command } from 'commander';
import { type CliIo, EXIT } from '../cli-io.js';
import { CommandRun } from '../command-run.js';
import { withRepoOption } from '../repository-option.js';
import { writeSheet } from '../spreadsheet/write-sheet.js';
import { allowErrorsOption, guardWrites } from '../write-guard.js';

type Options = {
  repo?: string;
  json?: boolean;
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

async function exportComments(options: Options, run: CommandRun): Promise<number> {
  const io = run.io;
  const extensions = FORMATS[options.format];
  if (!extensions) return run.fail(`unknown format "${options.format}"; use xlsx, csv or both.`);
  const loaded = await run.load(undefined, options.repo);
  if (!loaded) return run.exitCode;
  const mapping = findMapping(loaded.config.spreadsheets, options.mapping);
  if (mapping?.target !== 'comments')
    return run.fail(
      `no comment mapping "${options.mapping}" (tracery.yaml spreadsheets:, or the built-in "comments").`,
    );
  const read = await loadComments(loaded);
  const guard = guardWrites(
    'export comments',
    [...loaded.diagnostics, ...read.diagnostics],
    io,
    options.allowErrors,
  );
  if (!guard.write) return run.json ? run.fail('nothing written', { exit: EXIT.findings }) : EXIT.findings;
  const written: { artefact: string; file: string; comments: number }[] = [];
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
      written.push({ artefact, file: path, comments: comments.length });
      io.err(`wrote ${path} (${comments.length} comments)`);
    }
  }
  if (byArtefact.size === 0) io.err('tracery export comments: no comments to export.');
  const failed = read.diagnostics.some((d) => d.severity === 'error');
  const exit = failed ? EXIT.findings : EXIT.ok;
  if (!run.json) return exit;
  const payload = { folder: options.out, files: written };
  return run.finish({ ok: !failed, payload, diagnostics: read.diagnostics, text: () => '', exit });
}

/** Registers `tracery export comments` on the `export` command. */
export function registerExportComments(
  exportCommand: Command,
  io: CliIo,
  setExit: (code: number) => void,
): void {
  const command = withRepoOption(exportCommand.command('comments'))
    .description(
      'Write the review-comment log of each artefact as XLSX and CSV (one file per artefact, every round), by a column mapping; `tracery import comments` reads them back unchanged.',
    )
    .requiredOption('--out <dir>', 'the folder to write <artefact>.xlsx and <artefact>.csv to')
    .option('--format <format>', 'xlsx, csv or both', 'both')
    .option(
      '--mapping <name>',
      'the column mapping (tracery.yaml spreadsheets:, or the built-in "comments")',
      'comments',
    )
    .option('--artefact <ids...>', 'only these artefacts')
    .option('--json', 'print the JSON envelope (the files written) on standard output')
    .addHelpText(
      'after',
      '\nExit codes: 0 done, 1 the repository or its comment files have errors (nothing written without --allow-errors), 2 bad usage.',
    );
  allowErrorsOption(command).action(async (options: Options) => {
    setExit(await exportComments(options, new CommandRun('export comments', io, options.json === true)));
  });
}
