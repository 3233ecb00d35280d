import { join, relative, resolve } from 'node:path';
import { commentStatuses, writeFileAtomic } from '@tracery/core/advanced';
import { commentFileJsonSchema, jsonSchemas } from '@tracery/core/schemas';
import type { Command } from 'commander';
import { type CliIo, EXIT } from '../cli-io.js';
import { CommandRun } from '../command-run.js';
import { envelopeJsonSchema } from '../json-envelope.js';
import { withRepoOption } from '../repository-option.js';

/** The folder, inside a repository, where `tracery schema` writes by default. */
export const SCHEMA_FOLDER = '.tracery';

/**
 * The file names `tracery schema` writes: model files, tracery.yaml, the `--json` envelope, and
 * review-comment files.
 */
export const SCHEMA_FILES = [
  'model.schema.json',
  'tracery.schema.json',
  'output.schema.json',
  'comments.schema.json',
] as const;

/** Registers `tracery schema [dir]`. */
export function registerSchema(program: Command, io: CliIo, setExit: (code: number) => void): void {
  withRepoOption(
    program
      .command('schema')
      .description(
        "Write the JSON Schemas of the model files, tracery.yaml and the review-comment files (with this repository's extensions and comment statuses) for editors, and of the --json envelope every command prints.",
      )
      .argument('[dir]', 'the repository folder: a shorthand for --repo'),
  )
    .option('--out <folder>', `where to write the schemas (default: <repository>/${SCHEMA_FOLDER})`)
    .option('--json', 'print the JSON envelope (the files written) instead of text')
    .addHelpText(
      'after',
      `\nPoint an editor at them with a first line such as\n  # yaml-language-server: $schema=../${SCHEMA_FOLDER}/model.schema.json`,
    )
    .action(async (dir: string | undefined, options: { repo?: string; out?: string; json?: boolean }) => {
      const run = new CommandRun('schema', io, options.json === true);
      const loaded = await run.load(dir, options.repo);
      if (!loaded) return setExit(run.exitCode);
      const out = resolve(options.out ?? join(loaded.root, SCHEMA_FOLDER));
      const schemas = jsonSchemas(loaded.metamodel);
      const texts = [
        schemas.model,
        schemas.config,
        envelopeJsonSchema(),
        commentFileJsonSchema(commentStatuses(loaded.config.comments)),
      ];
      const written: string[] = [];
      for (const [i, name] of SCHEMA_FILES.entries()) {
        const path = join(out, name);
        await writeFileAtomic(path, `${JSON.stringify(texts[i], null, 2)}\n`);
        written.push(relative(process.cwd(), path) || path);
      }
      setExit(
        await run.finish({
          ok: true,
          payload: { folder: out, files: written },
          text: () => written.map((file) => `wrote ${file}`).join('\n'),
          exit: EXIT.ok,
        }),
      );
    });
}
