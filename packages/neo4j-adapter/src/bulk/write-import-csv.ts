import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Model } from '@tracery/core';
import { writeFileAtomic } from '@tracery/core/advanced';
import { checkName } from '../cypher/cypher-name.js';
import { DEFAULT_ELEMENT_LABEL } from '../export/graph-scope.js';
import { type ExportPlan, planExport } from '../export/plan-export.js';
import { HASH_PROPERTY, JSON_KEYS_PROPERTY, type Properties } from '../mapping/attribute-properties.js';
import {
  type Column,
  cellText,
  chooseArrayDelimiter,
  csvColumns,
  csvRow,
  headerField,
} from './csv-columns.js';
import { csvLine } from './csv-field.js';

/** Options of {@link writeImportCsv}. */
export type ImportCsvOptions = { readonly elementLabel?: string };

/** The files written and the arguments `neo4j-admin database import full` needs to read them. */
export type ImportCsvResult = {
  /** Absolute paths, node files first, each group sorted. */
  readonly files: readonly string[];
  /** `--nodes=...`, `--relationships=...`, `--array-delimiter=...`, `--multiline-fields=true`. */
  readonly arguments: readonly string[];
  readonly arrayDelimiter: string;
};

const NODE_COLUMNS_FIRST = ['kind', 'name', 'description', 'status', 'owner', 'tranche', 'tags'];
const TAIL = [`${JSON_KEYS_PROPERTY}:string[]`, HASH_PROPERTY];

/**
 * Writes a model as CSV files for `neo4j-admin database import`, for models too large to send
 * through Bolt: one nodes file per kind (`id:ID(Element)`, `:LABEL`, typed properties such as
 * `order:long`) and one relationships file per type (`:START_ID(Element)`, `:END_ID(Element)`,
 * `:TYPE`). The graph it imports is the one {@link exportModel} writes, so a later export of the same
 * model finds nothing to change. Each file is written atomically.
 *
 * @example
 * const { arguments: args } = await writeImportCsv(model, 'out/neo4j-import')
 * // neo4j-admin database import full ${args.join(' ')} neo4j
 */
export async function writeImportCsv(
  model: Model,
  folder: string,
  options: ImportCsvOptions = {},
): Promise<ImportCsvResult> {
  const label = checkName(options.elementLabel ?? DEFAULT_ELEMENT_LABEL, 'label', 'options.elementLabel');
  const plan = planExport(model);
  const delimiter = chooseArrayDelimiter(delimiterTexts(plan, label));
  await mkdir(folder, { recursive: true });
  const names = new FileNames();
  const nodeFiles: string[] = [];
  for (const [kind, rows] of plan.nodes) {
    const file = join(folder, names.next('nodes', kind));
    const props = rows.map((row) => row.props);
    const columns = csvColumns(props, NODE_COLUMNS_FIRST, delimiter);
    const header = ['id:ID(Element)', ':LABEL', ...columns.map(headerField), ...TAIL];
    const labels = [label, kind].filter((value, index, all) => all.indexOf(value) === index).join(delimiter);
    const lines = props.map((row) => {
      const stored = csvRow(row, columns);
      return csvLine([String(stored.id), labels, ...cells(stored, columns, delimiter)]);
    });
    await writeFileAtomic(file, [csvLine(header), ...lines]);
    nodeFiles.push(file);
  }
  const relationshipFiles: string[] = [];
  for (const [type, rows] of plan.relationships) {
    const file = join(folder, names.next('relationships', type));
    const columns = csvColumns(
      rows.map((row) => row.props),
      [],
      delimiter,
    );
    const header = [':START_ID(Element)', ':END_ID(Element)', ':TYPE', ...columns.map(headerField), ...TAIL];
    const lines = rows.map((row) =>
      csvLine([row.source, row.target, type, ...cells(csvRow(row.props, columns), columns, delimiter)]),
    );
    await writeFileAtomic(file, [csvLine(header), ...lines]);
    relationshipFiles.push(file);
  }
  const args = [
    ...nodeFiles.map((file) => `--nodes=${file}`),
    ...relationshipFiles.map((file) => `--relationships=${file}`),
    `--array-delimiter=${delimiter}`,
    '--multiline-fields=true',
  ];
  return { files: [...nodeFiles, ...relationshipFiles], arguments: args, arrayDelimiter: delimiter };
}

function cells(row: Properties, columns: readonly Column[], delimiter: string): (string | undefined)[] {
  const values = columns.map(({ key }) => cellText(row[key], delimiter));
  return [...values, cellText(row[JSON_KEYS_PROPERTY], delimiter), cellText(row[HASH_PROPERTY], delimiter)];
}

function* delimiterTexts(plan: ExportPlan, label: string): Generator<string> {
  yield label;
  for (const [kind, rows] of plan.nodes) {
    yield kind;
    for (const row of rows) yield* listTexts(row.props);
  }
  for (const rows of plan.relationships.values()) for (const row of rows) yield* listTexts(row.props);
}

function* listTexts(props: Properties): Generator<string> {
  for (const [key, value] of Object.entries(props)) {
    yield key;
    if (Array.isArray(value)) yield* value as string[];
  }
}

/** File names from kinds and types: unsafe characters replaced, clashes (ignoring case) numbered. */
class FileNames {
  readonly #taken = new Set<string>();

  next(prefix: string, name: string): string {
    const base = `${prefix}-${name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
    let candidate = base;
    for (let n = 2; this.#taken.has(candidate.toLowerCase()); n += 1) candidate = `${base}-${n}`;
    this.#taken.add(candidate.toLowerCase());
    return `${candidate}.csv`;
  }
}
