import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  formatDiagnostic,
  formatPath,
  type LoadedRepository,
  type TraceHit,
  TraceryError,
  type TraceryRepository,
} from '@tracery/core';
import { renderTestTrace, TEST_TRACE_FORMATS, type TestTraceFormat, textTable } from '@tracery/core/render';
import type { Command } from 'commander';
import { type CliIo, EXIT } from '../cli-io.js';
import { CommandRun } from '../command-run.js';
import { addEngineOptions, type EngineOptions, engineProblem, traceFromNeo4j } from '../neo4j-engine.js';
import { plural } from '../plural.js';
import { CONFIG_FILE, withRepoOption } from '../repository-option.js';
import { checkFormat } from '../write-output.js';

/** The options of `tracery trace`. */
type TraceCommandOptions = EngineOptions & {
  repo?: string;
  format: string;
  json?: boolean;
  out?: string;
  up?: boolean;
  down?: boolean;
  to?: string;
  depth?: string;
  types?: string;
  kinds?: string;
};

/** The options of `tracery trace report`. */
type ReportOptions = { repo?: string; format: string; json?: boolean; out?: string; failUnder?: string };

const list = (value: string | undefined) =>
  value === undefined
    ? undefined
    : value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);

/** Renders trace hits as text: depth, id, kind and the path that explains each. */
export function renderTraceHits(hits: readonly TraceHit[]): string {
  if (hits.length === 0) return 'nothing reached';
  return textTable(
    ['depth', 'id', 'kind', 'path'],
    hits.map((h) => [h.depth, h.id, h.kind, formatPath(h.path)]),
    [0],
  );
}

function parseDepth(value: string | undefined): number | undefined | 'bad' {
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : 'bad';
}

async function runReport(dir: string | undefined, options: ReportOptions, io: CliIo): Promise<number> {
  const json = options.json === true || options.format === 'json';
  const run = new CommandRun('trace report', io, json);
  const failUnder = options.failUnder === undefined ? undefined : Number(options.failUnder);
  const message =
    checkFormat(options.format, TEST_TRACE_FORMATS) ??
    (failUnder !== undefined && !(failUnder >= 0 && failUnder <= 100)
      ? `--fail-under: expected a percentage from 0 to 100, got "${options.failUnder}".`
      : undefined);
  if (message) return run.fail(message);
  const loaded = await run.load(dir, options.repo);
  if (!loaded) return run.exitCode;
  warnLoadErrors(loaded, io);
  const { report, diagnostics } = await loaded.testTrace();
  for (const d of diagnostics) if (d.severity !== 'info') io.err(formatDiagnostic(d));
  const broken = diagnostics.filter((d) => d.severity === 'error').length;
  if (broken > 0)
    // A refused, unreadable or empty results file would otherwise pass as tests "not run".
    io.err(
      `tracery trace: ${broken} error(s) in the test results (above); the tests they held show as not run. Exit 1 (results.problems: warning in tracery.yaml makes these warnings).`,
    );
  const under = failUnder !== undefined && report.summary.coveragePct < failUnder;
  if (under)
    io.err(`coverage ${report.summary.coveragePct.toFixed(1)}% is under --fail-under ${failUnder}%.`);
  return run.finish({
    ok: !under && broken === 0,
    payload: report,
    diagnostics,
    text: () => renderTestTrace(report, options.format as TestTraceFormat),
    out: options.out,
    exit: under || broken > 0 ? EXIT.findings : EXIT.ok,
  });
}

function warnLoadErrors(loaded: LoadedRepository, io: CliIo): void {
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0)
    io.err(
      `warning: the repository has ${plural(errors, 'load error')} (run tracery validate); tracing what loaded.`,
    );
}

/** The message for an argument that is no element id: a repository folder, or an unknown id. */
function notAnId(run: CommandRun, loaded: TraceryRepository, id: string): number {
  if (existsSync(join(id, CONFIG_FILE)))
    return run.fail(
      `"${id}" is a repository folder, not an element id; for its test-trace report run "tracery trace report ${id}".`,
    );
  run.requireIds(loaded.model, [id]);
  return run.exitCode;
}

function traceOptionsOf(options: TraceCommandOptions, depth: number | undefined | 'bad') {
  return {
    ...(options.types ? { types: list(options.types)! } : {}),
    ...(options.kinds ? { kinds: list(options.kinds)! } : {}),
    ...(typeof depth === 'number' ? { maxDepth: depth } : {}),
  };
}

