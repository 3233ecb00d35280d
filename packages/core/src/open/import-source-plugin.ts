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

type Conditional = string | { readonly [condition: string]: Conditional };
type PackageJson = {
  readonly exports?: Conditional | { readonly '.'?: Conditional };
  readonly main?: string;
};

/** The conditions an import matches, as Node matches them: its defaults and those given with --conditions (-C). */
function activeConditions(): Set<string> {
  const active = new Set(['import', 'node', 'default']);
  const args = process.execArgv;
  for (const [i, arg] of args.entries()) {
    if (arg.startsWith('--conditions=')) active.add(arg.slice('--conditions='.length));
    else if ((arg === '--conditions' || arg === '-C') && args[i + 1]) active.add(args[i + 1]!);
  }
  return active;
}

/** The first target whose condition is active, in the order the package lists them (as Node resolves). */
function pick(target: Conditional | undefined, active: ReadonlySet<string>): string | undefined {
  if (target === undefined || typeof target === 'string') return target;
  for (const [condition, next] of Object.entries(target)) {
    if (!active.has(condition)) continue;
    const found = pick(next, active);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The file an import of the package opens: its `exports["."]` entry for the active conditions, else `main`. */
async function entryOf(dir: string): Promise<string> {
  const json = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as PackageJson;
  const exports = json.exports;
  const root = typeof exports === 'object' && '.' in exports ? exports['.'] : exports;
  return pick(root as Conditional | undefined, activeConditions()) ?? json.main ?? 'index.js';
}
