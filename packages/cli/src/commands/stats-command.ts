import { computeStats, type RepositoryStats } from '@tracery/core';
import type { Command } from 'commander';
import { type CliIo, EXIT } from '../cli-io.js';
import { CommandRun } from '../command-run.js';
import { plural } from '../plural.js';
import { withRepoOption } from '../repository-option.js';

function table(title: string, counts: Record<string, number>): string[] {
  const keys = Object.keys(counts);
  const width = Math.max(0, ...keys.map((k) => k.length));
  return [title, ...keys.map((k) => `  ${k.padEnd(width)}  ${String(counts[k]).padStart(6)}`), ''];
}

/** Renders repository stats as aligned text tables. */
export function renderStats(stats: RepositoryStats): string {
  return [
    `${plural(stats.elements, 'element')}, ${plural(stats.relations, 'relation')}`,
    '',
    ...table('Elements by kind', stats.countsByKind),
    ...table('Elements by status', stats.countsByStatus),
    ...table('Elements by tranche', stats.countsByTranche),
    ...table('Relations by type', stats.countsByRelationType),
  ].join('\n');
}

/** Registers `tracery stats [dir]`. */
export function registerStats(program: Command, io: CliIo, setExit: (code: number) => void): void {
  withRepoOption(
    program
      .command('stats')
      .description(
        'Count the elements of a repository by kind, status and tranche, and its relations by type.',
      )
      .argument('[dir]', 'the repository folder: a shorthand for --repo'),
  )
    .option('--json', 'print the JSON envelope instead of text')
    .action(async (dir: string | undefined, options: { repo?: string; json?: boolean }) => {
      const run = new CommandRun('stats', io, options.json === true);
      const loaded = await run.load(dir, options.repo);
      if (!loaded) return setExit(run.exitCode);
      const stats = computeStats(loaded.model, loaded.diagnostics);
      setExit(await run.finish({ ok: true, payload: stats, text: () => renderStats(stats), exit: EXIT.ok }));
    });
}
