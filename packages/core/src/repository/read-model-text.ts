import type { Metamodel } from '../metamodel/metamodel.js';
import { idRule } from './id-safety.js';
import { metamodelOfConfig } from './metamodel-of-config.js';
import type { SchemaCache } from './model-drafts.js';
import type { ModelFileRead } from './model-file-cache.js';
import type { PackedModelFileRead } from './pack-model-file-read.js';
import { parseYamlText, type YamlLimits } from './parse-yaml-text.js';
import { readModelFile } from './read-model-file.js';
import { packScannedModel, readScannedModel } from './read-scanned-model.js';
import type { TraceryConfig } from './repository-config.js';
import { SCAN_MIN_DEPTH_LIMIT, scanModelYaml } from './scan-model-yaml.js';

/** What reading model files needs: the parse limits, the metamodel, the per-kind schemas, the parser. */
export type ReadContext = {
  readonly limits: YamlLimits;
  readonly metamodel: Metamodel;
  readonly schemas: SchemaCache;
  readonly fast: boolean;
};

/**
 * What a {@link ReadContext} is made from, as plain data that a worker thread can be given: the
 * validated config, the names a broken config declared, and the parser choice.
 */
export type ReadSetup = {
  readonly config: TraceryConfig;
  readonly tolerated: readonly string[];
  readonly fast: boolean;
};

/** The context of a setup: the metamodel rebuilt from the config, fresh per-kind schemas. */
export function readContextOf(setup: ReadSetup): ReadContext {
  return {
    limits: setup.config.limits,
    metamodel: metamodelOfConfig(setup.config).metamodel,
    schemas: { kinds: new Map(), tolerated: new Set(setup.tolerated), ids: idRule(setup.config.ids) },
    fast: setup.fast,
  };
}

/** True when the scanner may read files under this context (see {@link SCAN_MIN_DEPTH_LIMIT}). */
function scans(context: ReadContext): boolean {
  return context.fast && context.limits.maxDepth >= SCAN_MIN_DEPTH_LIMIT;
}

/**
 * Reads a model file in its canonical form with the scanner (no YAML document, no node tree), or
 * undefined when the scanner or the element reader leaves it to the parsers.
 */
export function readScanned(file: string, text: string, context: ReadContext): ModelFileRead | undefined {
  const scan = scans(context) ? scanModelYaml(text) : undefined;
  const read = scan && readScannedModel(file, scan, context.metamodel, context.schemas);
  return read && markScanned({ file, diagnostics: [], read });
}

/** The reads the scanner gave (here, or in a worker): kept apart from the read itself, which is the same either way. */
const scannedReads = new WeakSet<ModelFileRead>();

/** Marks a read as the scanner's (a worker's answer says so) and gives it back. */
export function markScanned(read: ModelFileRead): ModelFileRead {
  scannedReads.add(read);
  return read;
}

/**
 * True when the scanner gave this read: reading the file again costs about what fetching it from the
 * per-file cache costs (measured: 200k elements, one file changed, 2.4 s with the cache and without),
 * so such a read is not worth writing there.
 */
export function wasScanned(read: ModelFileRead): boolean {
  return scannedReads.has(read);
}

/**
 * What {@link readModelText} gives for a file the scanner reads, packed as a worker posts it (equal
 * to `packModelFileRead` of that read, without making the drafts); undefined for any other file.
 */
export function packScannedText(
  file: string,
  text: string,
  context: ReadContext,
): PackedModelFileRead | undefined {
  const scan = scans(context) ? scanModelYaml(text) : undefined;
  return scan && packScannedModel(file, scan, context.metamodel, context.schemas);
}

/** Reads a model file with the parsers alone: what {@link readModelText} gives for a file the scanner leaves. */
export function readParsedText(file: string, text: string, context: ReadContext): ModelFileRead {
  const parsed = parseYamlText(file, text, context.limits, context.fast);
  if (parsed.value === undefined) return { file, diagnostics: parsed.diagnostics };
  return {
    file,
    diagnostics: parsed.diagnostics,
    read: readModelFile(parsed, context.metamodel, context.schemas),
  };
}

/**
 * Parses one model file's text and reads its elements and relations: the one function every path
 * (in process, in a worker thread) reads a model file with. A file in the canonical form takes the
 * scanner, which gives exactly what the parsers give; any other file takes the parsers.
 */
export function readModelText(file: string, text: string, context: ReadContext): ModelFileRead {
  return readScanned(file, text, context) ?? readParsedText(file, text, context);
}
