import { relative, resolve } from 'node:path';
import { metamodelTypes, writeFileAtomic } from '@tracery/core/advanced';
import type { Command } from 'commander';
import { type CliIo, EXIT } from '../cli-io.js';
import { CommandRun } from '../command-run.js';
import { withRepoOption } from '../repository-option.js';

/** The file `tracery types` writes by default, in the repository's folder. */
export const TYPES_FILE = 'tracery-types.d.ts';

/** Registers `tracery types [dir]`. */
export function registerTypes(program: Command, io: CliIo, setExit: (code: number) => void): void {
  withRepoOption(
    program
      .command('types')
      .description(
        "Write a .d.ts of the repository's metamodel (kind names, their attributes with types, relation and inverse names) so that scripts get completion and the compiler rejects an unknown kind or relation name.",
      )
      .argument('[dir]', 'the repository folder: a shorthand for --repo'),
  )
    .option('--out <file>', `where to write the declarations (default: <repository>/${TYPES_FILE})`)
    .option('--json', 'print the JSON envelope (the file written, the counts) instead of text')
    .addHelpText(
      'after',
      `\nInclude the file in the script's compilation (tsconfig "include", or /// <reference path="${TYPES_FILE}" />);\nthen findElements(model, { kind: 'Interfce' }) and related(model, id, 'sentby') no longer compile.`,
    )
    .action(async (dir: string | undefined, options: { repo?: string; out?: string; json?: boolean }) => {
      const run = new CommandRun('types', io, options.json === true);
      const loaded = await run.load(dir, options.repo);
      if (!loaded) return setExit(run.exitCode);
      const out = resolve(options.out ?? resolve(loaded.root, TYPES_FILE));
      const source = loaded.config.name;
      await writeFileAtomic(out, metamodelTypes(loaded.metamodel, { source }));
      const file = relative(process.cwd(), out) || out;
      const kinds = loaded.metamodel.kinds.size;
      const relationNames = loaded.metamodel.relationNames.size;
      setExit(
        await run.finish({
          ok: true,
          payload: { file, kinds, relationNames },
          text: () => `wrote ${file} (${kinds} kinds, ${relationNames} relation names)`,
          exit: EXIT.ok,
        }),
      );
    });
}
