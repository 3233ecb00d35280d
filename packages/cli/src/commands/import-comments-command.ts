import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { compareDiagnostics, type Diagnostic, formatDiagnostic, hasErrors } from '@tracery/core';
import {
  type CommentWritePlan,
  findMapping,
  loadComments,
  mappingNames,
  planCommentImport,
  tableToComments,
  writeFileAtomic,
} from '@tracery/core/advanced';
import type { Command } from 'commander';
import { type CliIo, colours, EXIT } from '../cli-io.js';
import { CommandRun } from '../command-run.js';
import { withRepoOption } from '../repository-option.js';
import { readSheetTable, SpreadsheetReadError } from '../spreadsheet/read-sheet.js';
import { shownPath } from '../spreadsheet/sheet-path.js';
import { allowErrorsOption, guardWrites } from '../write-guard.js';

type Options = {
  repo?: string;
  mapping: string;
  sheet?: string;
  artefact?: string;
  round?: string;
  write?: boolean;
  allowErrors?: boolean;
  json?: boolean;
  out?: string;
};

/** What `tracery import comments` found; its `--json` payload is this without `ok` and `diagnostics` (the envelope has them). */
export type CommentImportReport = {
  readonly ok: boolean;
  readonly file: string;
  readonly written: boolean;
  readonly rows: number;
  readonly added: readonly string[];
  readonly updated: readonly string[];
  readonly unchanged: number;
  /** Repository paths of the comment files written (or that --write would write). */
  readonly files: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
};

function render(report: CommentImportReport, io: CliIo): string {
  const c = colours(io);
  const lines = report.diagnostics.map((d) => {
    const text = formatDiagnostic(d);
    return d.severity === 'error' ? c.red(text) : d.severity === 'warning' ? c.yellow(text) : text;
  });
  const verb = report.written ? 'wrote' : 'would write';
  for (const file of report.files) lines.push(`  ${verb} ${file}`);
  const summary = `${report.file}: ${report.rows} comments read; ${report.added.length} new, ${report.updated.length} updated, ${report.unchanged} unchanged`;
  lines.push(
    !report.ok
      ? c.bold(`failed: ${summary} (nothing written)`)
      : c.green(
          `ok: ${summary}${report.written || report.files.length === 0 ? '' : ' (run with --write to write them)'}`,
        ),
  );
  return lines.join('\n');
}

async function applyPlan(root: string, plan: CommentWritePlan, mayDelete: boolean): Promise<void> {
  for (const [file, text] of plan.files) {
    if (text === null) {
      if (mayDelete) await rm(join(root, file), { force: true });
    } else await writeFileAtomic(join(root, file), text);
  }
}

async function importComments(file: string, options: Options, command: CommandRun): Promise<number> {
  const io = command.io;
  const loaded = await command.load(undefined, options.repo);
  if (!loaded) return command.exitCode;
  const mapping = findMapping(loaded.config.spreadsheets, options.mapping);
  if (mapping?.target !== 'comments') {
    const names = mappingNames(loaded.config.spreadsheets).filter(
      (n) => findMapping(loaded.config.spreadsheets, n)?.target === 'comments',
    );
    return command.fail(
      `no comment mapping "${options.mapping}"; the comment mappings are ${names.join(', ')} (tracery.yaml spreadsheets:).`,
    );
  }
  const existing = await loadComments(loaded);
  const shown = shownPath(loaded.root, file);
  const sheet = options.sheet ?? mapping.sheet;
  const table = await readSheetTable(file, shown, {
    headerRow: mapping.headerRow,
    ...(sheet ? { sheet } : {}),
  });
  const defaults = {
    ...(options.artefact ? { artefact: options.artefact } : {}),
    ...(options.round ? { round: options.round } : {}),
  };
  const read = tableToComments(table, mapping, {
    model: loaded.model,
    statuses: existing.statuses,
    mappingName: options.mapping,
    defaults,
  });
  const mapped = new Set([
    ...Object.keys(mapping.columns).map((f) => f.split('.')[0]!),
    ...Object.keys(defaults),
  ]);
  const plan = planCommentImport(existing.comments, read.comments, mapped);
  const diagnostics = [...read.diagnostics, ...plan.diagnostics].sort(compareDiagnostics);
  const ok = !hasErrors(diagnostics);
  const guard = options.write
    ? guardWrites(
        'import comments --write',
        [...loaded.diagnostics, ...existing.diagnostics],
        io,
        options.allowErrors,
      )
    : undefined;
  if (guard && !guard.write) return EXIT.findings;
  const write = Boolean(guard?.write) && ok;
  if (write) await applyPlan(loaded.root, plan, guard?.delete ?? false);
  const report: CommentImportReport = {
    ok,
    file: shown,
    written: write && plan.files.size > 0,
    rows: read.comments.length,
    added: plan.added,
    updated: plan.updated,
    unchanged: plan.unchanged,
    files: [...plan.files.keys()],
    diagnostics,
  };
  const { ok: _ok, diagnostics: _diagnostics, ...payload } = report;
  return command.finish({
    ok,
    payload,
    diagnostics: [...existing.diagnostics, ...diagnostics],
    text: () => render(report, io),
    out: options.out,
    exit: ok ? EXIT.ok : EXIT.findings,
  });
}

/** Registers `tracery import comments <file>` on the `import` command. */
export function registerImportComments(
  importCommand: Command,
  io: CliIo,
  setExit: (code: number) => void,
): void {
  const command = withRepoOption(importCommand.command('comments'))
    .description(
      'Read a review-comment log (XLSX or CSV) by a column mapping and report the comments it adds or updates; --write writes them to comments/<artefact>/<round>.yaml. Importing the same log again changes nothing.',
    )
    .argument('<file>', 'the comment log, .xlsx or .csv')
    .option(
      '--mapping <name>',
      'the column mapping (tracery.yaml spreadsheets:, or the built-in "comments")',
      'comments',
    )
    .option('--sheet <name>', "the worksheet to read (default: the mapping's, else the first)")
    .option('--artefact <id>', 'the artefact of every row, when the log has no artefact column')
    .option('--round <round>', 'the review round of every row, when the log has no round column')
    .option('--write', 'write the comment files (nothing is written when a row has an error)')
    .option('--json', 'print the JSON envelope instead of text')
    .option('--out <file>', 'write the report to a file instead of standard output')
    .addHelpText(
      'after',
      "\nA known comment id takes the log's status, response and other mapped fields; fields the mapping does not read stay.\nExit codes: 0 done, 1 bad rows (each placed by sheet, row and column; nothing written), 2 bad usage or an unreadable file.",
    );
  allowErrorsOption(command).action(async (file: string, options: Options) => {
    const run = new CommandRun('import comments', io, options.json === true);
    try {
      setExit(await importComments(file, options, run));
    } catch (error) {
      if (!(error instanceof SpreadsheetReadError) && (error as NodeJS.ErrnoException).code !== 'ENOENT')
        throw error;
      setExit(run.fail((error as Error).message));
    }
  });
}
