import { computeStats, type RepositoryStats } from '@tracery/core';
import type { Command } from 'commander';
import { type CliIo, EXIT } from '../cli-io.js';
import { loadForCli } from '../load-for-cli.js';

function table(title: string, counts: Record<string, number>): string[] {
  const keys = Object.keys(counts);
  const width = Math.max(0, ...keys.map((k) => k.length));
  return [title, ...keys.map((k) => `  ${k.padEnd(width)}  ${String(counts[k]).padStart(6)}`), ''];
}

/** Renders repository stats as aligned text tables. */
export function renderStats(stats: RepositoryStats): string {
  return [
    `${stats.elements} elements, ${stats.relations} relations`,
    '',
    ...table('Elements by kind', stats.byKind),
    ...table('Elements by status', stats.byStatus),
    ...table('Elements by tranche', stats.byTranche),
    ...table('Relations by type', stats.relationsByType),
  ].join('\n');
}

/** Registers `tracery stats [dir]`. */
export function registerStats(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('stats')
    .description('Count the elements of a repository by kind, status and tranche, and its relations by type.')
    .argument('[dir]', 'the repository folder', '.')
    .option('--json', 'print JSON instead of text')
    .action(async (dir: string, options: { json?: boolean }) => {
      const loaded = await loadForCli(dir, io);
      if (!loaded) return setExit(EXIT.usage);
      const stats = computeStats(loaded.model, loaded.diagnostics);
      io.out(options.json ? JSON.stringify(stats, null, 2) : renderStats(stats));
      setExit(EXIT.ok);
    });
}
