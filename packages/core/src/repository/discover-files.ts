import { readdir, readlink, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import picomatch from 'picomatch';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isInside, repositoryPath } from './read-source-file.js';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/** The files of a repository that match some globs, sorted, and the links that point outside it. */
export type DiscoveredFiles = { readonly files: string[]; readonly diagnostics: Diagnostic[] };

/**
 * Whether a folder (its repository path) can hold a match of some glob: it is inside a glob's static
 * base (`model` for `model/**\/*.yaml`, the whole repository for `**\/*.yaml`), or on the way to one.
 */
export function folderFilter(globs: readonly string[]): (folder: string) => boolean {
  // A `!glob` only takes away (see globMatcher), so only the other globs say where to look.
  const bases = globs.filter((glob) => !isExclusion(glob)).map((glob) => picomatch.scan(glob).base);
  return (folder) =>
    bases.some(
      (base) =>
        base === '' || folder === base || folder.startsWith(`${base}/`) || base.startsWith(`${folder}/`),
    );
}

const isExclusion = (glob: string): boolean => glob.startsWith('!');

/**
 * Whether a repository path is one the globs select: it matches some glob and no `!glob`, in any order
 * (`['model/**', '!model/drafts/**']` is every model file outside drafts). A list of only `!globs`
 * selects nothing. (picomatch given the whole list would match a path when any one glob does, so a
 * `!glob` would widen the selection to every path it does not name.)
 */
export function globMatcher(globs: readonly string[]): (path: string) => boolean {
  const include = globs.filter((glob) => !isExclusion(glob));
  const exclude = globs.filter(isExclusion).map((glob) => glob.slice(1));
  const included = include.length > 0 ? picomatch(include, { dot: false }) : () => false;
  const excluded = exclude.length > 0 ? picomatch(exclude, { dot: false }) : () => false;
  return (path) => included(path) && !excluded(path);
}

/**
 * Walks the folders of a repository that can hold a match of `globs` (not node_modules, .git or
 * dot-folders; a folder outside every glob's static base is not entered) and returns the absolute
 * paths of the files whose repository paths match, in path order. A symbolic link that leads outside
 * the repository is not followed: it becomes a diagnostic. Links that loop are visited once.
 */
export async function discoverFiles(root: string, globs: readonly string[]): Promise<DiscoveredFiles> {
  const match = globMatcher(globs);
  const enter = folderFilter(globs);
  const realRoot = await realpath(root);
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const visited = new Set<string>([realRoot]);
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(folder, entry.name);
      const rel = repositoryPath(root, path);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.') && enter(rel)) await walk(path);
        continue;
      }
      if (entry.isSymbolicLink()) {
        const target = await realpath(path).catch(() => undefined);
        if (target === undefined) continue;
        if (!isInside(realRoot, target)) {
          if (match(rel) || match(`${rel}/x.yaml`) || match(`${rel}/x.json`)) {
            diagnostics.push({
              code: 'symlink-outside-repository',
              severity: 'error',
              source: { file: rel, line: 1, column: 1 },
              message: `"${rel}" is a symbolic link to "${await readlink(path)}", outside the repository; copy the files in or remove the link.`,
            });
          }
          continue;
        }
        const isFolder = await readdir(path).then(
          () => true,
          () => false,
        );
        if (isFolder) {
          if (!visited.has(target) && enter(rel)) {
            visited.add(target);
            await walk(path);
          }
          continue;
        }
      }
      if (match(rel)) files.push(path);
    }
  };
  await walk(root);
  return { files, diagnostics };
}
