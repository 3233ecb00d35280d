import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ModelFileContents } from './model-drafts.js';
import {
  isPackedModelFileRead,
  type PackedModelFileRead,
  packModelFileRead,
  unpackModelFileRead,
} from './pack-model-file-read.js';

/** What reading one model file gave: its diagnostics, and its drafts when it could be read. */
export type ModelFileRead = {
  readonly file: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly read?: ModelFileContents;
};

/** Bump when the shape of an entry changes. */
const CACHE_FORMAT = 2;

/** Where the cache lives in a repository. Safe to delete at any time; git ignores it. */
export const CACHE_FOLDER = '.tracery/cache';

let toolFingerprint: string | undefined;

/**
 * The version of the code that reads model files: a hash of the code beside this module (the
 * bundle in dist/, or the sources when run from them). A cache is never read by another version.
 */
export function fingerprintOfTool(): string {
  if (toolFingerprint !== undefined) return toolFingerprint;
  const hash = createHash('sha256').update(`tracery model-file cache ${CACHE_FORMAT}\n`);
  try {
    const folder = dirname(fileURLToPath(import.meta.url));
    const files = readdirSync(folder).filter(
      (name) => /\.(js|mjs|ts)$/.test(name) && !name.endsWith('.d.ts'),
    );
    for (const name of files.sort()) hash.update(name).update(readFileSync(join(folder, name)));
  } catch {
    hash.update(`unknown ${Date.now()} ${Math.random()}`); // the version cannot be known: never reuse
  }
  toolFingerprint = hash.digest('hex').slice(0, 24);
  return toolFingerprint;
}

/** An entry: the read packed as a worker posts it (a third of the bytes, read back faster), or as it is. */
type Entry = {
  readonly format: number;
  readonly key: string;
  readonly packed?: PackedModelFileRead;
  readonly value?: ModelFileRead;
};

function isRead(read: unknown): read is ModelFileRead {
  if (read === null || typeof read !== 'object') return false;
  const value = read as Partial<ModelFileRead>;
  return (
    typeof value.file === 'string' &&
    Array.isArray(value.diagnostics) &&
    (value.read === undefined ||
      (Array.isArray(value.read.elements) &&
        Array.isArray(value.read.relations) &&
        Array.isArray(value.read.brokenIds) &&
        Array.isArray(value.read.diagnostics)))
  );
}

/** The read an entry holds, or undefined when it is not a whole entry of this format and key. */
function readOf(value: unknown, key: string): ModelFileRead | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const entry = value as Partial<Entry>;
  if (entry.format !== CACHE_FORMAT || entry.key !== key) return undefined;
  if (entry.packed !== undefined)
    return isPackedModelFileRead(entry.packed) ? unpackModelFileRead(entry.packed) : undefined;
  return isRead(entry.value) ? entry.value : undefined;
}

/**
 * A cache of what reading each model file gave, in `<repository>/.tracery/cache/<tool version>/`,
 * keyed by a hash of the file's path and content and of the config it was read under. Entries of
 * other tool versions are deleted when it is written; an entry that cannot be read back (corrupt,
 * truncated, another format) is a miss and is rebuilt. Failing to write is never an error: the cache
 * only saves time.
 */
export class ModelFileCache {
  private readonly pending = new Map<string, ModelFileRead>();

  private constructor(
    private readonly base: string,
    /** The folder of this tool version's entries. */
    readonly folder: string,
    private readonly salt: string,
  ) {}

  /** The cache of a repository for loads under `settings` (the config, the limits, the parser). */
  static open(root: string, settings: string): ModelFileCache {
    const base = join(root, ...CACHE_FOLDER.split('/'));
    const folder = join(base, fingerprintOfTool());
    return new ModelFileCache(base, folder, createHash('sha256').update(settings).digest('hex'));
  }

  /** The key of a file's content, given as a hash of its bytes. */
  keyOf(file: string, contentHash: string): string {
    return createHash('sha256')
      .update(this.salt)
      .update('\0')
      .update(file)
      .update('\0')
      .update(contentHash)
      .digest('hex');
  }

  /** The cached read of a key, or undefined (never cached, or unreadable). */
  async get(key: string): Promise<ModelFileRead | undefined> {
    try {
      return readOf(deserialize(await readFile(this.pathOf(key))), key);
    } catch {
      return undefined;
    }
  }

  /** Keeps a read to be written by {@link flush}. */
  set(key: string, value: ModelFileRead): void {
    this.pending.set(key, value);
  }

  /**
   * Makes the cache folder with its .gitignore, deletes the entries of other tool versions, and writes
   * the kept reads (each to a temporary file, then renamed, so no reader sees half an entry).
   */
  async flush(): Promise<void> {
    try {
      await mkdir(this.folder, { recursive: true });
      await writeFile(join(this.base, '.gitignore'), '# Tracery cache: safe to delete.\n*\n');
      const version = basename(this.folder);
      for (const entry of await readdir(this.base, { withFileTypes: true }))
        if (entry.isDirectory() && entry.name !== version)
          await rm(join(this.base, entry.name), { recursive: true, force: true });
    } catch {
      return; // a read-only repository loads without a cache
    }
    for (const [key, value] of this.pending) await this.write(key, value);
    this.pending.clear();
  }

  private async write(key: string, value: ModelFileRead): Promise<void> {
    const path = this.pathOf(key);
    const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      const packed = packModelFileRead(value);
      const entry: Entry = packed
        ? { format: CACHE_FORMAT, key, packed }
        : { format: CACHE_FORMAT, key, value };
      await writeFile(temporary, serialize(entry));
      await rename(temporary, path);
    } catch {
      await rm(temporary, { force: true }).catch(() => undefined);
    }
  }

  private pathOf(key: string): string {
    return join(this.folder, `${key}.v8`);
  }
}
