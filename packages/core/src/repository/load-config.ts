import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { RepositoryError } from '../errors/tracery-error.js';
import { defaultMetamodel, type Metamodel } from '../metamodel/metamodel.js';
import { extendMetamodel } from '../metamodel/metamodel-extension.js';
import { parseYamlFile } from './parse-yaml-file.js';
import { readSourceFile } from './read-source-file.js';
import {
  DEFAULT_LIMITS,
  defaultConfig,
  type TraceryConfig,
  TraceryConfigSchema,
} from './repository-config.js';
import { schemaIssueDiagnostics } from './schema-issue.js';
import { nodeAtPath, positionOf } from './yaml-position.js';

/** The name of a repository's config file. */
export const CONFIG_FILE = 'tracery.yaml';

/** A repository's config and the metamodel it gives, with the problems found in tracery.yaml. */
export type LoadedConfig = {
  readonly config: TraceryConfig;
  readonly metamodel: Metamodel;
  readonly diagnostics: Diagnostic[];
};

/**
 * Reads and validates tracery.yaml, and applies its metamodel extension to the default metamodel.
 * Throws {@link RepositoryError} when the folder has no tracery.yaml (it is not a repository);
 * every problem inside the file is a diagnostic.
 */
export async function loadConfig(root: string): Promise<LoadedConfig> {
  const path = join(root, CONFIG_FILE);
  try {
    await access(path);
  } catch {
    throw new RepositoryError(
      `"${root}" is not a Tracery repository: it has no ${CONFIG_FILE}. Create one with at least "name: <your design>".`,
    );
  }
  const fallback = defaultConfig('unnamed');
  const read = await readSourceFile(root, path, DEFAULT_LIMITS.maxFileBytes);
  if ('diagnostic' in read)
    return { config: fallback, metamodel: defaultMetamodel(), diagnostics: [read.diagnostic] };
  const parsed = parseYamlFile(CONFIG_FILE, read.text, DEFAULT_LIMITS.maxAliasCount);
  const diagnostics = [...parsed.diagnostics];
  if (parsed.value === undefined) return { config: fallback, metamodel: defaultMetamodel(), diagnostics };
  const result = TraceryConfigSchema.safeParse(parsed.value ?? {});
  if (!result.success) {
    for (const issue of result.error.issues) {
      diagnostics.push(
        ...schemaIssueDiagnostics(issue, {
          source: parsed.source,
          node: parsed.document.contents,
          value: parsed.value,
          subject: CONFIG_FILE,
          unknownKeyCode: 'invalid-config',
          knownKeys: (p) => (p.length === 0 ? Object.keys(TraceryConfigSchema.shape) : []),
        }).map((d) =>
          d.code === 'invalid-value' || d.code === 'missing-field' ? { ...d, code: 'invalid-config' } : d,
        ),
      );
    }
    return { config: fallback, metamodel: defaultMetamodel(), diagnostics };
  }
  const config = result.data;
  const { metamodel, problems } = extendMetamodel(defaultMetamodel(), config.metamodel ?? {});
  for (const problem of problems) {
    diagnostics.push({
      code: 'invalid-extension',
      severity: 'error',
      message: `metamodel.${problem.path.join('.')}: ${problem.message}`,
      source: positionOf(parsed.source, nodeAtPath(parsed.document.contents, ['metamodel', ...problem.path])),
    });
  }
  return { config, metamodel, diagnostics };
}
