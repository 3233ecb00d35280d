import { join, relative, resolve } from 'node:path';
import { jsonSchemas, writeFileAtomic } from '@tracery/core';
import type { Command } from 'commander';
import { type CliIo, EXIT } from '../cli-io.js';
import { loadForCli } from '../load-for-cli.js';

/** The folder, inside a repository, where `tracery schema` writes by default. */
export const SCHEMA_FOLDER = '.tracery';

/** Registers `tracery schema [dir]`. */
export function registerSchema(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('schema')
    .description(
      "Write the JSON Schemas of the model files and of tracery.yaml (with this repository's extensions) for editors.",
    )
    .argument('[dir]', 'the repository folder', '.')
    .option('--out <folder>', `where to write the schemas (default: <dir>/${SCHEMA_FOLDER})`)
    .addHelpText(
      'after',
      `\nPoint an editor at them with a first line such as\n  # yaml-language-server: $schema=../${SCHEMA_FOLDER}/model.schema.json`,
    )
    .action(async (dir: string, options: { out?: string }) => {
      const loaded = await loadForCli(dir, io);
      if (!loaded) return setExit(EXIT.usage);
      const out = resolve(options.out ?? join(loaded.root, SCHEMA_FOLDER));
      const schemas = jsonSchemas(loaded.metamodel);
      for (const [name, schema] of [
        ['model.schema.json', schemas.model],
        ['tracery.schema.json', schemas.config],
      ] as const) {
        const path = join(out, name);
        await writeFileAtomic(path, `${JSON.stringify(schema, null, 2)}\n`);
        io.out(`wrote ${relative(process.cwd(), path) || path}`);
      }
      setExit(EXIT.ok);
    });
}
