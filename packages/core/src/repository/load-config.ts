import { createHash } from 'node:crypto';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { Document } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMeanSuffix } from '../diagnostics/did-you-mean.js';
import { RepositoryError } from '../errors/tracery-error.js';
import { impactNameProblems } from '../impact/apply-impact-config.js';
import { defaultMetamodel, type Metamodel } from '../metamodel/metamodel.js';
import type { ExtensionProblem } from '../metamodel/metamodel-extension.js';
import { appendAll } from './append-all.js';
import { metamodelOfConfig } from './metamodel-of-config.js';
import { parseYamlFile } from './parse-yaml-file.js';
import { refuseTooDeep } from './parse-yaml-text.js';
import { decodeSource, readSourceBytes } from './read-source-file.js';
import { DEFAULT_LIMITS, type TraceryConfig, TraceryConfigSchema } from './repository-config.js';
import { schemaIssueDiagnostics } from './schema-issue.js';
import { keyNode, nodeAtPath, positionOf, type YamlSource } from './yaml-position.js';

/** The name of a repository's config file. */
export const CONFIG_FILE = 'tracery.yaml';

/**
 * A repository's config and the metamodel it gives, with the problems found in tracery.yaml.
 * `tolerated` holds the kind and field names that a broken part of the config declared, so that
 * their uses in model files are not reported a second time.
 */
export type LoadedConfig = {
  readonly config: TraceryConfig;
  readonly metamodel: Metamodel;
  readonly diagnostics: Diagnostic[];
  readonly tolerated: ReadonlySet<string>;
};

type Sections = Record<string, unknown>;

/** Validates each top-level section on its own, so one bad section does not throw the others away. */
function validateSections(
  value: unknown,
  source: YamlSource,
  document: Document.Parsed,
  diagnostics: Diagnostic[],
): Sections {
  const data =
    value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Sections) : {};
  const shape = TraceryConfigSchema.shape as Record<
    string,
    { safeParse(v: unknown): { success: boolean; error?: { issues: never[] } } }
  >;
  const good: Sections = {};
  const root = document.contents;
  for (const key of Object.keys(data)) {
    if (!Object.hasOwn(shape, key)) {
      diagnostics.push({
        code: 'invalid-config',
        severity: 'error',
        source: positionOf(source, keyNode(root, key) ?? root),
        message: `unknown section "${key}" in ${CONFIG_FILE}${didYouMeanSuffix(key, Object.keys(shape))}${
          didYouMeanSuffix(key, Object.keys(shape))
            ? ''
            : `; the sections are ${Object.keys(shape)
                .filter((k) => k !== '$schema')
                .join(', ')}.`
        }`,
      });
      continue;
    }
    const result = shape[key]!.safeParse(data[key]);
    if (result.success) {
      good[key] = data[key];
      continue;
    }
    for (const issue of result.error!.issues) {
      const located = {
        ...(issue as object),
        path: [key, ...(issue as { path: PropertyKey[] }).path],
      } as never;
      for (const d of schemaIssueDiagnostics(located, {
        source,
        node: root,
        value: data,
        subject: CONFIG_FILE,
        unknownKeyCode: 'invalid-config',
      })) {
        diagnostics.push({ ...d, code: 'invalid-config' });
      }
    }
  }
  if (data.name === undefined) {
    diagnostics.push({
      code: 'invalid-config',
      severity: 'error',
      source: positionOf(source, root),
      message: `${CONFIG_FILE} has no "name"; add one, such as "name: MHHS design".`,
    });
  }
  return good;
}

/** Kind and attribute names that the raw (possibly broken) metamodel section declares. */
function declaredNames(value: unknown): Set<string> {
  const names = new Set<string>();
  const metamodel = (value as Sections | null)?.metamodel as Sections | undefined;
  if (!metamodel || typeof metamodel !== 'object') return names;
  const keysOf = (v: unknown) => (v && typeof v === 'object' ? Object.keys(v) : []);
  for (const kind of keysOf(metamodel.kinds)) names.add(kind);
  for (const kind of keysOf(metamodel.attributes))
    for (const attr of keysOf((metamodel.attributes as Sections)[kind])) names.add(attr);
  for (const type of keysOf(metamodel.relationTypes)) {
    names.add(type);
    const inverse = ((metamodel.relationTypes as Sections)[type] as Sections | undefined)?.inverse;
    if (typeof inverse === 'string') names.add(inverse);
  }
  return names;
}

