import { resolve } from 'node:path';
import { hasErrors, TraceryError } from '@tracery/core';
import type { Command } from 'commander';
import { type CliIo, EXIT } from '../cli-io.js';
import { loadForCli } from '../load-for-cli.js';
import { printLoadErrors } from '../write-guard.js';

/** The options of `tracery site`. */
type SiteCommandOptions = { repo: string; out?: string; history: boolean };

/** Registers `tracery site --out DIR`: the static site for participants. */
export function registerSite(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('site')
    .description(
      'Write the static site of the design for participants: dashboard, element pages, views, diagrams, search, impact explorer.',
    )
    .option('--repo <dir>', 'the repository folder', '.')
    .option(
      '--out <dir>',
      'the folder to write the site to: new, empty, or a site written before (it is emptied first)',
    )
    .option('--no-history', 'do not read progress over time from git')
    .addHelpText(
      'after',
      '\nOpen <out>/index.html from any web server or file share.\nExit codes: 0 written, 1 the repository has load errors (nothing written), 2 bad usage (such as an --out folder that holds the repository or other files).',
    )
    .action(async (options: SiteCommandOptions) => {
      if (!options.out) {
        io.err('tracery site: give the folder to write to with --out DIR.');
        return setExit(EXIT.usage);
      }
      const loaded = await loadForCli(options.repo, io);
      if (!loaded) return setExit(EXIT.usage);
      if (hasErrors(loaded.diagnostics)) {
        const errors = printLoadErrors(loaded.diagnostics, io);
        io.err(
          `tracery site: the repository has ${errors.length} load error(s); nothing was written. Fix them first (tracery validate).`,
        );
        return setExit(EXIT.findings);
      }
      // The site's code is imported when a site is built, not at every command's start-up.
      const { buildSite } = await import('@tracery/site');
      try {
        const built = await buildSite(loaded, {
          out: resolve(options.out),
          history: options.history,
          progress: (line) => io.err(`tracery site: ${line}`),
        });
        io.err(
          `tracery site: wrote ${built.files} files (${(built.bytes / 1e6).toFixed(1)} MB) to ${options.out}; open index.html.`,
        );
        setExit(EXIT.ok);
      } catch (error) {
        if (!(error instanceof TraceryError)) throw error;
        io.err(`tracery site: ${error.message}`);
        setExit(EXIT.usage);
      }
    });
}
