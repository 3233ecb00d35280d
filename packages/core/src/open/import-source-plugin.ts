import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RepositoryError } from '../errors/tracery-error.js';
import type { SourcePlugin } from './source-plugin.js';

type PluginModule = { readonly traceryPlugin?: SourcePlugin };

/**
 * Imports the package that reads one kind of source and gives its `traceryPlugin`. The package is
 * looked for where the running script is, in the current folder and in the repository (core does not
 * depend on it, so a plain import from core finds it only when it is hoisted beside core). Throws
 * {@link RepositoryError} naming the package to install when none of those places has it.
 *
 * @example
 * const plugin = await importSourcePlugin('bpmn', '@tracery/bpmn', 'packages/examples/mhhs');
 */
export async function importSourcePlugin(source: string, name: string, root: string): Promise<SourcePlugin> {
  const module = (await importByName(name)) ?? (await importFromPlaces(name, root));
  if (module === undefined)
    throw new RepositoryError(
      `tracery.yaml has sources.${source}, which ${name} reads, but ${name} is not installed where this script runs; install it (pnpm add ${name}), or remove sources.${source} from tracery.yaml.`,
    );
  const plugin = module.traceryPlugin;
  if (plugin?.source !== source || typeof plugin.loader !== 'function')
    throw new RepositoryError(
      `${name} does not export a traceryPlugin for sources.${source}; install a version of ${name} that matches @tracery/core.`,
    );
  return plugin;
}

function notFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
}

async function importByName(name: string): Promise<PluginModule | undefined> {
  try {
    return (await import(/* @vite-ignore */ name)) as PluginModule;
  } catch (error) {
    if (notFound(error)) return undefined;
    throw error;
  }
}

/** The places a user's script resolves packages from: the script itself, the current folder, the repository. */
function places(root: string): string[] {
  const script = process.argv[1];
  return [...(script ? [script] : []), join(process.cwd(), 'index.js'), join(root, 'index.js')];
}

async function importFromPlaces(name: string, root: string): Promise<PluginModule | undefined> {
  for (const place of places(root)) {
    for (const folder of createRequire(place).resolve.paths(name) ?? []) {
      const dir = join(folder, name);
      if (!existsSync(join(dir, 'package.json'))) continue;
      return (await import(pathToFileURL(join(dir, await entryOf(dir))).href)) as PluginModule;
    }
  }
  return undefined;
}

type PackageJson = {
  readonly exports?: { readonly '.'?: { readonly import?: string; readonly default?: string } | string };
  readonly main?: string;
};

/** The file an ESM import of the package opens: its `exports["."]` import entry, else `main`. */
async function entryOf(dir: string): Promise<string> {
  const json = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as PackageJson;
  const root = json.exports?.['.'];
  if (typeof root === 'string') return root;
  return root?.import ?? root?.default ?? json.main ?? 'index.js';
}
