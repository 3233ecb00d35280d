import { resolve } from 'node:path';
import { writeFileAtomic } from '@tracery/core/advanced';
import type { Command } from 'commander';
import { type CliIo, EXIT } from '../cli-io.js';
import { CommandRun } from '../command-run.js';
import { plural } from '../plural.js';
import { withRepoOption } from '../repository-option.js';
import { allowErrorsOption, guardWrites } from '../write-guard.js';

type Options = {
  repo?: string;
  out: string;
  kinds?: string;
  title?: string;
  allowErrors?: boolean;
  json?: boolean;
};

/** Registers `tracery export reqif` under the `export` command. */
export function registerExportReqif(
  exportCommand: Command,
  io: CliIo,
  setExit: (code: number) => void,
): void {
  allowErrorsOption(
    withRepoOption(
      exportCommand
        .command('reqif')
        .description(
          'Write the model (or some kinds of it) as a ReqIF 1.2 file for DOORS, Polarion, Jama or Enterprise Architect.',
        ),
    )
      .requiredOption('--out <file>', 'the .reqif file to write')
      .option('--kinds <kinds>', 'only these kinds, comma-separated (default: every kind)')
      .option('--title <title>', 'the title of the exchange document'),
  )
    .option('--json', 'print the JSON envelope (what was written) instead of text')
    .addHelpText(
      'after',
      '\nLAST-CHANGE times are the current time, or SOURCE_DATE_EPOCH when set (for byte-identical exports).\nExit codes: 0 written, 1 the repository has load errors (nothing written), 2 bad usage.',
    )
    .action(async (options: Options) => {
      setExit(await runExportReqif(options, io));
    });
}

async function runExportReqif(options: Options, io: CliIo): Promise<number> {
  const run = new CommandRun('export reqif', io, options.json === true);
  const loaded = await run.load(undefined, options.repo);
  if (!loaded) return run.exitCode;
  if (!guardWrites('export reqif', loaded.diagnostics, io, options.allowErrors).write)
    return run.json
      ? run.fail('the repository has load errors; nothing was written.', { exit: EXIT.findings })
      : EXIT.findings;
  const kinds = options.kinds
    ?.split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');
  const unknown = kinds?.filter((k) => !loaded.metamodel.kinds.has(k)) ?? [];
  if (unknown.length > 0)
    return run.fail(
      `unknown kind${unknown.length === 1 ? '' : 's'} ${unknown.map((k) => `"${k}"`).join(', ')}; use ${[...loaded.metamodel.kinds.keys()].sort().join(', ')}.`,
    );
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const time = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000).toISOString() : undefined;
  // The ReqIF code is imported when a file is written, not at every command's start-up.
  const { exportReqif } = await import('@tracery/reqif');
  const text = exportReqif(loaded.model, {
    ...(kinds ? { kinds } : {}),
    title: options.title ?? loaded.config.name,
    ...(time ? { time } : {}),
  });
  await writeFileAtomic(resolve(options.out), text);
  const objects = (text.match(/<SPEC-OBJECT /g) ?? []).length;
  const relations = (text.match(/<SPEC-RELATION /g) ?? []).length;
  const summary = `wrote ${options.out}: ${plural(objects, 'spec object')}, ${plural(relations, 'spec relation')}`;
  if (!options.json) io.err(summary);
  return run.json
    ? run.finish({
        ok: true,
        payload: { file: options.out, objects, relations },
        text: () => summary,
        exit: EXIT.ok,
      })
    : EXIT.ok;
}
