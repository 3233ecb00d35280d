import { bpmnSourceLoader } from '@tracery/bpmn';
import {
  type AssessOptions,
  assessChangeRequest,
  assessOptionsFromConfig,
  changedIds,
  compareOptions,
  computeImpact,
  createSnapshot,
  didYouMeanSuffix,
  diffSnapshots,
  type LoadedRepository,
  loadState,
  renderAssessmentMarkdown,
  renderAssessmentText,
  renderComparisonMarkdown,
  renderComparisonText,
  renderImpactMarkdown,
  renderImpactText,
  TraceryError,
} from '@tracery/core';
import type { Command } from 'commander';
import { type CliIo, EXIT } from '../cli-io.js';
import { loadForCli } from '../load-for-cli.js';
import { checkFormat, writeOutput } from '../write-output.js';

/** The options of `tracery impact`. */
type ImpactCommandOptions = {
  repo: string;
  cr?: string;
  decision?: string;
  since?: string;
  depth?: string;
  stopAt?: string;
  types?: string;
  skip?: string;
  kinds?: string;
  format: string;
  json?: boolean;
  out?: string;
};

const FORMATS = ['text', 'md', 'json'] as const;

const list = (value: string | undefined) =>
  value
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** The impact options the command line gives, over the repository's `impact:` and `estimate:` defaults. */
function runOptions(loaded: LoadedRepository, options: ImpactCommandOptions): AssessOptions | string {
  const overrides: Record<string, unknown> = {};
  if (options.depth !== undefined) {
    const depth = Number(options.depth);
    if (!Number.isInteger(depth) || depth < 0)
      return `--depth: expected a whole number of hops, got "${options.depth}".`;
    overrides.maxDepth = depth;
  }
  if (options.stopAt !== undefined) overrides.stopAtKinds = list(options.stopAt);
  if (options.types !== undefined) overrides.types = list(options.types);
  if (options.skip !== undefined) overrides.skipTypes = list(options.skip);
  for (const kind of list(options.kinds) ?? [])
    if (!loaded.metamodel.kinds.has(kind))
      return `--kinds: unknown kind "${kind}"${didYouMeanSuffix(kind, loaded.metamodel.kinds.keys()) || `; the kinds are ${[...loaded.metamodel.kinds.keys()].sort().join(', ')}.`}`;
  return assessOptionsFromConfig(loaded.config, overrides as AssessOptions);
}

function usage(ids: readonly string[], options: ImpactCommandOptions, format: string): string | undefined {
  const modes = [ids.length > 0, options.cr, options.decision, options.since].filter(Boolean).length;
  if (modes !== 1) return 'give element ids, or one of --cr, --decision or --since.';
  return checkFormat(format, FORMATS);
}

async function render(
  loaded: LoadedRepository,
  ids: readonly string[],
  options: ImpactCommandOptions,
  run: AssessOptions,
  format: string,
): Promise<string> {
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  if (options.cr) {
    const a = assessChangeRequest(loaded.model, options.cr, run);
    return format === 'json'
      ? json(a)
      : format === 'md'
        ? renderAssessmentMarkdown(a)
        : renderAssessmentText(a);
  }
  if (options.decision) {
    const c = compareOptions(loaded.model, options.decision, run);
    return format === 'json'
      ? json(c)
      : format === 'md'
        ? renderComparisonMarkdown(c)
        : renderComparisonText(c);
  }
  let seeds = ids;
  if (options.since) {
    const base = await loadState(loaded.root, options.since, { loaders: [bpmnSourceLoader()] });
    seeds = changedIds(diffSnapshots(base.snapshot, createSnapshot(loaded.model))).filter((id) =>
      loaded.model.hasElement(id),
    );
  }
  const result = computeImpact(loaded.model, seeds, run);
  const kinds = list(options.kinds);
  const shown = kinds ? { kinds } : {};
  return format === 'json'
    ? json(kinds ? { ...result, impacted: result.impacted.filter((e) => kinds.includes(e.kind)) } : result)
    : format === 'md'
      ? renderImpactMarkdown(result, shown)
      : renderImpactText(result, shown);
}

/** Registers `tracery impact <ids...> | --cr CR | --decision DEC | --since BASE`. */
export function registerImpact(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('impact')
    .description(
      'What a change impacts, and why: from element ids, a change request (--cr), the options of a decision (--decision), or the changes since a baseline (--since).',
    )
    .argument('[ids...]', 'the ids of the changed elements')
    .option('--repo <dir>', 'the repository folder', '.')
    .option(
      '--cr <id>',
      'assess a change request: impact, artefacts to re-issue, tests to re-run, parties, estimate',
    )
    .option('--decision <id>', 'assess every change request that is an option of this decision, side by side')
    .option('--since <base>', 'start from what changed since a baseline, "git:<rev>", to the working tree')
    .option('--depth <n>', 'follow at most n hops')
    .option(
      '--stop-at <kinds>',
      'comma-separated kinds that are reported but that a change does not go on through (as if notified)',
    )
    .option(
      '--types <names>',
      'comma-separated relation names to cross, and no others, each in the direction it reads (hasPart: from a whole to its parts), as in trace',
    )
    .option('--skip <names>', 'comma-separated relation names never to cross')
    .option(
      '--kinds <kinds>',
      'show only impacted elements of these kinds in the table (the walk is unchanged)',
    )
    .option('--format <format>', `output format: ${FORMATS.join(', ')}`, 'text')
    .option('--json', 'the same as --format json')
    .option('--out <file>', 'write the report to a file instead of standard output')
    .addHelpText(
      'after',
      '\nEffects per relation type and direction, and the defaults, come from the impact: and estimate: sections of tracery.yaml.\nExit codes: 0 done, 2 bad usage, an unknown id, or a decision that names no Decision.',
    )
    .action(async (ids: string[], options: ImpactCommandOptions) => {
      const format = options.json ? 'json' : options.format;
      const bad = usage(ids, options, format);
      if (bad) {
        io.err(`tracery impact: ${bad}`);
        return setExit(EXIT.usage);
      }
      const loaded = await loadForCli(options.repo, io);
      if (!loaded) return setExit(EXIT.usage);
      const run = runOptions(loaded, options);
      if (typeof run === 'string') {
        io.err(`tracery impact: ${run}`);
        return setExit(EXIT.usage);
      }
      try {
        await writeOutput(await render(loaded, ids, options, run, format), options.out, io);
        setExit(EXIT.ok);
      } catch (error) {
        if (!(error instanceof TraceryError)) throw error;
        io.err(`tracery impact: ${error.message}`);
        setExit(EXIT.usage);
      }
    });
}
