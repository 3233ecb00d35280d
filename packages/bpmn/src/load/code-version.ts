import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let version: string | undefined;

function hashFolder(folder: string, hash: ReturnType<typeof createHash>): void {
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) hashFolder(path, hash);
    else if (/\.(js|mjs|ts)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
      hash.update(entry.name).update(readFileSync(path));
  }
}

/**
 * The version of this package's code: a hash of every script of the folder the running code came
 * from (`dist/`, or `src/` when run from the sources). A load cached by another version is not reused.
 */
export function codeVersion(): string {
  if (version !== undefined) return version;
  const hash = createHash('sha256').update('@tracery/bpmn\n');
  try {
    let folder = dirname(fileURLToPath(import.meta.url));
    while (!/[\\/](dist|src)$/.test(folder) && dirname(folder) !== folder) folder = dirname(folder);
    hashFolder(folder, hash);
  } catch {
    hash.update(`unknown ${Date.now()} ${Math.random()}`); // the version cannot be known: never reuse
  }
  version = hash.digest('hex').slice(0, 24);
  return version;
}