function extensionDiagnostics(
  problems: readonly ExtensionProblem[],
  source: YamlSource,
  document: Document.Parsed,
): Diagnostic[] {
  return problems.map((problem) => {
    const path = ['metamodel', ...problem.path];
    const last = path[path.length - 1];
    const parent = nodeAtPath(document.contents, path.slice(0, -1));
    const namesAKey =
      typeof last === 'string' &&
      last !== 'inverse' &&
      last !== 'idPattern' &&
      problem.path[0] !== 'idPatterns';
    const at =
      (namesAKey ? keyNode(parent as never, last) : undefined) ?? nodeAtPath(document.contents, path);
    return {
      code: 'invalid-extension',
      severity: 'error' as const,
      message: `${path.join('.')}: ${problem.message}`,
      source: positionOf(source, at),
    };
  });
}

/** Diagnostics for problems of the `impact:` section, at the key or item they name. */
function impactDiagnostics(
  problems: readonly ExtensionProblem[],
  source: YamlSource,
  document: Document.Parsed,
): Diagnostic[] {
  return problems.map((problem) => {
    const path = ['impact', ...problem.path];
    const last = path[path.length - 1];
    const at =
      (typeof last === 'string'
        ? keyNode(nodeAtPath(document.contents, path.slice(0, -1)) as never, last)
        : undefined) ?? nodeAtPath(document.contents, path);
    return {
      code: 'invalid-config',
      severity: 'error' as const,
      message: `${path.join('.')}: ${problem.message}`,
      source: positionOf(source, at),
    };
  });
}

/**
 * Reads and validates tracery.yaml, and applies its metamodel extension to the default metamodel.
 * Throws {@link RepositoryError} when the folder has no tracery.yaml (it is not a repository);
 * every problem inside the file is a diagnostic, and the sections without problems still apply.
 */
export async function loadConfig(root: string): Promise<LoadedConfig> {
  return (await readConfig(root)).loaded;
}

/**
 * A config as {@link readConfig} read it: the loaded config, and what identifies the text it came
 * from (the SHA-256 of its bytes, or the diagnostic that says why they could not be read), which the
 * whole-load cache keys on, so that tracery.yaml is read once per load and the key is of the very
 * bytes the config came from.
 */
export type ReadConfig = { readonly loaded: LoadedConfig; readonly identity: string };

/** {@link loadConfig}, with what identifies the bytes of tracery.yaml it read. */
export async function readConfig(root: string): Promise<ReadConfig> {
  const path = join(root, CONFIG_FILE);
  try {
    await access(path);
  } catch {
    throw new RepositoryError(
      `"${root}" is not a Tracery repository: it has no ${CONFIG_FILE}. Create one with at least "name: <your design>".`,
    );
  }
  const bytes = await readSourceBytes(root, path, DEFAULT_LIMITS.maxFileBytes);
  if ('diagnostic' in bytes)
    return { loaded: unreadConfig([bytes.diagnostic]), identity: JSON.stringify(bytes.diagnostic) };
  const identity = createHash('sha256').update(bytes.bytes).digest('hex');
  const read = decodeSource(CONFIG_FILE, bytes.bytes);
  if ('diagnostic' in read) return { loaded: unreadConfig([read.diagnostic]), identity };
  return { loaded: configOfText(read.text), identity };
}

/** The default config and metamodel, when tracery.yaml could not be read at all. */
function unreadConfig(diagnostics: Diagnostic[]): LoadedConfig {
  return {
    config: TraceryConfigSchema.parse({ name: 'unnamed' }),
    metamodel: defaultMetamodel(),
    diagnostics,
    tolerated: new Set(),
  };
}

/** The config, metamodel and problems of the text of tracery.yaml. */
function configOfText(text: string): LoadedConfig {
  const deep = refuseTooDeep(CONFIG_FILE, text, DEFAULT_LIMITS);
  if (deep) return unreadConfig(deep.diagnostics);
  const parsed = parseYamlFile(CONFIG_FILE, text, DEFAULT_LIMITS.maxAliasCount);
  const diagnostics = [...parsed.diagnostics];
  const good =
    parsed.value === undefined
      ? {}
      : validateSections(parsed.value, parsed.source, parsed.document, diagnostics);
  const config = TraceryConfigSchema.parse({ name: 'unnamed', ...good });
  const { metamodel, extended, problems } = metamodelOfConfig(config);
  appendAll(diagnostics, extensionDiagnostics(problems, parsed.source, parsed.document));
  const rawImpact = (parsed.value as Sections | null | undefined)?.impact;
  appendAll(
    diagnostics,
    impactDiagnostics(impactNameProblems(extended, rawImpact), parsed.source, parsed.document),
  );
  const broken = diagnostics.some((d) => d.severity === 'error');
  return { config, metamodel, diagnostics, tolerated: broken ? declaredNames(parsed.value) : new Set() };
}
