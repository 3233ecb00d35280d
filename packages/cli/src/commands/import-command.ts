import { readFile, stat } from 'node:fs/promises';
import { basename, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import {
  checkBpmnNotation,
  type ImportedBpmn,
  importBpmn,
  importedModelFile,
  type JoinedDiagram,
  joinDiagram,
} from '@tracery/bpmn';
import {
  compareDiagnostics,
  type Diagnostic,
  formatDiagnostic,
  formatSourceRef,
  type LoadedRepository,
  type SourceRef,
} from '@tracery/core';
import { writeFileAtomic } from '@tracery/core/advanced';
import type { Command } from 'commander';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { type CliIo, colours, EXIT } from '../cli-io.js';
import { CommandRun } from '../command-run.js';
import { plural } from '../plural.js';
import { withRepoOption } from '../repository-option.js';
import { allowErrorsOption, guardWrites } from '../write-guard.js';
import { importErrors } from './import-validation.js';

/** What one diagram would add to the repository (or added, with `--write`). */
export type ImportedDiagramReport = {
  /** The diagram, as a repository path when it is inside the repository. */
  readonly file: string;
  /** The model file its elements go to. */
  readonly target: string;
  readonly written: boolean;
  readonly elements: readonly {
    readonly id: string;
    readonly kind: string;
    readonly name: string;
    readonly source: SourceRef;
  }[];
  readonly relations: readonly {
    readonly type: string;
    readonly source: string;
    readonly target: string;
    readonly origin: SourceRef;
  }[];
  readonly diagnostics: readonly Diagnostic[];
};

/** The payload of `tracery import bpmn --json`. */
export type ImportReport = {
  readonly ok: boolean;
  readonly diagrams: readonly ImportedDiagramReport[];
  readonly counts: {
    readonly elements: number;
    readonly relations: number;
    readonly error: number;
    readonly warning: number;
    readonly info: number;
  };
};

type ImportOptions = {
  repo?: string;
  write?: boolean;
  json?: boolean;
  out?: string;
  allowErrors?: boolean;
  createMissing?: boolean;
};

/** Registers `tracery import bpmn <files...>`. */
export function registerImport(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const command = program
    .command('import')
    .description('Import design from other sources into the repository: bpmn.');
  const bpmn = withRepoOption(
    command
      .command('bpmn')
      .description(
        'Report what BPMN diagrams would add to the model (elements and relations, with diagnostics), or write it as YAML with --write.',
      )
      .argument('<files...>', 'the BPMN files to import'),
  )
    .option(
      '--write',
      'write the new elements and relations to model/bpmn/<diagram>.yaml (never over an existing file)',
    )
    .option(
      '--create-missing',
      'give processes, lanes and data that match nothing new elements, with ids from the bpmn: templates of tracery.yaml (default BP{n:3}, {process}-{n:2})',
    )
    .option('--json', 'print the JSON envelope instead of text')
    .option('--out <file>', 'write the report to a file instead of standard output')
    .addHelpText(
      'after',
      '\nA diagram written once with --write keeps its BPMN id -> model id map in .tracery/imports/bpmn-<diagram>.yaml: a re-import of the edited diagram replaces model/bpmn/<diagram>.yaml with the same ids.\nExit codes: 0 nothing wrong, 1 errors in a diagram or load errors in the repository (then nothing is written), 2 bad usage, an unreadable file, or a model file that already exists.',
    );
  allowErrorsOption(bpmn).action(async (files: string[], options: ImportOptions) => {
    setExit(await runImport(files, options, io));
  });
  command.exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
}

/** A diagram's report, with what it adds (kept for writing, not reported as such). */
type Pending = {
  readonly report: ImportedDiagramReport;
  readonly joined: JoinedDiagram;
  /** BPMN id -> model id of the diagram's processes and steps, kept for re-imports. */
  readonly ids: ReadonlyMap<string, string>;
  /** True when an earlier import of the same diagram wrote its model file (a re-import replaces it). */
  readonly update: boolean;
};

async function runImport(files: readonly string[], options: ImportOptions, io: CliIo): Promise<number> {
  const run = new CommandRun('import bpmn', io, options.json === true);
  const loaded = await run.load(undefined, options.repo);
  if (!loaded) return run.exitCode;
  if (options.write && !guardWrites('import bpmn --write', loaded.diagnostics, io, options.allowErrors).write)
    return EXIT.findings;
  const pending: Pending[] = [];
  const working = loaded.model.clone();
  const base = loaded.model.clone();
  const settings = importSettings(loaded, options.createMissing === true);
  for (const path of files) {
    const bytes = await readFile(path).catch((error: Error) => error);
    if (bytes instanceof Error) return run.fail(`cannot read "${path}": ${bytes.message}`);
    const file = displayPath(loaded.root, path);
    const name = diagramName(file);
    const previousIds = await readIdMap(join(loaded.root, idMapPath(name)));
    // A re-import replaces what the earlier import of this diagram wrote, so edits update rather than add.
    if (previousIds) for (const model of [working, base]) dropFile(model, `model/bpmn/${name}.yaml`);
    const imported = await importBpmn(bytes, {
      file,
      model: working,
      ...settings,
      ...(previousIds ? { previousIds } : {}),
    });
    const joined = joinDiagram(imported, { model: working, base });
    pending.push({
      report: reportDiagram(file, imported, joined),
      joined,
      ids: imported.ids,
      update: previousIds !== undefined,
    });
  }
  let report = summarise(pending.map((p) => p.report));
  if (options.write && report.ok) {
    const written = await writeDiagrams(loaded, pending, run);
    if (!written) return run.exitCode;
    report = summarise(written);
  }
  return run.finish({
    ok: report.ok,
    payload: report,
    text: () => renderText(report, io),
    out: options.out,
    exit: report.ok ? EXIT.ok : EXIT.findings,
  });
}

/**
 * A diagram's path relative to the repository (`diagrams/bp004.bpmn`, or `../drawings/bp004.bpmn` for one
 * outside it): what `bpmnFile:` records must mean the same from wherever the command ran.
 */
function displayPath(root: string, path: string): string {
  const rel = relative(root, resolve(path));
  return isAbsolute(rel) ? resolve(path).split(sep).join('/') : rel.split(sep).join('/');
}

function reportDiagram(file: string, imported: ImportedBpmn, joined: JoinedDiagram): ImportedDiagramReport {
  const name = diagramName(file);
  return {
    file,
    target: `model/bpmn/${name}.yaml`,
    written: false,
    elements: joined.elements.map(({ element, origin }) => ({
      id: element.id,
      kind: element.kind,
      name: element.name,
      source: origin,
    })),
    relations: joined.relations.map(({ relation, origin }) => ({
      type: relation.type,
      source: relation.source,
      target: relation.target,
      origin,
    })),
    diagnostics: [...imported.diagnostics, ...checkBpmnNotation(imported.parsed), ...joined.diagnostics].sort(
      compareDiagnostics,
    ),
  };
}

function summarise(diagrams: readonly ImportedDiagramReport[]): ImportReport {
  const counts = { elements: 0, relations: 0, error: 0, warning: 0, info: 0 };
  for (const diagram of diagrams) {
    counts.elements += diagram.elements.length;
    counts.relations += diagram.relations.length;
    for (const d of diagram.diagnostics) counts[d.severity]++;
  }
  return { ok: counts.error === 0, diagrams, counts };
}

const adds = (p: Pending) => p.joined.elements.length + p.joined.relations.length > 0;

/** Writes each diagram's additions to a new model file of its own; refuses to write over any existing file. */
async function writeDiagrams(
  loaded: LoadedRepository,
  pending: readonly Pending[],
  run: CommandRun,
): Promise<ImportedDiagramReport[] | undefined> {
  const targets = pending.filter(adds).map((p) => p.report.target);
  for (const [i, target] of targets.entries()) {
    const exists =
      !pending[i]?.update &&
      (await stat(join(loaded.root, target)).then(
        () => true,
        () => false,
      ));
    if (exists || targets.indexOf(target) !== i) {
      run.fail(
        `${target} ${exists ? 'already exists' : 'would be written twice'}; the import writes only new files, never over existing ones: move or rename the file, or the diagram.`,
      );
      return undefined;
    }
  }
  const texts = new Map<string, string>();
  for (const p of pending.filter(adds)) {
    const header = [`Imported from ${p.report.file} by \`tracery import bpmn\`.`];
    texts.set(p.report.target, importedModelFile(p.joined, { metamodel: loaded.metamodel, header }));
  }
  // What would be written is loaded first, with the repository's id patterns and validation: the
  // import never leaves the repository invalid.
  const errors = await importErrors(loaded, texts);
  if (errors.length > 0) {
    for (const d of errors.sort(compareDiagnostics)) run.io.err(formatDiagnostic(d));
    run.fail(
      `what the import would write has ${errors.length} error(s) (above); nothing was written. Give the diagram's elements ids that match the repository's id patterns (tracery:id on a task), or change metamodel.idPatterns in tracery.yaml.`,
      { exit: EXIT.findings, code: 'import-invalid' },
    );
    return undefined;
  }
  for (const [target, text] of texts) await writeFileAtomic(join(loaded.root, target), text);
  // The BPMN id -> model id map, so a re-import of the edited diagram keeps every id.
  for (const p of pending.filter(adds))
    await writeFileAtomic(
      join(loaded.root, idMapPath(diagramName(p.report.file))),
      idMapFile(p.report.file, p.ids),
    );
  return pending.map((p) => ({ ...p.report, written: adds(p) }));
}

function renderText(report: ImportReport, io: CliIo): string {
  const c = colours(io);
  const lines: string[] = [];
  for (const diagram of report.diagrams) {
    const verb = diagram.written ? `wrote ${diagram.target}` : `would add to ${diagram.target}`;
    lines.push(
      c.bold(
        `${diagram.file}: ${plural(diagram.elements.length, 'element')}, ${plural(diagram.relations.length, 'relation')} (${verb})`,
      ),
    );
    for (const e of diagram.elements)
      lines.push(`  + ${e.id} (${e.kind}) ${JSON.stringify(e.name)}  ${formatSourceRef(e.source)}`);
    for (const r of diagram.relations)
      lines.push(`  + ${r.source} -${r.type}-> ${r.target}  ${formatSourceRef(r.origin)}`);
    for (const d of diagram.diagnostics) {
      const text = formatDiagnostic(d);
      lines.push(d.severity === 'error' ? c.red(text) : d.severity === 'warning' ? c.yellow(text) : text);
    }
  }
  const { counts } = report;
  const summary = `${plural(report.diagrams.length, 'diagram')}: ${plural(counts.elements, 'element')}, ${plural(counts.relations, 'relation')} to add; ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}`;
  lines.push(report.ok ? c.green(`ok: ${summary}`) : c.bold(`failed: ${summary} (nothing written)`));
  return lines.join('\n');
}

/** The name a diagram's files go by: `bpmn/BP004 Data.bpmn` -> `BP004-Data`. */
function diagramName(file: string): string {
  return basename(file, extname(file)).replace(/[^A-Za-z0-9._-]+/g, '-');
}

const idMapPath = (name: string) => `.tracery/imports/bpmn-${name}.yaml`;

async function readIdMap(path: string): Promise<Map<string, string> | undefined> {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const data = parseYaml(text, { maxAliasCount: 0 }) as { ids?: Record<string, unknown> } | null;
  const ids = new Map<string, string>();
  for (const [bpmnId, id] of Object.entries(data?.ids ?? {})) if (typeof id === 'string') ids.set(bpmnId, id);
  return ids;
}

function idMapFile(file: string, ids: ReadonlyMap<string, string>): string {
  const sorted = Object.fromEntries([...ids.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `# BPMN ids -> model ids of the import of ${file}, so a re-import updates rather than duplicates.\n# Written by tracery import bpmn --write; keep it in git.\n${stringifyYaml({ diagram: file, ids: sorted }, { lineWidth: 0 })}`;
}

/** Removes what an earlier import wrote to `file`: its elements (with their relations) and its relation rows. */
function dropFile(model: LoadedRepository['model'], file: string): void {
  for (const relation of [...model.relations()])
    if (model.originOfRelation(relation)?.file === file) model.removeRelation(relation);
  for (const element of [...model.elements()])
    if (model.originOfElement(element.id)?.file === file) model.removeElement(element.id);
}

/** What --create-missing and the bpmn: section of tracery.yaml ask of the mapping. */
function importSettings(loaded: LoadedRepository, createMissing: boolean) {
  const config = loaded.config.bpmn;
  const create = config?.createMissing;
  return {
    ...(createMissing
      ? {
          createMissing: {
            processes: create?.processes ?? true,
            performers: create?.performers ?? 'Role',
            data: create?.data ?? true,
          },
        }
      : {}),
    ...(config?.ids ? { idTemplates: config.ids } : {}),
  };
}
