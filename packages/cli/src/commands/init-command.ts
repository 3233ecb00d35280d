import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { CONFIG_FILE } from '@tracery/core';
import { loadConfig, writeFileAtomic } from '@tracery/core/advanced';
import { jsonSchemas } from '@tracery/core/schemas';
import type { Command } from 'commander';
import { type CliIo, EXIT } from '../cli-io.js';
import { initTemplates } from './init-templates.js';
import { SCHEMA_FOLDER } from './schema-command.js';

/** Registers `tracery init [dir]`: a new repository that validates and checks clean. */
export function registerInit(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('init')
    .description(
      'Start a design repository: tracery.yaml, model/example.yaml with one element of each kind, editor schemas in .tracery/, .gitignore and a GitHub Actions workflow (validate, check with SARIF, trace --fail-under).',
    )
    .argument('[dir]', 'the folder (created when missing; default: the current folder)')
    .option('--repo <dir>', 'the same as the folder argument')
    .option('--name <name>', 'the name of the design (default: the folder name)')
    .addHelpText(
      'after',
      '\nExit codes: 0 written, 2 the folder already holds a repository (nothing is written).',
    )
    .action(async (dir: string | undefined, options: { repo?: string; name?: string }) => {
      if (dir !== undefined && options.repo !== undefined && resolve(dir) !== resolve(options.repo)) {
        io.err(
          `tracery init: the folder is given twice ("${dir}" and --repo "${options.repo}"); give one of them.`,
        );
        return setExit(EXIT.usage);
      }
      setExit(await runInit(dir ?? options.repo ?? '.', options, io));
    });
}

async function runInit(dir: string, options: { name?: string }, io: CliIo): Promise<number> {
  const root = resolve(dir);
  const templates = initTemplates(options.name ?? basename(root));
  const taken = [...new Set([CONFIG_FILE, ...Object.keys(templates)])].filter((path) =>
    existsSync(join(root, path)),
  );
  if (taken.length > 0) {
    io.err(
      `tracery: ${dir} already has ${taken.join(', ')}; init never writes over a file. Use another folder, or run tracery validate ${dir} on the repository that is there.`,
    );
    return EXIT.usage;
  }
  for (const [path, text] of Object.entries(templates)) await writeFileAtomic(join(root, path), text);
  const { metamodel } = await loadConfig(root);
  const schemas = jsonSchemas(metamodel);
  await writeFileAtomic(
    join(root, SCHEMA_FOLDER, 'model.schema.json'),
    `${JSON.stringify(schemas.model, null, 2)}\n`,
  );
  await writeFileAtomic(
    join(root, SCHEMA_FOLDER, 'tracery.schema.json'),
    `${JSON.stringify(schemas.config, null, 2)}\n`,
  );
  const written = [
    ...Object.keys(templates),
    `${SCHEMA_FOLDER}/model.schema.json`,
    `${SCHEMA_FOLDER}/tracery.schema.json`,
  ];
  io.out(
    [
      `Started a design repository in ${dir}:`,
      ...written.sort().map((path) => `  ${path}`),
      '',
      'Next:',
      `  tracery metamodel --repo ${dir}      the kinds, attributes and relations you can write`,
      `  tracery validate ${dir}             every problem in the files, with file:line:col`,
      `  tracery check ${dir}                the design assurance rules`,
    ].join('\n'),
  );
  return EXIT.ok;
}
