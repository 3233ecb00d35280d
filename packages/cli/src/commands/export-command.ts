import { relative, resolve } from 'node:path';
import { type LoadedRepository, TraceryError } from '@tracery/core';
import type { ExportProgress, ExportResult, SyncCounts } from '@tracery/neo4j-adapter';
import type { Command } from 'commander';
import { type CliIo, colours, EXIT } from '../cli-io.js';
import { CommandRun } from '../command-run.js';
import { plural } from '../plural.js';
import { withRepoOption } from '../repository-option.js';
import { allowErrorsOption, guardWrites } from '../write-guard.js';

/** The payload of `tracery export neo4j --json`. Never holds a password. */
export type Neo4jExportReport = {
  /** The server, without any user information the URI held. */
  readonly uri: string;
  readonly database: string | null;
  readonly elementLabel: string;
  readonly nodes: SyncCounts;
  readonly relationships: SyncCounts;
  readonly writes: ExportResult['writes'];
  readonly batches: number;
  readonly hash: string | null;
};

type ExportCommandOptions = {
  repo?: string;
  uri: string;
  user?: string;
  passwordEnv?: string;
  database?: string;
  label: string;
  prune?: boolean;
  allowErrors?: boolean;
  verify?: boolean;
  batchSize?: string;
  connectTimeout: string;
  csv?: string;
  json?: boolean;
  out?: string;
};

const DEFAULT_URI = 'bolt://127.0.0.1:7687';

/** How to start a throw-away Neo4j on the default URI from a checkout of Tracery. */
export const START_COMMAND = 'pnpm --filter @tracery/neo4j-adapter neo4j:start';

/** Registers `tracery export neo4j [dir]`. */
export function registerExport(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const command = program.command('export').description('Export the model to other tools: neo4j.');
  const neo4j = withRepoOption(
    command
      .command('neo4j')
      .description(
        'Write the model to Neo4j (nodes labelled with their kind, typed relationships), or as CSV files for neo4j-admin with --csv. A second run of an unchanged model writes nothing.',
      )
      .argument('[dir]', 'the repository folder: a shorthand for --repo'),
  )
    .option('--uri <uri>', 'the Bolt URI (default: $TRACERY_NEO4J_URI, else bolt://127.0.0.1:7687)')
    .option('--user <name>', 'the user (default: $TRACERY_NEO4J_USER, else neo4j)')
    .option(
      '--password-env <var>',
      'the environment variable that holds the password (default: TRACERY_NEO4J_PASSWORD; unset: no authentication)',
    )
    .option('--database <name>', "the database (default: the server's default)")
    .option('--label <label>', 'the label every element node carries', 'Element')
    .option('--prune', 'delete the elements and exported relationships the model no longer holds');
  allowErrorsOption(neo4j)
    .option(
      '--verify',
      'compare the content of every node and relationship (not the stored hashes) and repair what differs',
    )
    .option('--batch-size <n>', 'rows per transaction (default 5000)')
    .option('--connect-timeout <seconds>', 'give up when the server does not answer within this time', '10')
    .option('--csv <dir>', 'write CSV files for neo4j-admin database import to this folder instead')
    .option('--json', 'print the JSON envelope instead of text')
    .option('--out <file>', 'write the report to a file instead of standard output')
    .addHelpText(
      'after',
      '\nThe password is read from the variable --password-env names, never from the command line, and never printed.\nA repository with load errors is not exported (exit 1) unless --allow-errors, which still never deletes anything.\nExit codes: 0 exported, 1 the repository has load errors, 2 bad usage, an unreadable repository, or a server that cannot be reached or refused the export.',
    )
    .action(async (dir: string | undefined, options: ExportCommandOptions) => {
      setExit(
        await runExport(
          dir,
          { ...options, uri: options.uri ?? process.env.TRACERY_NEO4J_URI ?? DEFAULT_URI },
          io,
        ),
      );
    });
}

