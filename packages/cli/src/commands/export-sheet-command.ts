import { extname } from 'node:path';
import { elementsToTable, findMapping, type SpreadsheetMapping } from '@tracery/core/advanced';
import type { Command } from 'commander';
import { type CliIo, EXIT } from '../cli-io.js';
import { CommandRun } from '../command-run.js';
import { withRepoOption } from '../repository-option.js';
import { writeSheet } from '../spreadsheet/write-sheet.js';
import { allowErrorsOption, guardWrites } from '../write-guard.js';

type Options = {
  repo?: string;
  json?: boolean;
  mapping: string;
  kind?: string[];
  out: string;
  allowErrors?: boolean;
};

/** The kinds a mapping exports: the ones asked for, else the mapping's kind, else those its kind column maps to. */
function kindsOf(
  mapping: SpreadsheetMapping,
  asked: readonly string[] | undefined,
  all: Iterable<string>,
): string[] {
  if (asked && asked.length > 0) return [...asked];
  if (mapping.kind) return [mapping.kind];
  const column = mapping.columns.kind;
  if (column && typeof column !== 'string' && column.values)
    return [...new Set(Object.values(column.values))].sort();
  return [...all].sort();
}

async function exportSheet(format: string, options: Options, run: CommandRun): Promise<number> {
  const loaded = await run.load(undefined, options.repo);
  if (!loaded) return run.exitCode;
  const mapping = findMapping(loaded.config.spreadsheets, options.mapping);
  if (mapping?.target !== 'elements')
    return run.fail(
      `no element mapping "${options.mapping}" (tracery.yaml spreadsheets:, or the built-in "elements" or "azure-devops").`,
    );
  if (extname(options.out).toLowerCase() !== `.${format}`) return run.fail(`--out must end in .${format}.`);
  const kinds = kindsOf(mapping, options.kind, loaded.metamodel.kinds.keys());
  const unknown = kinds.filter((k) => !loaded.metamodel.kinds.has(k));
  if (unknown.length > 0)
    return run.fail(
      `unknown kind ${unknown.join(', ')}; the kinds are ${[...loaded.metamodel.kinds.keys()].join(', ')}.`,
    );
  if (!guardWrites(`export ${format}`, loaded.diagnostics, run.io, options.allowErrors).write)
    return run.json ? run.fail('nothing written', { exit: EXIT.findings }) : EXIT.findings;
  const ids = kinds.flatMap((k) => [...loaded.model.idsOfKind(k)]);
  await writeSheet(options.out, elementsToTable(loaded.model, ids, mapping, kinds.join(' ')));
  run.io.err(`wrote ${options.out} (${ids.length} elements: ${kinds.join(', ')})`);
  if (!run.json) return EXIT.ok;
  const payload = { file: options.out, elements: ids.length, kinds };
  return run.finish({ ok: true, payload, text: () => '', exit: EXIT.ok });
}

/** Registers `tracery export csv` and `tracery export xlsx` on the `export` command. */
export function registerExportSheets(
  exportCommand: Command,
  io: CliIo,
  setExit: (code: number) => void,
): void {
  for (const format of ['csv', 'xlsx']) {
    const command = withRepoOption(exportCommand.command(format))
      .description(
        `Write elements of some kinds to a ${format.toUpperCase()} file by a column mapping; \`tracery import ${format}\` reads it back.`,
      )
      .option(
        '--mapping <name>',
        'the column mapping: tracery.yaml spreadsheets:, or the built-in "elements" or "azure-devops"',
        'elements',
      )
      .option('--kind <kinds...>', "the kinds to export (default: the mapping's kinds, else every kind)")
      .requiredOption('--out <file>', `the ${format.toUpperCase()} file to write`)
      .option('--json', 'print the JSON envelope (the file written) on standard output')
      .addHelpText(
        'after',
        '\nExit codes: 0 done, 1 the repository has load errors (nothing written without --allow-errors), 2 bad usage.',
      );
    allowErrorsOption(command).action(async (options: Options) => {
      setExit(
        await exportSheet(format, options, new CommandRun(`export ${format}`, io, options.json === true)),
      );
    });
  }
}
