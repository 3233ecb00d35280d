import { cp, lstat, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { bpmnSourceLoader } from '@tracery/bpmn';
import { type Diagnostic, type LoadedRepository, loadRepository } from '@tracery/core';
import { writeFileAtomic } from '@tracery/core/advanced';

/** Folders never copied for a trial load: they hold no design files and can be large. */
const SKIPPED = new Set(['.git', 'node_modules', 'out', 'baselines', '.tracery']);

/**
 * Copied for a trial load: folders, regular files and links. A FIFO, socket or device is left out (a
 * copy would fail, and the loader refuses them anyway; one in the model is already a load error).
 */
async function copied(root: string, src: string): Promise<boolean> {
  if (src !== root && SKIPPED.has(basename(src))) return false;
  const info = await lstat(src).catch(() => undefined);
  return info !== undefined && (info.isDirectory() || info.isFile() || info.isSymbolicLink());
}

/**
 * Loads the repository as it would be after writing `files` (repository path -> text), in a temporary
 * copy, and returns the errors the new files would bring: an id that breaks the repository's id
 * patterns or the safe id characters, a reference that does not resolve, anything `tracery validate`
 * would report. The repository itself is not touched; the caller writes only when this is empty.
 */
export async function importErrors(
  loaded: LoadedRepository,
  files: ReadonlyMap<string, string>,
): Promise<Diagnostic[]> {
  const trial = await mkdtemp(join(tmpdir(), 'tracery-import-check-'));
  try {
    await cp(loaded.root, trial, { recursive: true, filter: (src) => copied(loaded.root, src) });
    for (const [path, text] of files) await writeFileAtomic(join(trial, path), text);
    const after = await loadRepository(trial, { loaders: [bpmnSourceLoader()] });
    const before = new Set(loaded.diagnostics.map((d) => `${d.code} ${d.message}`));
    return after.diagnostics.filter((d) => d.severity === 'error' && !before.has(`${d.code} ${d.message}`));
  } finally {
    await rm(trial, { recursive: true, force: true });
  }
}
