import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CONFIG_FILE, defaultMetamodel, formatDiagnostic } from '@tracery/core';
import {
  describeMetamodel,
  didYouMeanSuffix,
  type KindSummary,
  loadConfig,
  type MetamodelSummary,
} from '@tracery/core/advanced';
import type { Command } from 'commander';
import { type CliIo, colours, EXIT } from '../cli-io.js';
import { CommandRun } from '../command-run.js';
import { findRepositoryRoot } from '../repository-option.js';

type Options = { repo?: string; json?: boolean; md?: boolean; kind?: string };

/** Registers `tracery metamodel`: the kinds, attributes, id patterns and relation types at a glance. */
export function registerMetamodel(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('metamodel')
    .description(
      'List the kinds (attributes, mandatory ones marked, id patterns, relation names they can write) and relation types (inverse, ends, impact effects) of a repository, or the default metamodel.',
    )
    .option(
      '--repo <dir>',
      'the repository folder (default: the current folder when it has tracery.yaml, else the default metamodel)',
    )
    .option('--kind <kind>', 'only this kind')
    .option('--json', 'print the JSON envelope instead of text')
    .option('--md', 'print Markdown instead of text')
    .action(async (options: Options) => {
      setExit(await runMetamodel(options, io));
    });
}

async function runMetamodel(options: Options, io: CliIo): Promise<number> {
  const run = new CommandRun('metamodel', io, options.json === true);
  // The repository given, else the one found upward from the current folder, else the default metamodel.
  const dir = options.repo ?? findRepositoryRoot(process.cwd());
  let summary: MetamodelSummary;
  if (dir !== undefined) {
    if (!existsSync(join(dir, CONFIG_FILE)))
      return run.fail(
        `${dir} has no ${CONFIG_FILE}; run tracery init ${dir}, or leave out --repo for the default metamodel.`,
        { code: 'repository-unreadable' },
      );
    const loaded = await loadConfig(dir);
    run.repository = { root: resolve(dir), ...(loaded.config.name ? { name: loaded.config.name } : {}) };
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
    for (const d of errors) io.err(formatDiagnostic(d));
    if (errors.length > 0)
      return run.fail('tracery.yaml has errors (listed above).', { exit: EXIT.findings });
    summary = describeMetamodel(loaded.metamodel);
  } else summary = describeMetamodel(defaultMetamodel());
  if (options.kind !== undefined) {
    const kind = summary.kinds.find((k) => k.name === options.kind);
    if (!kind)
      return run.fail(
        `unknown kind "${options.kind}"${
          didYouMeanSuffix(
            options.kind,
            summary.kinds.map((k) => k.name),
          ) || `; use one of ${summary.kinds.map((k) => k.name).join(', ')}.`
        }`,
      );
    summary = {
      kinds: [kind],
      relationTypes: summary.relationTypes.filter(
        (t) => kind.relations.includes(t.name) || kind.relations.includes(t.inverse),
      ),
    };
  }
  const shown = summary;
  return run.finish({
    ok: true,
    payload: shown,
    text: () => (options.md ? renderMarkdown(shown) : renderText(shown, io)),
    exit: EXIT.ok,
  });
}

const ends = (e: string | readonly string[]) =>
  typeof e === 'string' ? (e === '*' ? 'any kind' : e) : e.join(', ');
const impact = (i: Readonly<Record<string, string>> | string) =>
  typeof i === 'string'
    ? i
    : Object.entries(i)
        .map(([direction, effect]) => `${direction} ${effect}`)
        .join(', ');

function attributeLine(kind: KindSummary): string[] {
  return kind.attributes
    .filter((a) => a.name !== 'id' && a.name !== 'kind')
    .map(
      (a) => `${a.name}${a.required ? '*' : ''}: ${a.type}${a.values ? ` (${a.values.join(' | ')})` : ''}`,
    );
}

function renderText(summary: MetamodelSummary, io: CliIo): string {
  const c = colours(io);
  const lines: string[] = [];
  for (const kind of summary.kinds) {
    lines.push(
      c.bold(`${kind.name}`) + (kind.idPattern ? `  ids: ${kind.idPattern}` : ''),
      `  ${kind.description}`,
    );
    lines.push(`  fields: id*, kind*, ${attributeLine(kind).join(', ')}`);
    lines.push(`  relations: ${kind.relations.join(', ')}`, '');
  }
  lines.push(c.bold('Relation types'), '');
  for (const t of summary.relationTypes) {
    lines.push(
      `${c.bold(t.name)} / ${t.inverse}: ${ends(t.from)} -> ${ends(t.to)}`,
      `  ${t.description}`,
      `  impact: ${impact(t.impact)}`,
    );
  }
  lines.push(
    '',
    '* mandatory. Write a relation on either end: by its name on the "from" element, or by its inverse on the "to" element.',
  );
  return lines.join('\n');
}

function renderMarkdown(summary: MetamodelSummary): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = ['# Metamodel', '', '## Kinds', ''];
  for (const kind of summary.kinds) {
    lines.push(`### ${kind.name}`, '', cell(kind.description), '');
    if (kind.idPattern) lines.push(`Ids: \`${kind.idPattern}\``, '');
    lines.push('| field | type | mandatory | description |', '| --- | --- | --- | --- |');
    for (const a of kind.attributes)
      lines.push(
        `| ${a.name} | ${a.type}${a.values ? ` (${a.values.join(', ')})` : ''} | ${a.required ? 'yes' : ''} | ${cell(a.description ?? '')} |`,
      );
    lines.push('', `Relations: ${kind.relations.map((r) => `\`${r}\``).join(', ')}`, '');
  }
  lines.push(
    '## Relation types',
    '',
    '| name | inverse | from | to | impact | description |',
    '| --- | --- | --- | --- | --- | --- |',
  );
  for (const t of summary.relationTypes)
    lines.push(
      `| ${t.name} | ${t.inverse} | ${cell(ends(t.from))} | ${cell(ends(t.to))} | ${cell(impact(t.impact))} | ${cell(t.description)} |`,
    );
  return `${lines.join('\n')}\n`;
}
