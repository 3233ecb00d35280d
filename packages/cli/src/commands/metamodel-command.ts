import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  CONFIG_FILE,
  defaultMetamodel,
  describeMetamodel,
  formatDiagnostic,
  type KindSummary,
  loadConfig,
  type MetamodelSummary,
} from '@tracery/core';
import type { Command } from 'commander';
import { type CliIo, colours, EXIT } from '../cli-io.js';

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
    .option('--json', 'print JSON instead of text')
    .option('--md', 'print Markdown instead of text')
    .action(async (options: Options) => {
      setExit(await runMetamodel(options, io));
    });
}

async function runMetamodel(options: Options, io: CliIo): Promise<number> {
  const dir = options.repo ?? '.';
  let summary: MetamodelSummary;
  if (options.repo !== undefined || existsSync(join(dir, CONFIG_FILE))) {
    if (!existsSync(join(dir, CONFIG_FILE))) {
      io.err(
        `tracery: ${dir} has no ${CONFIG_FILE}; run tracery init ${dir}, or leave out --repo for the default metamodel.`,
      );
      return EXIT.usage;
    }
    const loaded = await loadConfig(dir);
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
    for (const d of errors) io.err(formatDiagnostic(d));
    if (errors.length > 0) return EXIT.findings;
    summary = describeMetamodel(loaded.metamodel);
  } else summary = describeMetamodel(defaultMetamodel());
  if (options.kind !== undefined) {
    const kind = summary.kinds.find((k) => k.name === options.kind);
    if (!kind) {
      io.err(
        `tracery: unknown kind "${options.kind}"; use one of ${summary.kinds.map((k) => k.name).join(', ')}.`,
      );
      return EXIT.usage;
    }
    summary = {
      kinds: [kind],
      relationTypes: summary.relationTypes.filter(
        (t) => kind.relations.includes(t.name) || kind.relations.includes(t.inverse),
      ),
    };
  }
  io.out(
    options.json
      ? JSON.stringify(summary, null, 2)
      : options.md
        ? renderMarkdown(summary)
        : renderText(summary, io),
  );
  return EXIT.ok;
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
