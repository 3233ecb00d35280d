import { isAbsolute, relative, resolve, sep } from 'node:path';

/** A repository path for a file inside the repository, else the path as given (for messages). */
export function shownPath(root: string, path: string): string {
  const rel = relative(root, resolve(path));
  if (rel.startsWith('..') || isAbsolute(rel)) return path.split(sep).join('/');
  return rel.split(sep).join('/');
}