async function runExport(dir: string | undefined, options: ExportCommandOptions, io: CliIo): Promise<number> {
  const run = new CommandRun('export neo4j', io, options.json === true);
  const batchSize = options.batchSize === undefined ? undefined : wholeNumber(options.batchSize);
  const timeout = Number(options.connectTimeout);
  if (batchSize === null)
    return run.fail(`--batch-size: expected a whole number, got "${options.batchSize}".`);
  if (!(timeout > 0))
    return run.fail(`--connect-timeout: expected a number of seconds, got "${options.connectTimeout}".`);
  const loaded = await run.load(dir, options.repo);
  if (!loaded) return run.exitCode;
  // Checked before any connection is opened or file written: a model that did not fully load must
  // never be taken for the whole design, least of all by --prune (the CLI's one load-error policy).
  const guard = guardWrites('export neo4j', loaded.diagnostics, io, options.allowErrors === true);
  if (!guard.write) return EXIT.findings;
  const prune = options.prune === true && guard.delete;
  // The adapter and its driver are imported here, when an export runs, not at every command's start-up.
  const { exportModel, Neo4jConnectionError } = await import('@tracery/neo4j-adapter');
  try {
    if (options.csv !== undefined) return await exportCsv(loaded, options, run);
    const result = await exportModel(
      {
        uri: options.uri,
        ...(options.user === undefined ? {} : { user: options.user }),
        ...(options.passwordEnv === undefined ? {} : { passwordEnv: options.passwordEnv }),
        connectionTimeoutMs: timeout * 1000,
      },
      loaded.model,
      {
        elementLabel: options.label,
        ...(options.database === undefined ? {} : { database: options.database }),
        ...(batchSize === undefined ? {} : { batchSize }),
        prune,
        verify: options.verify === true,
        ...(io.progress ? { onProgress: progressPrinter(io) } : {}),
      },
    );
    const report = exportReport(options, result);
    return run.finish({
      ok: true,
      payload: report,
      text: () => renderExport(report, io),
      out: options.out,
      exit: EXIT.ok,
    });
  } catch (error) {
    if (!(error instanceof TraceryError)) throw error;
    if (error instanceof Neo4jConnectionError)
      io.err(`tracery: no Neo4j? With Java 17 and Maven, start a local one: ${START_COMMAND}`);
    return run.fail(error.message);
  }
}

async function exportCsv(
  loaded: LoadedRepository,
  options: ExportCommandOptions,
  run: CommandRun,
): Promise<number> {
  const folder = resolve(options.csv ?? '.');
  const { writeImportCsv } = await import('@tracery/neo4j-adapter');
  const result = await writeImportCsv(loaded.model, folder, { elementLabel: options.label });
  const files = result.files.map((file) => relative(process.cwd(), file) || file);
  const text = [
    `wrote ${plural(files.length, 'CSV file')} to ${folder}:`,
    ...files.map((file) => `  ${file}`),
    'import them into an empty database with:',
    `  neo4j-admin database import full ${result.arguments.join(' ')} <database>`,
  ].join('\n');
  return run.finish({
    ok: true,
    payload: { folder, files, arguments: result.arguments },
    text: () => text,
    out: options.out,
    exit: EXIT.ok,
  });
}

/** Builds the report of an export; the URI loses any user information it held. */
function exportReport(options: ExportCommandOptions, result: ExportResult): Neo4jExportReport {
  return {
    uri: withoutUserInfo(options.uri),
    database: options.database ?? null,
    elementLabel: options.label,
    nodes: result.nodes,
    relationships: result.relationships,
    writes: result.writes,
    batches: result.batches,
    hash: result.hash ?? null,
  };
}

function renderExport(report: Neo4jExportReport, io: CliIo): string {
  const c = colours(io);
  const counts = (what: string, n: SyncCounts) =>
    `  ${what.padEnd(13)} ${n.created} created, ${n.updated} updated, ${n.unchanged} unchanged, ${n.deleted} deleted`;
  return [
    c.green(
      `exported to ${report.uri}${report.database ? ` (database ${report.database})` : ''}, label ${report.elementLabel}:`,
    ),
    counts('nodes', report.nodes),
    counts('relationships', report.relationships),
    `  graph hash    ${report.hash ?? '-'}`,
  ].join('\n');
}

/** Prints a line when a phase starts and at every tenth of it: for a terminal only. */
function progressPrinter(io: CliIo): (progress: ExportProgress) => void {
  let phase = '';
  let shown = -1;
  return ({ phase: now, done, total }) => {
    const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
    if (now === phase && tenth === shown) return;
    phase = now;
    shown = tenth;
    io.err(colours(io).dim(`  ${now.padEnd(13)} ${String(tenth * 10).padStart(3)}%  ${done} of ${total}`));
  };
}

function withoutUserInfo(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//');
}

function wholeNumber(text: string): number | null {
  return /^\d+$/.test(text) ? Number(text) : null;
}
