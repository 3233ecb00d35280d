import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type Command, Option } from 'commander';

/** The file that marks a repository's root folder. */
export const CONFIG_FILE = 'tracery.yaml';

/**
 * Adds `--repo <dir>` to a command: every command takes it. Without it (and without a positional folder
 * where a command allows one) the repository is found by looking upward from the current folder.
 *
 * @example
 * withRepoOption(program.command('stats').argument('[dir]'))
 */
export function withRepoOption(command: Command): Command {
  return command.addOption(
    new Option(
      '--repo <dir>',
      `the repository folder (the one with ${CONFIG_FILE}); default: found by looking upward from the current folder`,
    ),
  );
}

/**
 * The nearest folder at or above `start` that holds tracery.yaml, or undefined.
 *
 * @example
 * findRepositoryRoot(process.cwd()) // '/home/me/design' when run in /home/me/design/model
 */
export function findRepositoryRoot(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, CONFIG_FILE))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The repository folder a command works on, or a usage message when it cannot tell. */
export type RepositoryChoice = { readonly dir: string } | { readonly problem: string };

/**
 * Picks the repository folder: the positional folder (a shorthand some commands keep) or `--repo`
 * (not both, unless they agree), else the nearest folder upward from `cwd` with tracery.yaml.
 *
 * @example
 * chooseRepository(undefined, 'packages/examples/mhhs') // { dir: 'packages/examples/mhhs' }
 */
export function chooseRepository(
  positional: string | undefined,
  repo: string | undefined,
  cwd: string = process.cwd(),
): RepositoryChoice {
  if (positional !== undefined && repo !== undefined && resolve(positional) !== resolve(repo))
    return {
      problem: `the repository is given twice ("${positional}" and --repo "${repo}"); give one of them.`,
    };
  const given = repo ?? positional;
  if (given !== undefined) return { dir: given };
  const found = findRepositoryRoot(cwd);
  if (found !== undefined) return { dir: found };
  return {
    problem: `no ${CONFIG_FILE} in ${resolve(cwd)} or any folder above it; give the repository with --repo DIR.`,
  };
}
