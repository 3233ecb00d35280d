import type { Metamodel } from '../metamodel/metamodel.js';
import { idRule } from './id-safety.js';
import { metamodelOfConfig } from './metamodel-of-config.js';
import type { SchemaCache } from './model-drafts.js';
import type { ModelFileRead } from './model-file-cache.js';
import { parseYamlText, type YamlLimits } from './parse-yaml-text.js';
import { readModelFile } from './read-model-file.js';
import type { TraceryConfig } from './repository-config.js';

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

/**
 * Parses one model file's text and reads its elements and relations: the one function every path
 * (in process, in a worker thread) reads a model file with.
 */
export function readModelText(file: string, text: string, context: ReadContext): ModelFileRead {
  const parsed = parseYamlText(file, text, context.limits, context.fast);
  if (parsed.value === undefined) return { file, diagnostics: parsed.diagnostics };
  return {
    file,
    diagnostics: parsed.diagnostics,
    read: readModelFile(parsed, context.metamodel, context.schemas),
  };
}
