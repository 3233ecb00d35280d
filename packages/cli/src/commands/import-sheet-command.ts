import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compareDiagnostics, type Diagnostic, formatDiagnostic, hasErrors } from '@tracery/core';
import {
  type ElementImportPlan,
  findMapping,
  mappingNames,
  planElementImport,
  type SpreadsheetMapping,
  tableToElements,
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
  kind?: string;
  file?: string;
  write?: boolean;
  allowErrors?: boolean;
  json?: boolean;
  out?: string;
};

/** What `tracery import csv|xlsx` found; its `--json` payload is this without `ok` and `diagnostics` (the envelope has them). */
export type SheetImportReport = Omit<ElementImportPlan, 'text'> & {
  readonly ok: boolean;
  readonly sheet: string;
  readonly written: boolean;
  readonly changed: boolean;
};

function render(report: SheetImportReport, io: CliIo): string {
  const c = colours(io);
  const lines = report.diagnostics.map((d) =>
    d.severity === 'error' ? c.red(formatDiagnostic(d)) : formatDiagnostic(d),
  );
  const summary = `${report.sheet}: ${report.added.length} new, ${report.updated.length} updated, ${report.unchanged} unchanged elements`;
  if (!report.ok) lines.push(c.bold(`failed: ${summary} (nothing written)`));
  else if (!report.changed) lines.push(c.green(`ok: ${summary}; ${report.file} is up to date`));
  else
    lines.push(
      c.green(
        `ok: ${summary}; ${report.written ? 'wrote' : 'would write (run with --write)'} ${report.file}`,
      ),
    );
  return lines.join('\n');
}

function mappingFor(
  found: SpreadsheetMapping | undefined,
  kind: string | undefined,
): SpreadsheetMapping | undefined {
  if (found?.target !== 'elements') return undefined;
  return kind ? { ...found, kind } : found;
}

async function importSheet(file: string, options: Options, command: CommandRun): Promise<number> {
  const io = command.io;
  const loaded = await command.load(undefined, options.repo);
  if (!loaded) return command.exitCode;
  const mapping = mappingFor(findMapping(loaded.config.spreadsheets, options.mapping), options.kind);
  if (!mapping) {
    const names = mappingNames(loaded.config.spreadsheets).filter(
      (n) => findMapping(loaded.config.spreadsheets, n)?.target === 'elements',
    );
    const known =
      names.length > 0
        ? `the element mappings are ${names.join(', ')}`
        : 'tracery.yaml has no mapping with target: elements';
    return command.fail(`no element mapping "${options.mapping}"; ${known} (tracery.yaml spreadsheets:).`);
  }
  const sheet = options.sheet ?? mapping.sheet;
  const table = await readSheetTable(file, shownPath(loaded.root, file), {
    headerRow: mapping.headerRow,
    ...(sheet ? { sheet } : {}),
  });
  const read = tableToElements(table, mapping, loaded.metamodel, options.mapping);
  const target = options.file ?? mapping.file ?? `model/imported/${options.mapping}.yaml`;
  const existing = await readFile(join(loaded.root, target), 'utf8').catch(() => undefined);
  const mapped = new Set([...Object.keys(mapping.columns), ...(mapping.kind ? ['kind'] : [])]);
  const plan = planElementImport(loaded.model, table, read.elements, target, existing, mapped);
  const diagnostics: Diagnostic[] = [...read.diagnostics, ...plan.diagnostics].sort(compareDiagnostics);
  const ok = !hasErrors(diagnostics);
  const guard = options.write
    ? guardWrites('import --write', loaded.diagnostics, io, options.allowErrors)
    : undefined;
  if (guard && !guard.write) return EXIT.findings;
  const write = Boolean(guard?.write) && ok && plan.text !== undefined;
  if (write) await writeFileAtomic(join(loaded.root, target), plan.text!);
  const { text: _text, ...rest } = plan;
  const report: SheetImportReport = {
    ...rest,
    diagnostics,
    ok,
    sheet: `${table.file} (${table.sheet})`,
    written: write,
    changed: plan.text !== undefined,
  };
  const { ok: _ok, diagnostics: _diagnostics, ...payload } = report;
  return command.finish({
    ok,
    payload,
    diagnostics,
    text: () => render(report, io),
    out: options.out,
    exit: ok ? EXIT.ok : EXIT.findings,
  });
}

/** Registers `tracery import csv <file>` and `tracery import xlsx <file>` on the `import` command. */
export function registerImportSheets(
  importCommand: Command,
  io: CliIo,
  setExit: (code: number) => void,
): void {
  for (const format of ['csv', 'xlsx']) {
    const command = withRepoOption(importCommand.command(format))
      .description(
        `Read elements (requirements, test cases, an Azure DevOps work-item export ...) from a ${format.toUpperCase()} file by a column mapping and report what they add or change; --write writes them to the import's own model file. Importing the same sheet again changes nothing.`,
      )
      .argument('<file>', `the ${format.toUpperCase()} file`)
      .option(
        '--mapping <name>',
        'the column mapping: tracery.yaml spreadsheets:, or the built-in "elements" or "azure-devops"',
        'elements',
      )
      .option('--kind <kind>', 'the kind of every row, when the sheet has no kind column')
      .option('--sheet <name>', "the worksheet to read (default: the mapping's, else the first)")
      .option(
        '--file <path>',
        "the model file to write (default: the mapping's file, else model/imported/<mapping>.yaml)",
      )
      .option('--write', 'write the model file (nothing is written when a row has an error)')
      .option('--json', 'print the JSON envelope instead of text')
      .option('--out <file>', 'write the report to a file instead of standard output')
      .addHelpText(
        'after',
        '\nExit codes: 0 done, 1 bad rows (placed by sheet, row and column; nothing written), 2 bad usage or an unreadable file.',
      );
    allowErrorsOption(command).action(async (file: string, options: Options) => {
      const run = new CommandRun(`import ${format}`, io, options.json === true);
      try {
        setExit(await importSheet(file, options, run));
      } catch (error) {
        if (!(error instanceof SpreadsheetReadError) && (error as NodeJS.ErrnoException).code !== 'ENOENT')
          throw error;
        setExit(run.fail((error as Error).message));
      }
    });
  }
}
