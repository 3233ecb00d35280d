import { createBaseline, listBaselines, TraceryError } from '@tracery/core';
import type { Command } from 'commander';
import { type CliIo, EXIT } from '../cli-io.js';
import { loadForCli } from '../load-for-cli.js';
import { allowErrorsOption, guardWrites } from '../write-guard.js';

/** Registers `tracery baseline create NAME` and `tracery baseline list`. */
export function registerBaseline(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const baseline = program
    .command('baseline')
    .description(
      'Snapshots of the model in baselines/NAME.json, with a content hash per element and relation.',
    );
  const create = baseline
    .command('create')
    .description(
      'Write baselines/NAME.json from the model as it is now (refused while the model has load errors, and over an existing baseline).',
    )
    .argument('<name>', 'the baseline name, such as T1-approved')
    .option('--repo <dir>', 'the repository folder', '.')
    .option('--force', 'replace a baseline of the same name (baselines are meant to be fixed)');
  allowErrorsOption(create).action(
    async (name: string, options: { repo: string; force?: boolean; allowErrors?: boolean }) => {
      if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(name) || name.endsWith('.json')) {
        io.err(`tracery baseline: "${name}" is not a baseline name; use letters, digits, ".", "-" and "_".`);
        return setExit(EXIT.usage);
      }
      const loaded = await loadForCli(options.repo, io);
      if (!loaded) return setExit(EXIT.usage);
      if (!guardWrites('baseline create', loaded.diagnostics, io, options.allowErrors).write)
        return setExit(EXIT.findings);
      try {
        const file = await createBaseline(loaded.root, name, loaded.model, { force: options.force === true });
        io.out(
          `wrote ${file}: ${loaded.model.elementCount} elements, ${loaded.model.relationCount} relations`,
        );
        setExit(EXIT.ok);
      } catch (error) {
        if (!(error instanceof TraceryError)) throw error;
        io.err(`tracery baseline: ${error.message}`);
        setExit(EXIT.usage);
      }
    },
  );
  baseline
    .command('list')
    .description('List the baselines of a repository.')
    .option('--repo <dir>', 'the repository folder', '.')
    .option('--json', 'print JSON')
    .action(async (options: { repo: string; json?: boolean }) => {
      const names = await listBaselines(options.repo);
      io.out(options.json ? JSON.stringify(names) : names.length > 0 ? names.join('\n') : 'no baselines yet');
      setExit(EXIT.ok);
    });
}