async function runTrace(id: string | undefined, options: TraceCommandOptions, io: CliIo): Promise<number> {
  const json = options.json === true || options.format === 'json';
  const run = new CommandRun('trace', io, json);
  const depth = parseDepth(options.depth);
  const problem =
    id === undefined
      ? 'give an element id ("tracery trace REQ-LSS-001 --down"), or "tracery trace report" for the test-trace report.'
      : options.up && options.down
        ? 'give one of --up and --down, not both.'
        : depth === 'bad'
          ? `--depth: expected a non-negative integer, got "${options.depth}".`
          : (engineProblem(options) ?? checkFormat(options.format, ['text', 'json']));
  if (problem || id === undefined) return run.fail(problem ?? '');
  if (options.engine === 'neo4j') {
    const show = (hits: readonly TraceHit[]) => ({
      payload: { id, direction: options.up ? 'up' : 'down', hits },
      text: () => renderTraceHits(hits),
    });
    return traceFromNeo4j(run, id, options, traceOptionsOf(options, depth), show);
  }
  const loaded = await run.load(undefined, options.repo);
  if (!loaded) return run.exitCode;
  if (!loaded.model.hasElement(id)) return notAnId(run, loaded, id);
  if (options.to !== undefined && !run.requireIds(loaded.model, [options.to])) return run.exitCode;
  warnLoadErrors(loaded, io);
  try {
    if (options.to !== undefined) {
      const path = loaded.trace(id, options.to, {
        ...(options.types ? { types: list(options.types)! } : {}),
        ...(typeof depth === 'number' ? { maxDepth: depth } : {}),
      });
      return run.finish({
        ok: path !== undefined,
        payload: { from: id, to: options.to, path: path ?? null },
        text: () => (path ? formatPath(path) : `no path from ${id} to ${options.to}`),
        out: options.out,
        exit: path ? EXIT.ok : EXIT.findings,
      });
    }
    const direction = options.up ? 'up' : 'down';
    const hits = loaded.trace(id, { ...traceOptionsOf(options, depth), direction });
    return run.finish({
      ok: true,
      payload: { id, direction: options.up ? 'up' : 'down', hits },
      text: () => renderTraceHits(hits),
      out: options.out,
      exit: EXIT.ok,
    });
  } catch (error) {
    if (!(error instanceof TraceryError)) throw error;
    return run.fail(error.message);
  }
}

/** Registers `tracery trace <id>` (what an element traces to) and `tracery trace report` (the test-trace report). */
export function registerTrace(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const trace = withRepoOption(
    program
      .command('trace')
      .description(
        'What an element traces to (--down, the default, --up, or --to another); "trace report" writes the test-trace report.',
      )
      .argument('[id]', 'the element id to trace from')
      // options after "report" are the report's own, not the element trace's
      .enablePositionalOptions(),
  )
    .option('--format <format>', 'text or json (json: the JSON envelope, as --json)', 'text')
    .option('--json', 'the same as --format json')
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--up', 'trace upstream of the element: against the way relations read')
    .option('--down', 'trace downstream of the element: the way relations read (the default)')
    .option(
      '--to <id>',
      'the path from the element to this one: fewest governance and documentation links, then shortest (--types overrides)',
    )
    .option('--depth <n>', 'how many relations away to go at most')
    .option('--types <names>', 'relation names to follow, comma-separated (verifiedBy,satisfiedBy)')
    .option('--kinds <kinds>', 'only list elements of these kinds, comma-separated');
  addEngineOptions(trace)
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  tracery trace REQ-LSS-001 --repo packages/examples/mhhs --down --types satisfiedBy,verifiedBy',
        '  tracery trace TC-LSS-001 --repo packages/examples/mhhs --up --depth 2',
        '  tracery trace REQ-LSS-001 --repo packages/examples/mhhs --down --engine neo4j',
        '  tracery trace report packages/examples/mhhs --format html --out test-trace.html',
        '',
        'Exit codes: 0 ok, 1 coverage under --fail-under, no path with --to, load errors, or a refused or empty results file, 2 bad usage, an unknown id or unreadable input.',
      ].join('\n'),
    )
    .action(async (id: string | undefined, options: TraceCommandOptions) => {
      setExit(await runTrace(id, options, io));
    });
  withRepoOption(
    trace
      .command('report')
      .description(
        'The test-trace report: each requirement, what satisfies and verifies it, the latest JUnit results (results/**/*.xml), and a verdict.',
      )
      .argument('[dir]', 'the repository folder: a shorthand for --repo'),
  )
    .option('--format <format>', `${TEST_TRACE_FORMATS.join(', ')} (json: the JSON envelope)`, 'text')
    .option('--json', 'the same as --format json')
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--fail-under <percent>', 'exit 1 when requirement coverage is under this percentage')
    .addHelpText(
      'after',
      '\nExit codes: 0 ok, 1 coverage under --fail-under, 2 bad usage or unreadable input.',
    )
    .action(async (dir: string | undefined, options: ReportOptions) => {
      setExit(await runReport(dir, options, io));
    });
}
