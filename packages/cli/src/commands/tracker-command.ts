import { formatDiagnostic, hasErrors, TraceryError } from '@tracery/core';
import {
  compareTrackers,
  repositoryTracker,
  repositoryTrackerAtRevision,
  type TrackerMovement,
  type TrackerReport,
  trackerSince,
} from '@tracery/core/advanced';
import {
  renderTrackerCsv,
  renderTrackerHtml,
  renderTrackerMarkdown,
  renderTrackerText,
} from '@tracery/core/render';
import type { Command } from 'commander';
import { type CliIo, EXIT } from '../cli-io.js';
import { CommandRun } from '../command-run.js';
import { withRepoOption } from '../repository-option.js';
import { checkFormat } from '../write-output.js';

const FORMATS = ['text', 'md', 'csv', 'json', 'html'] as const;

type TrackerCommandOptions = {
  repo?: string;
  format: string;
  json?: boolean;
  out?: string;
  since?: string;
  tranche?: string;
  round?: string;
};

function render(format: string, tracker: TrackerReport, movement: TrackerMovement | undefined): string {
  switch (format) {
    case 'md':
      return renderTrackerMarkdown(tracker, movement);
    case 'csv':
      return renderTrackerCsv(tracker);
    case 'html':
      return renderTrackerHtml(tracker, movement);
    default:
      return renderTrackerText(tracker, movement);
  }
}

async function run(options: TrackerCommandOptions, io: CliIo): Promise<number> {
  const format = options.json ? 'json' : options.format;
  const command = new CommandRun('tracker', io, format === 'json');
  const bad = checkFormat(format, FORMATS);
  if (bad) return command.fail(bad);
  const loaded = await command.load(undefined, options.repo);
  if (!loaded) return command.exitCode;
  const filter = {
    ...(options.tranche ? { tranche: options.tranche } : {}),
    ...(options.round ? { round: options.round } : {}),
  };
  const { tracker, diagnostics } = await repositoryTracker(loaded, filter);
  if (format !== 'json')
    for (const d of [...loaded.diagnostics, ...diagnostics])
      if (d.severity === 'error') io.err(formatDiagnostic(d));
  let movement: TrackerMovement | undefined;
  if (options.since) {
    try {
      const since = await trackerSince(loaded.root, options.since);
      const before = await repositoryTrackerAtRevision(loaded.root, since.revision, filter, {
        loaders: loaded.plugins.map((p) => p.loader()),
      });
      movement = compareTrackers(before.tracker, tracker, since.label);
    } catch (error) {
      if (!(error instanceof TraceryError)) throw error;
      return command.fail(error.message);
    }
  }
  const failed = hasErrors(loaded.diagnostics) || hasErrors(diagnostics);
  return command.finish({
    ok: !failed,
    payload: movement ? { ...tracker, movement } : tracker,
    diagnostics,
    text: () => render(format, tracker, movement),
    out: options.out,
    exit: failed ? EXIT.findings : EXIT.ok,
  });
}

/** Registers `tracery tracker`: the Design Artefact Tracker of a repository. */
export function registerTracker(program: Command, io: CliIo, setExit: (code: number) => void): void {
  withRepoOption(program.command('tracker'))
    .description(
      'The Design Artefact Tracker: artefacts by tranche and service with RAG, months, issues and actions; review comments by status per artefact, interface and constituency; totals.',
    )
    .option('--format <format>', `output format: ${FORMATS.join(', ')} (json: the JSON envelope)`, 'text')
    .option('--json', 'the same as --format json')
    .option('--out <file>', 'write the tracker to a file instead of standard output')
    .option('--tranche <tranche>', 'only the artefacts of this tranche (T1) and their comments')
    .option('--round <round>', 'only the comments of this review round')
    .option(
      '--since <revision>',
      'also show what moved since a baseline (its name: the commit that recorded it) or a git revision (HEAD~5, a tag, git:REV)',
    )
    .addHelpText(
      'after',
      '\nComments are read from comments/**/*.yaml (tracery.yaml comments.files).\nExit codes: 0 done, 1 the model or the comments have errors (printed on standard error), 2 bad usage.',
    )
    .action(async (options: TrackerCommandOptions) => {
      setExit(await run(options, io));
    });
}
