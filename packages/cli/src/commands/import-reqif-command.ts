import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { type Diagnostic, formatDiagnostic } from '@tracery/core';
import { writeFileAtomic } from '@tracery/core/advanced';
import type { importReqif } from '@tracery/reqif';
import type { Command } from 'commander';
import { type CliIo, colours, EXIT } from '../cli-io.js';
import { CommandRun } from '../command-run.js';
import { plural } from '../plural.js';
import { withRepoOption } from '../repository-option.js';
import { printLoadErrors } from '../write-guard.js';

/** The payload of `tracery import reqif --json`. */
export type ReqifImportReport = {
  readonly ok: boolean;
  readonly file: string;
  /** The model file the elements go to, and the id map kept for re-imports. */
  readonly target: string;
  readonly idMap: string;
  readonly written: boolean;
  /** True when an earlier import of the same file is being updated. */
  readonly update: boolean;
  readonly specifications: readonly { readonly name: string; readonly objects: number }[];
  readonly elements: readonly { readonly id: string; readonly kind: string; readonly name: string }[];
  readonly relations: readonly { readonly type: string; readonly source: string; readonly target: string }[];
  readonly diagnostics: readonly Diagnostic[];
  readonly counts: {
    readonly elements: number;
    readonly relations: number;
    readonly error: number;
    readonly warning: number;
    readonly info: number;
  };
};

type Options = { repo?: string; write?: boolean; json?: boolean; out?: string; name?: string };

/** Registers `tracery import reqif <file>` under the `import` command. */
export function registerImportReqif(
  importCommand: Command,
  io: CliIo,
  setExit: (code: number) => void,
): void {
  withRepoOption(
    importCommand
      .command('reqif')
      .description(
        'Report what a ReqIF 1.2 file (.reqif or .reqifz, from DOORS, Polarion, Jama, Enterprise Architect ...) adds to the model, or write it with --write.',
      )
      .argument('<file>', 'the .reqif or .reqifz file'),
  )
    .option('--name <name>', 'the name of the import: model/reqif/<name>.yaml (default: the file name)')
    .option(
      '--write',
      'write model/reqif/<name>.yaml and the id map .tracery/imports/reqif-<name>.yaml (a re-import updates both)',
    )
    .option('--json', 'print the JSON envelope instead of text')
    .option('--out <file>', 'write the report to a file instead of standard output')
    .addHelpText(
      'after',
      '\nMapping: tracery.yaml `reqif:` (kinds, attributes, relations, ids); see `tracery schema`.\nExit codes: 0 nothing wrong, 1 errors in the file or the repository (then nothing is written), 2 bad usage or an unreadable file.',
    )
    .action(async (file: string, options: Options) => {
      setExit(await runImportReqif(file, options, io));
    });
}

