import { resolve } from 'node:path';
import { TraceryError } from '@tracery/core';
import { createBaseline, listBaselines } from '@tracery/core/advanced';
import type { Command } from 'commander';
import { type CliIo, EXIT } from '../cli-io.js';
import { CommandRun } from '../command-run.js';
import { plural } from '../plural.js';
import { chooseRepository, withRepoOption } from '../repository-option.js';
import { allowErrorsOption, guardWrites } from '../write-guard.js';

/** Registers `tracery baseline create NAME` and `tracery baseline list`. */
export function registerBaseline(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const baseline = program
    .command('baseline')
    .description(
      'Snapshots of the model in baselines/NAME.json, with a content hash per element and relation.',
    );
  const create = withRepoOption(
    baseline
      .command('create')
      .description(
        'Write baselines/NAME.json from the model as it is now (refused while the model has load errors, and over an existing baseline).',
      )
      .argument('<name>', 'the baseline name, such as T1-approved'),
  )
    .option('--force', 'replace a baseline of the same name (baselines are meant to be fixed)')
    .option('--json', 'print the JSON envelope instead of text');
  allowErrorsOption(create).action(
    async (
      name: string,
      options: { repo?: string; force?: boolean; allowErrors?: boolean; json?: boolean },
    ) => {
      const run = new CommandRun('baseline create', io, options.json === true);
      if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(name) || name.endsWith('.json'))
        return setExit(run.fail(`"${name}" is not a baseline name; use letters, digits, ".", "-" and "_".`));
      const loaded = await run.load(undefined, options.repo);
      if (!loaded) return setExit(run.exitCode);
      if (!guardWrites('baseline create', loaded.diagnostics, io, options.allowErrors).write)
        return setExit(EXIT.findings);
      try {
        const file = await createBaseline(loaded.root, name, loaded.model, { force: options.force === true });
        const { elementCount: elements, relationCount: relations } = loaded.model;
        setExit(
          await run.finish({
            ok: true,
            payload: { name, file, elements, relations },
            text: () => `wrote ${file}: ${plural(elements, 'element')}, ${plural(relations, 'relation')}`,
            exit: EXIT.ok,
          }),
        );
      } catch (error) {
        if (!(error instanceof TraceryError)) throw error;
        setExit(run.fail(error.message));
      }
    },
  );
  withRepoOption(baseline.command('list').description('List the baselines of a repository.'))
    .option('--json', 'print the JSON envelope instead of text')
    .action(async (options: { repo?: string; json?: boolean }) => {
      const run = new CommandRun('baseline list', io, options.json === true);
      const choice = chooseRepository(undefined, options.repo);
      if ('problem' in choice) return setExit(run.fail(choice.problem));
      run.repository = { root: resolve(choice.dir) };
      const names = await listBaselines(choice.dir);
      setExit(
        await run.finish({
          ok: true,
          payload: { baselines: names },
          text: () => (names.length > 0 ? names.join('\n') : 'no baselines yet'),
          exit: EXIT.ok,
        }),
      );
    });
}
