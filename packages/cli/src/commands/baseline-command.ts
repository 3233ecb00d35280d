import { createBaseline, listBaselines } from '@tracery/core';
import type { Command } from 'commander';
import { type CliIo, EXIT } from '../cli-io.js';
import { loadForCli } from '../load-for-cli.js';

/** Registers `tracery baseline create NAME` and `tracery baseline list`. */
export function registerBaseline(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const baseline = program
    .command('baseline')
    .description(
      'Snapshots of the model in baselines/NAME.json, with a content hash per element and relation.',
    );
  baseline
    .command('create')
    .description(
      'Write baselines/NAME.json from the model as it is now (refused while the model has errors).',
    )
    .argument('<name>', 'the baseline name, such as T1-approved')
    .option('--repo <dir>', 'the repository folder', '.')
    .action(async (name: string, options: { repo: string }) => {
      const loaded = await loadForCli(options.repo, io);
      if (!loaded) return setExit(EXIT.usage);
      const errors = loaded.diagnostics.filter((d) => d.severity === 'error').length;
      if (errors > 0) {
        io.err(`tracery baseline: the model has ${errors} errors; fix them first (tracery validate).`);
        return setExit(EXIT.findings);
      }
      if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(name) || name.endsWith('.json')) {
        io.err(`tracery baseline: "${name}" is not a baseline name; use letters, digits, ".", "-" and "_".`);
        return setExit(EXIT.usage);
      }
      const file = await createBaseline(loaded.root, name, loaded.model);
      io.out(`wrote ${file}: ${loaded.model.elementCount} elements, ${loaded.model.relationCount} relations`);
      setExit(EXIT.ok);
    });
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