async function runImportReqif(file: string, options: Options, io: CliIo): Promise<number> {
  const run = new CommandRun('import reqif', io, options.json === true);
  const loaded = await run.load(undefined, options.repo);
  if (!loaded) return run.exitCode;
  // The ReqIF code is imported when a file is imported, not at every command's start-up.
  const { importReqif, parseReqifIdMap, reqifIdMapFile, reqifModelFile } = await import('@tracery/reqif');
  const bytes = await readFile(file).catch((error: Error) => error);
  if (bytes instanceof Error) return run.fail(`cannot read "${file}": ${bytes.message}`);
  const name = (options.name ?? basename(file).replace(/\.reqifz?$/i, '')).replace(/[^A-Za-z0-9._-]+/g, '-');
  const target = `model/reqif/${name}.yaml`;
  const idMap = `.tracery/imports/reqif-${name}.yaml`;
  const previousText = await readFile(join(loaded.root, idMap), 'utf8').catch(() => undefined);
  const previousIds = previousText === undefined ? undefined : parseReqifIdMap(previousText);
  const targetExists = await exists(join(loaded.root, target));
  const replaces = new Set(previousIds?.values() ?? []);
  const imported = importReqif(bytes, {
    file: basename(file),
    metamodel: loaded.metamodel,
    existing: loaded.model,
    ...(loaded.config.reqif ? { config: loaded.config.reqif } : {}),
    ...(previousIds ? { previousIds, replaces } : {}),
  });
  const repoErrors = loaded.diagnostics.filter((d) => d.severity === 'error');
  const diagnostics = [...imported.diagnostics];
  let report = summarise(file, target, idMap, previousIds !== undefined, imported.mapped, diagnostics);
  if (options.write) {
    const refusal =
      repoErrors.length > 0
        ? `the repository has ${plural(repoErrors.length, 'load error')} (above; tracery validate lists them); nothing was written.`
        : !report.ok
          ? 'the file has errors (listed above); nothing was written.'
          : targetExists && previousIds === undefined
            ? `${target} already exists and was not written by an import of this file (no ${idMap}); nothing was written. Use --name to import under another name.`
            : undefined;
    if (refusal) {
      const shown = report;
      await run.finish({
        ok: false,
        payload: shown,
        text: () => renderText(shown, io),
        out: options.out,
        exit: EXIT.findings,
      });
      printLoadErrors(loaded.diagnostics, io);
      io.err(`tracery: ${refusal}`);
      return EXIT.findings;
    }
    const header = [
      `Imported from ${basename(file)} by \`tracery import reqif\`; a re-import of the file replaces this file.`,
      'Change requirements in the source tool, or stop importing and edit here.',
    ];
    await writeFileAtomic(join(loaded.root, target), reqifModelFile(imported.mapped, header));
    await writeFileAtomic(join(loaded.root, idMap), reqifIdMapFile(basename(file), imported.mapped.ids));
    report = { ...report, written: true };
  }
  const done = report;
  return run.finish({
    ok: done.ok,
    payload: done,
    text: () => renderText(done, io),
    out: options.out,
    exit: done.ok ? EXIT.ok : EXIT.findings,
  });
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

function summarise(
  file: string,
  target: string,
  idMap: string,
  update: boolean,
  mapped: ReturnType<typeof importReqif>['mapped'],
  diagnostics: readonly Diagnostic[],
): ReqifImportReport {
  const counts = {
    elements: mapped.elements.length,
    relations: mapped.relations.length,
    error: 0,
    warning: 0,
    info: 0,
  };
  for (const d of diagnostics) counts[d.severity]++;
  return {
    ok: counts.error === 0,
    file,
    target,
    idMap,
    written: false,
    update,
    specifications: mapped.specifications,
    elements: mapped.elements.map((e) => ({ id: e.id, kind: e.kind, name: e.name })),
    relations: mapped.relations.map((r) => ({ type: r.type, source: r.source, target: r.target })),
    diagnostics,
    counts,
  };
}

function renderText(report: ReqifImportReport, io: CliIo): string {
  const c = colours(io);
  const verb = report.written
    ? `wrote ${report.target}`
    : `would ${report.update ? 'update' : 'add'} ${report.target}`;
  const lines = [
    c.bold(
      `${report.file}: ${plural(report.counts.elements, 'element')}, ${plural(report.counts.relations, 'relation')} (${verb})`,
    ),
  ];
  for (const s of report.specifications)
    lines.push(`  specification ${JSON.stringify(s.name)}: ${plural(s.objects, 'object')}`);
  for (const e of report.elements) lines.push(`  + ${e.id} (${e.kind}) ${JSON.stringify(e.name)}`);
  for (const r of report.relations) lines.push(`  + ${r.source} -${r.type}-> ${r.target}`);
  for (const d of report.diagnostics) {
    const text = formatDiagnostic(d);
    lines.push(d.severity === 'error' ? c.red(text) : d.severity === 'warning' ? c.yellow(text) : text);
  }
  const { counts } = report;
  const summary = `${plural(counts.elements, 'element')}, ${plural(counts.relations, 'relation')}; ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}`;
  lines.push(report.ok ? c.green(`ok: ${summary}`) : c.bold(`failed: ${summary} (nothing written)`));
  return lines.join('\n');
}
