import { join, relative, sep } from 'node:path';
import { bpmnNotationRules } from '@tracery/bpmn';
import { type CheckReport, defaultRules, failsCheck, type Severity } from '@tracery/core';
import {
  type AcceptedFinding,
  acceptedFindingsYaml,
  readAcceptedFindings,
  writeFileAtomic,
} from '@tracery/core/advanced';
import {
  findingsJunitPieces,
  findingsMarkdownPieces,
  findingsTextPieces,
  sarifPieces,
  textTable,
} from '@tracery/core/render';
import type { Command } from 'commander';
import { type CliIo, colours, EXIT } from '../cli-io.js';
import { CommandRun } from '../command-run.js';
import { plural } from '../plural.js';
import { withRepoOption } from '../repository-option.js';
import { allowErrorsOption, guardWrites } from '../write-guard.js';
import { checkFormat } from '../write-output.js';

/** The renderings `tracery check --format` offers. */
export const CHECK_FORMATS = ['text', 'json', 'sarif', 'junit', 'md'] as const;
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

type CheckOptions = {
  repo?: string;
  format: string;
  json?: boolean;
  failOn: string;
  out?: string;
  accept?: string;
  showSuppressed?: boolean;
  listRules?: boolean;
  allowErrors?: boolean;
};

/** The findings in the format asked for, as pieces in order: written as they are made, never joined. */
function render(
  report: CheckReport,
  options: CheckOptions,
  io: CliIo,
  extra: { root: string; version: string },
): Iterable<string> {
  const c = colours(io);
  const failOn = options.failOn as Severity;
  switch (options.format) {
    case 'sarif': {
      const prefix = relative(process.cwd(), extra.root).split(sep).join('/');
      return sarifPieces(report, {
        toolVersion: extra.version,
        ...(prefix && !prefix.startsWith('..') ? { uriPrefix: prefix } : {}),
      });
    }
    case 'junit':
      return findingsJunitPieces(report, { failOn });
    case 'md':
      return findingsMarkdownPieces(report);
    default:
      return findingsTextPieces(report, {
        showSuppressed: options.showSuppressed === true,
        paint: (severity, text) =>
          severity === 'error' ? c.red(text) : severity === 'warning' ? c.yellow(text) : text,
      });
  }
}

/** The default rules of core and the BPMN notation rules: what `tracery check` runs. */
function allRules() {
  return [...defaultRules(), ...bpmnNotationRules()];
}

function listRules(io: CliIo): void {
  const rows = allRules().map((rule) => [rule.id, rule.severity, rule.description]);
  io.out(textTable(['rule', 'severity', 'checks that'], rows));
}

async function accept(
  dir: string,
  file: string,
  reason: string,
  report: CheckReport,
  existing: readonly AcceptedFinding[],
) {
  await writeFileAtomic(join(dir, file), acceptedFindingsYaml(report.findings, reason, existing));
}

/** Registers `tracery check [dir]`: the design assurance rules, with findings for the terminal or CI. */
export function registerCheck(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const check = withRepoOption(
    program
      .command('check')
      .description(
        'Run the design assurance rules and report the findings (text, JSON, SARIF, JUnit XML or Markdown).',
      )
      .argument('[dir]', 'the repository folder: a shorthand for --repo'),
  )
    .option(
      '--format <format>',
      `the rendering: ${CHECK_FORMATS.join(', ')} (json: the JSON envelope, as --json)`,
      'text',
    )
    .option('--json', 'the same as --format json')
    .option(
      '--fail-on <severity>',
      'exit with 1 when a finding is at or above this severity: error, warning or info',
      'error',
    )
    .option('--out <file>', 'write the rendering to a file instead of standard output')
    .option('--show-suppressed', 'list suppressed and accepted findings too (text)')
    .option(
      '--accept <reason>',
      'accept every current finding, with this reason, in the file that rules.acceptedFindings names',
    )
    .option('--list-rules', 'list the default rules and exit')
    .addHelpText(
      'after',
      '\n--accept writes nothing while the repository has load errors (see --allow-errors).\nExit codes: 0 no finding at or above --fail-on, 1 findings, 2 bad usage or unreadable input.',
    );
  allowErrorsOption(check).action(async (dir: string | undefined, options: CheckOptions) => {
    if (options.listRules) return listRules(io);
    const json = options.json === true || options.format === 'json';
    const run = new CommandRun('check', io, json);
    const problem =
      checkFormat(options.format, CHECK_FORMATS) ??
      (SEVERITIES.includes(options.failOn as Severity)
        ? undefined
        : `unknown severity "${options.failOn}" for --fail-on; use one of ${SEVERITIES.join(', ')}.`);
    if (problem) return setExit(run.fail(problem));
    const loaded = await run.load(dir, options.repo);
    if (!loaded) return setExit(run.exitCode);
    // As a script gets it: the default rules and those of the source plugins (BPMN notation).
    const report = await loaded.check();
    if (options.accept !== undefined) {
      // The load errors first: one in tracery.yaml (a file outside the repository) drops the setting.
      if (!guardWrites('check --accept', loaded.diagnostics, io, options.allowErrors).write)
        return setExit(EXIT.findings);
      const file = loaded.config.rules?.acceptedFindings;
      if (!file)
        return setExit(
          run.fail(
            '--accept needs a file: set rules.acceptedFindings in tracery.yaml (such as assurance/accepted-findings.yaml).',
          ),
        );
      await accept(
        loaded.root,
        file,
        options.accept,
        report,
        (await readAcceptedFindings(loaded, file)).accepted,
      );
      io.err(`accepted ${plural(report.findings.length, 'finding')} in ${file}`);
      return setExit(EXIT.ok);
    }
    const fails = failsCheck(report, options.failOn as Severity);
    // The rendering needs the report and the root only: the model is not kept alive while it is written.
    const extra = { root: loaded.root, version: program.version() ?? '' };
    setExit(
      await run.finish({
        ok: !fails,
        payload: report,
        text: () => render(report, options, io, extra),
        out: options.out,
        exit: fails ? EXIT.findings : EXIT.ok,
      }),
    );
  });
}
