import { resolve } from 'node:path';
import { bpmnSourceLoader } from '@tracery/bpmn';
import { loadRepository } from '@tracery/core';
import type { Command } from 'commander';
import { type CliIo, EXIT } from '../cli-io.js';
import { chooseRepository, withRepoOption } from '../repository-option.js';

/** The options of `tracery serve`. */
type ServeCommandOptions = { repo?: string; port: string; host: string; history: boolean };

/** The port option as a number, or undefined when it is not one (0 picks a free port). */
function portOf(text: string): number | undefined {
  const port = Number(text);
  return /^\d+$/.test(text) && port >= 0 && port <= 65535 ? port : undefined;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Resolves when the process is asked to stop (Ctrl-C or a termination signal). */
function untilStopped(): Promise<void> {
  return new Promise((ok) => {
    process.once('SIGINT', () => ok());
    process.once('SIGTERM', () => ok());
  });
}

/** Registers `tracery serve`: the site, served on 127.0.0.1 and rebuilt when a file changes. */
export function registerServe(program: Command, io: CliIo, setExit: (code: number) => void): void {
  withRepoOption(
    program
      .command('serve')
      .description('Serve the site of the design on this computer and rebuild it when a file changes.'),
  )
    .option('--port <n>', 'the port (0 picks a free one)', '8080')
    .option('--host <address>', 'the address to listen on (127.0.0.1: this computer only)', '127.0.0.1')
    .option('--no-history', 'do not read progress over time from git (faster rebuilds)')
    .addHelpText(
      'after',
      '\nPrints the address to open, then runs until stopped (Ctrl-C). A rebuild that fails keeps the last good site and shows the error on every page.\nExit codes: 0 stopped, 2 bad usage or the port is taken.',
    )
    .action(async (options: ServeCommandOptions) => {
      const port = portOf(options.port);
      if (port === undefined) {
        io.err(`tracery serve: --port "${options.port}" is not a port; give a number from 0 to 65535.`);
        return setExit(EXIT.usage);
      }
      const choice = chooseRepository(undefined, options.repo);
      if ('problem' in choice) {
        io.err(`tracery serve: ${choice.problem}`);
        return setExit(EXIT.usage);
      }
      const root = resolve(choice.dir);
      if (!LOOPBACK.has(options.host))
        io.err(
          `tracery serve: listening on ${options.host}: other computers that can reach it see the site.`,
        );
      // The site's code is imported when the site is served, not at every command's start-up.
      const { serveRepository } = await import('@tracery/site');
      let site: Awaited<ReturnType<typeof serveRepository>>;
      try {
        site = await serveRepository({
          root,
          load: () => loadRepository(root, { loaders: [bpmnSourceLoader()] }),
          port,
          host: options.host,
          history: options.history,
          log: (line) => io.err(`tracery serve: ${line}`),
        });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'EADDRINUSE' && code !== 'EACCES' && code !== 'EADDRNOTAVAIL') throw error;
        io.err(
          `tracery serve: cannot listen on ${options.host}:${port} (${code}); try another --port or --host.`,
        );
        return setExit(EXIT.usage);
      }
      io.out(`Serving the site of ${root} at ${site.url} (Ctrl-C to stop)`);
      await untilStopped();
      await site.close();
      setExit(EXIT.ok);
    });
}
