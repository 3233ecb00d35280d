import {
  buildTestTrace,
  formatDiagnostic,
  type LoadedRepository,
  renderTestTrace,
  shortestPath,
  TEST_TRACE_FORMATS,
  type TestTraceFormat,
  type TraceHit,
  TraceryError,
  type TraceStep,
  textTable,
  traceDownstream,
  traceUpstream,
} from '@tracery/core';
import type { Command } from 'commander';
import { type CliIo, EXIT } from '../cli-io.js';
import { loadForCli } from '../load-for-cli.js';
import { addEngineOptions, type EngineOptions, engineProblem, traceFromNeo4j } from '../neo4j-engine.js';
import { checkFormat, writeOutput } from '../write-output.js';

/** The options of `tracery trace`. */
type TraceCommandOptions = EngineOptions & {
  repo?: string;
  report?: string;
  format: string;
  json?: boolean;
  out?: string;
  failUnder?: string;
  up?: boolean;
  down?: boolean;
  to?: string;
  depth?: string;
  types?: string;
  kinds?: string;
};

const list = (value: string | undefined) =>
  value === undefined
    ? undefined
    : value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);

const showPath = (path: readonly TraceStep[]) =>
  path.map((s, i) => `${i === 0 ? s.from : ''} -${s.name}-> ${s.to}`).join('');

/** Renders trace hits as text: depth, id, kind and the path that explains each. */
export function renderTraceHits(hits: readonly TraceHit[]): string {
  if (hits.length === 0) return 'nothing reached';
  return textTable(
    ['depth', 'id', 'kind', 'path'],
    hits.map((h) => [h.depth, h.id, h.kind, showPath(h.path)]),
    [0],
  );
}

function parseDepth(value: string | undefined): number | undefined | 'bad' {
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : 'bad';
}

async function runReport(dir: string, options: TraceCommandOptions, io: CliIo): Promise<number> {
  const format = options.json ? 'json' : options.format;
  const bad =
    (options.report ?? 'test-trace') !== 'test-trace'
      ? `unknown report "${options.report}"; the reports are: test-trace.`
      : checkFormat(format, TEST_TRACE_FORMATS);
  const failUnder = options.failUnder === undefined ? undefined : Number(options.failUnder);
  const message =
    bad ??
    (failUnder !== undefined && !(failUnder >= 0 && failUnder <= 100)
      ? `--fail-under: expected a percentage from 0 to 100, got "${options.failUnder}".`
      : undefined);
  if (message) {
    io.err(`tracery trace: ${message}`);
    return EXIT.usage;
  }
  const loaded = await loadForCli(dir, io);
  if (!loaded) return EXIT.usage;
  warnLoadErrors(loaded, io);
  const { report, diagnostics } = await buildTestTrace(loaded);
  for (const d of diagnostics) if (d.severity !== 'info') io.err(formatDiagnostic(d));
  await writeOutput(renderTestTrace(report, format as TestTraceFormat), options.out, io);
  if (failUnder !== undefined && report.summary.coveragePct < failUnder) {
    io.err(`coverage ${report.summary.coveragePct.toFixed(1)}% is under --fail-under ${failUnder}%.`);
    return EXIT.findings;
  }
  return EXIT.ok;
}

function warnLoadErrors(loaded: LoadedRepository, io: CliIo): void {
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0)
    io.err(`warning: the repository has ${errors} load errors (run tracery validate); tracing what loaded.`);
}

function traceOptionsOf(options: TraceCommandOptions, depth: number | undefined | 'bad') {
  return {
    ...(options.types ? { types: list(options.types)! } : {}),
    ...(options.kinds ? { kinds: list(options.kinds)! } : {}),
    ...(typeof depth === 'number' ? { maxDepth: depth } : {}),
  };
}

