import {
  type AssessOptions,
  assessOptionsFromConfig,
  changedIds,
  createSnapshot,
  diffSnapshots,
  type ImpactResult,
  type LoadedRepository,
  TraceryError,
  type TraceryRepository,
} from '@tracery/core';
import { didYouMeanSuffix } from '@tracery/core/advanced';
import {
  renderAssessmentMarkdown,
  renderAssessmentText,
  renderComparisonMarkdown,
  renderComparisonText,
  renderImpactMarkdown,
  renderImpactText,
  renderReviewsText,
} from '@tracery/core/render';
import type { Command } from 'commander';
import { type CliIo, EXIT } from '../cli-io.js';
import { CommandRun } from '../command-run.js';
import { addEngineOptions, type EngineOptions, engineProblem, impactFromNeo4j } from '../neo4j-engine.js';
import { withRepoOption } from '../repository-option.js';
import { checkFormat } from '../write-output.js';

/** The options of `tracery impact`. */
type ImpactCommandOptions = EngineOptions & {
  repo?: string;
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

/** The impact options the command line gives, to go over the repository's `impact:` and `estimate:` defaults. */
function overridesOf(
  metamodel: LoadedRepository['metamodel'],
  options: ImpactCommandOptions,
): AssessOptions | string {
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
    if (!metamodel.kinds.has(kind))
      return `--kinds: unknown kind "${kind}"${didYouMeanSuffix(kind, metamodel.kinds.keys()) || `; the kinds are ${[...metamodel.kinds.keys()].sort().join(', ')}.`}`;
  return overrides as AssessOptions;
}

/** The command line's options over the repository's defaults (for the Neo4j engine, which has no TraceryRepository). */
function runOptions(
  loaded: Pick<LoadedRepository, 'metamodel' | 'config'>,
  options: ImpactCommandOptions,
): AssessOptions | string {
  const overrides = overridesOf(loaded.metamodel, options);
  return typeof overrides === 'string' ? overrides : assessOptionsFromConfig(loaded.config, overrides);
}

function usage(ids: readonly string[], options: ImpactCommandOptions, format: string): string | undefined {
  const modes = [ids.length > 0, options.cr, options.decision, options.since].filter(Boolean).length;
  if (modes !== 1) return 'give element ids, or one of --cr, --decision or --since.';
  if (options.engine === 'neo4j' && ids.length === 0)
    return '--engine neo4j answers for element ids; --cr, --decision and --since are answered in memory.';
  return engineProblem(options) ?? checkFormat(format, FORMATS);
}

type Rendered = { readonly payload: object; readonly text: () => string };

/** Answers as a script does, through the opened repository (with the command line's overrides). */
async function render(
  repo: TraceryRepository,
  ids: readonly string[],
  options: ImpactCommandOptions,
  overrides: AssessOptions,
  format: string,
): Promise<Rendered> {
  const target = options.cr ?? options.decision;
  if (target !== undefined) {
    const a = repo.assess(target, overrides);
    if ('changeRequest' in a)
      return {
        payload: a,
        text: () => (format === 'md' ? renderAssessmentMarkdown(a) : renderAssessmentText(a)),
      };
    return {
      payload: a,
      text: () => (format === 'md' ? renderComparisonMarkdown(a) : renderComparisonText(a)),
    };
  }
  if (options.since) return sinceBase(repo, options.since, options, overrides, format);
  return renderResult(await repo.impact(ids, overrides), options, format);
}

/**
 * `--since BASE`: the impact of what changed since the base (as `repo.impact({ since })`). Reviews
 * recorded since then are shown apart (who, which link, when): they are not changes and seed nothing.
 */
async function sinceBase(
  repo: TraceryRepository,
  since: string,
  options: ImpactCommandOptions,
  overrides: AssessOptions,
  format: string,
): Promise<Rendered> {
  const base = await repo.state(since);
  const diff = diffSnapshots(base.snapshot, createSnapshot(repo.model));
  const seeds = changedIds(diff).filter((id) => repo.model.hasElement(id));
  const rendered = renderResult(await repo.impact(seeds, overrides), options, format);
  const reviews = renderReviewsText(diff.reviews, `reviewed since ${base.label} (not changes: no impact)`);
  return {
    payload: { ...rendered.payload, reviewedSince: diff.reviews },
    text: () => `${rendered.text()}${reviews === '' ? '' : `\n${reviews}`}`,
  };
}

/** Renders an impact result (from memory or from Neo4j alike); `--kinds` filters what is shown. */
function renderResult(result: ImpactResult, options: ImpactCommandOptions, format: string): Rendered {
  const kinds = list(options.kinds);
  const shown = kinds ? { kinds } : {};
  return {
    payload: kinds ? { ...result, impacted: result.impacted.filter((e) => kinds.includes(e.kind)) } : result,
    text: () => (format === 'md' ? renderImpactMarkdown(result, shown) : renderImpactText(result, shown)),
  };
}

/** Checks the ids and change request the command names; reports the first unknown one. */
function knownTargets(
  run: CommandRun,
  loaded: LoadedRepository,
  ids: readonly string[],
  options: ImpactCommandOptions,
): boolean {
  if (!run.requireIds(loaded.model, ids)) return false;
  if (options.cr && !run.requireIds(loaded.model, [options.cr], ['ChangeRequest'], 'change request'))
    return false;
  if (options.decision && !run.requireIds(loaded.model, [options.decision], ['Decision'], 'decision'))
    return false;
  return true;
}

/** Registers `tracery impact <ids...> | --cr CR | --decision DEC | --since BASE`. */
export function registerImpact(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const command = withRepoOption(
    program
      .command('impact')
      .description(
        'What a change impacts, and why: from element ids, a change request (--cr), the options of a decision (--decision), or the changes since a baseline (--since).',
      )
      .argument('[ids...]', 'the ids of the changed elements'),
  )
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
    .option('--format <format>', `output format: ${FORMATS.join(', ')} (json: the JSON envelope)`, 'text')
    .option('--json', 'the same as --format json')
    .option('--out <file>', 'write the report to a file instead of standard output');
  addEngineOptions(command)
    .addHelpText(
      'after',
      '\nEffects per relation type and direction, and the defaults, come from the impact: and estimate: sections of tracery.yaml.\nExit codes: 0 done, 2 bad usage, an unknown id, or a decision that names no Decision.',
    )
    .action(async (ids: string[], options: ImpactCommandOptions) => {
      const format = options.json ? 'json' : options.format;
      const run = new CommandRun('impact', io, format === 'json');
      const bad = usage(ids, options, format);
      if (bad) return setExit(run.fail(bad));
      if (options.engine === 'neo4j') {
        const assess = (source: Parameters<typeof runOptions>[0]) => runOptions(source, options);
        const show = (result: ImpactResult) => renderResult(result, options, format);
        return setExit(await impactFromNeo4j(run, ids, options, assess, show));
      }
      const loaded = await run.load(undefined, options.repo);
      if (!loaded) return setExit(run.exitCode);
      const overrides = overridesOf(loaded.metamodel, options);
      if (typeof overrides === 'string') return setExit(run.fail(overrides));
      if (!knownTargets(run, loaded, ids, options)) return setExit(run.exitCode);
      try {
        const rendered = await render(loaded, ids, options, overrides, format);
        setExit(await run.finish({ ok: true, ...rendered, out: options.out, exit: EXIT.ok }));
      } catch (error) {
        if (!(error instanceof TraceryError)) throw error;
        setExit(run.fail(error.message));
      }
    });
}
