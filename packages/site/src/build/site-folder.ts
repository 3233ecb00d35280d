import { readdir, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { InvalidArgumentError } from '@tracery/core';

/** The file a build leaves in its folder: a folder that holds it may be emptied by the next build. */
export const SITE_MARKER = '.tracery-site';

/** What a site folder of a Tracery from before {@link SITE_MARKER} always held. */
const EARLIER_SITE = ['index.html', 'assets', 'e'];

/** True when `path` is `folder` or inside it. */
function isWithin(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Refuses a site folder that emptying would lose something in: the repository itself or a folder
 * that holds it, and a folder that is neither empty, nor missing, nor a site Tracery wrote (its
 * {@link SITE_MARKER}, or the pages of an earlier site). Checked before anything is removed.
 */
export async function checkSiteFolder(out: string, repositoryRoot: string): Promise<void> {
  const folder = resolve(out);
  if (isWithin(folder, resolve(repositoryRoot)))
    throw new InvalidArgumentError(
      `options.out: "${out}" holds the repository ("${repositoryRoot}"), and the site folder is emptied before a build; give a folder of its own, such as "${join(repositoryRoot, 'site')}".`,
    );
  const entries = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw new InvalidArgumentError(
      `options.out: "${out}" cannot be used as the site folder (${error.code ?? error.message}); give a folder.`,
    );
  });
  if (entries.length === 0 || entries.includes(SITE_MARKER)) return;
  if (EARLIER_SITE.every((name) => entries.includes(name))) return;
  throw new InvalidArgumentError(
    `options.out: "${out}" is not empty and is not a site Tracery wrote (it has no ${SITE_MARKER}); the site folder is emptied before a build, so give a new or empty folder, or empty this one yourself.`,
  );
}

/** Leaves the marker that lets the next build empty the folder. */
export async function markSiteFolder(out: string): Promise<void> {
  await writeFile(
    join(out, SITE_MARKER),
    'Written by tracery site: the next build empties this folder and writes the site again.\n',
  );
}
