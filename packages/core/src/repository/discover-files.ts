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
  const bases = globs
    .map((glob) => picomatch.scan(glob))
    // A `!glob` in the list matches every path it does not name (picomatch matches when any glob
    // does), so it can match anywhere: the whole repository is walked.
    .map((scan) => (scan.negated ? '' : scan.base));
  return (folder) =>
    bases.some(
      (base) =>
        base === '' || folder === base || folder.startsWith(`${base}/`) || base.startsWith(`${folder}/`),
    );
}

/**
 * Walks the folders of a repository that can hold a match of `globs` (not node_modules, .git or
 * dot-folders; a folder outside every glob's static base is not entered) and returns the absolute
 * paths of the files whose repository paths match, in path order. A symbolic link that leads outside
 * the repository is not followed: it becomes a diagnostic. Links that loop are visited once.
 */
export async function discoverFiles(root: string, globs: readonly string[]): Promise<DiscoveredFiles> {
  const match = picomatch([...globs], { dot: false });
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
