import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { DiscoveredFiles } from './discover-files.js';
import type { SourceLoader } from './load-repository.js';
import { ModelSnapshotCache } from './model-snapshot-cache.js';
import type { ModelFileBytes } from './read-model-files.js';
import { repositoryPath } from './read-source-file.js';
import type { TraceryConfig } from './repository-config.js';

const sha256 = (bytes: string | Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** What a load read, for the key of its snapshot. */
export type LoadInputs = {
  readonly root: string;
  /** The config, limits and parser the load ran under (the model-file cache's settings). */
  readonly settings: string;
  readonly config: TraceryConfig;
  /** What identifies the bytes of tracery.yaml the config was read from (see `readConfig`). */
  readonly configIdentity: string;
  readonly discovered: DiscoveredFiles;
  /** The model files' bytes, each with its hash. */
  readonly modelFiles: readonly ModelFileBytes[];
  readonly loaders: readonly SourceLoader[];
};

/** The key of a load's snapshot, and the loaders left out of it because they said they were idle. */
export type LoadSnapshotKey = { readonly key: string; readonly idle: ReadonlySet<SourceLoader> };

/**
 * The key of a whole load: the settings, the bytes of tracery.yaml, what discovery found, the path
 * and content hash of every model file (or why it could not be read), and each loader's name, version
 * and the content of every file it reads. A loader idle under this config (see `SourceLoader.inputs`)
 * adds nothing, so the same files give the same key whether or not it was passed. The tool's version
 * is the cache folder's name. Undefined when a loader cannot say what it reads: such a load is never
 * answered from a snapshot.
 */
export async function loadSnapshotKey(inputs: LoadInputs): Promise<LoadSnapshotKey | undefined> {
  const { root, config } = inputs;
  const parts = [inputs.settings, inputs.configIdentity, JSON.stringify(inputs.discovered.diagnostics)];
  for (const { file, read, hash } of inputs.modelFiles)
    parts.push(file, 'diagnostic' in read ? JSON.stringify(read.diagnostic) : (hash ?? sha256(read.bytes)));
  const idle = new Set<SourceLoader>();
  for (const loader of inputs.loaders) {
    if (!loader.inputs) return undefined;
    const { files, version, idle: isIdle } = await loader.inputs({ root, config });
    if (isIdle) {
      idle.add(loader);
      continue;
    }
    parts.push(`loader ${loader.name} ${version}`);
    for (const path of files) {
      const bytes = await readFile(path).catch(() => undefined);
      parts.push(repositoryPath(root, path), bytes ? sha256(bytes) : 'unreadable');
    }
  }
  return { key: ModelSnapshotCache.keyOf(parts), idle };
}