async function runTrace(id: string, options: TraceCommandOptions, io: CliIo): Promise<number> {
  const depth = parseDepth(options.depth);
  const problem =
    options.up && options.down
      ? 'give one of --up and --down, not both.'
      : depth === 'bad'
        ? `--depth: expected a non-negative integer, got "${options.depth}".`
        : (engineProblem(options) ?? checkFormat(options.json ? 'json' : options.format, ['text', 'json']));
  if (problem) {
    io.err(`tracery trace: ${problem}`);
    return EXIT.usage;
  }
  if (options.engine === 'neo4j') {
    const json = options.json === true || options.format === 'json';
    const render = (hits: readonly TraceHit[]) =>
      json
        ? JSON.stringify({ id, direction: options.up ? 'up' : 'down', hits }, null, 2)
        : renderTraceHits(hits);
    return traceFromNeo4j(id, options, traceOptionsOf(options, depth), render, io);
  }
  const loaded = await loadForCli(options.repo ?? '.', io);
  if (!loaded) return EXIT.usage;
  warnLoadErrors(loaded, io);
  const json = options.json === true || options.format === 'json';
  try {
    if (options.to !== undefined) {
      const path = shortestPath(loaded.model, id, options.to, {
        ...(options.types ? { types: list(options.types)! } : {}),
        ...(typeof depth === 'number' ? { maxDepth: depth } : {}),
      });
      const text = json
        ? JSON.stringify({ from: id, to: options.to, path: path ?? null }, null, 2)
        : path
          ? showPath(path)
          : `no path from ${id} to ${options.to}`;
      await writeOutput(text, options.out, io);
      return path ? EXIT.ok : EXIT.findings;
    }
    const trace = options.up ? traceUpstream : traceDownstream;
    const hits = trace(loaded.model, id, traceOptionsOf(options, depth));
    await writeOutput(
      json
        ? JSON.stringify({ id, direction: options.up ? 'up' : 'down', hits }, null, 2)
        : renderTraceHits(hits),
      options.out,
      io,
    );
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof TraceryError)) throw error;
    io.err(`tracery trace: ${error.message}`);
    return EXIT.usage;
  }
}

/** Registers `tracery trace`: the test-trace report of a repository, or the trace of one element. */
export function registerTrace(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const command = program
    .command('trace')
    .description('The test-trace report of a repository, or what an element traces to (--up/--down/--to).')
    .argument('[target]', 'the repository folder (report mode), or an element id with --up, --down or --to')
    .option('--repo <dir>', 'the repository, when the target is an element id', '.')
    .option('--report <name>', 'the report to write: test-trace', 'test-trace')
    .option('--format <format>', `text, md, csv, json or html (a trace: text or json)`, 'text')
    .option('--json', 'the same as --format json')
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--fail-under <percent>', 'exit 1 when requirement coverage is under this percentage')
    .option('--up', 'trace upstream of the element: against the way relations read')
    .option('--down', 'trace downstream of the element: the way relations read (the default)')
    .option('--to <id>', 'the shortest path from the element to this one')
    .option('--depth <n>', 'how many relations away to go at most')
    .option('--types <names>', 'relation names to follow, comma-separated (verifiedBy,satisfiedBy)')
    .option('--kinds <kinds>', 'only list elements of these kinds, comma-separated');
  addEngineOptions(command)
    .addHelpText(
      'after',
      [
        '',
        'Report mode (no --up, --down or --to): the target is the repository folder (default ".").',
        'Trace mode: the target is an element id and --repo names the repository (default ".").',
        '',
        'Examples:',
        '  tracery trace packages/examples/mhhs --format html --out test-trace.html',
        '  tracery trace . --fail-under 80',
        '  tracery trace REQ-LSS-001 --repo packages/examples/mhhs --down --types satisfiedBy,verifiedBy',
        '  tracery trace TC-LSS-001 --repo packages/examples/mhhs --up --depth 2',
        '  tracery trace REQ-LSS-001 --repo packages/examples/mhhs --down --engine neo4j --uri bolt://127.0.0.1:7687',
        '',
        'Exit codes: 0 ok, 1 coverage under --fail-under (or no path with --to), 2 bad usage or input.',
      ].join('\n'),
    )
    .action(async (target: string | undefined, options: TraceCommandOptions) => {
      const traceMode = options.up === true || options.down === true || options.to !== undefined;
      if (traceMode && target === undefined) {
        io.err('tracery trace: give the element id to trace, such as "tracery trace REQ-LSS-001 --down".');
        return setExit(EXIT.usage);
      }
      setExit(
        traceMode
          ? await runTrace(target!, options, io)
          : await runReport(target ?? options.repo ?? '.', options, io),
      );
    });
}
