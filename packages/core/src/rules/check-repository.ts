import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { loadComments } from '../comments/load-comments.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { CONFIG_FILE } from '../repository/load-config.js';
import type { LoadedRepository } from '../repository/load-repository.js';
import { parseYamlFile } from '../repository/parse-yaml-file.js';
import { readSourceFile } from '../repository/read-source-file.js';
import { nodeAtPath, positionOf } from '../repository/yaml-position.js';
import { type AcceptedFinding, AcceptedFindingsFileSchema } from './accepted-findings.js';
import { readRuleInputs } from './repository-inputs.js';
import type { ConfigLocator } from './rule-settings.js';
import { type CheckReport, type RunRulesOptions, runRules } from './run-rules.js';

/**
 * Options of {@link checkRepository}: the rules to run, and the optional inputs (by default read from the
 * repository: its JUnit results and its links' review stamps).
 */
export type CheckRepositoryOptions = Pick<RunRulesOptions, 'rules' | 'inputs'>;

async function configLocator(loaded: LoadedRepository): Promise<ConfigLocator> {
  const read = await readSourceFile(
    loaded.root,
    join(loaded.root, CONFIG_FILE),
    loaded.config.limits.maxFileBytes,
  );
  if (!('text' in read)) return () => undefined;
  const parsed = parseYamlFile(CONFIG_FILE, read.text, loaded.config.limits.maxAliasCount);
  return (path) => {
    const node = nodeAtPath(parsed.document.contents, path);
    return node ? positionOf(parsed.source, node) : undefined;
  };
}

/** Reads the accepted-findings file; a missing file accepts nothing, a broken one is reported. */
export async function readAcceptedFindings(
  loaded: LoadedRepository,
  file: string,
): Promise<{ accepted: AcceptedFinding[]; diagnostics: Diagnostic[] }> {
  const path = join(loaded.root, file);
  if (
    !(await access(path).then(
      () => true,
      () => false,
    ))
  )
    return { accepted: [], diagnostics: [] };
  const read = await readSourceFile(loaded.root, path, loaded.config.limits.maxFileBytes);
  if (!('text' in read)) return { accepted: [], diagnostics: [read.diagnostic] };
  const parsed = parseYamlFile(file, read.text, loaded.config.limits.maxAliasCount);
  if (parsed.value === undefined) return { accepted: [], diagnostics: parsed.diagnostics };
  const result = AcceptedFindingsFileSchema.safeParse(parsed.value ?? {});
  if (result.success) return { accepted: result.data.accepted, diagnostics: parsed.diagnostics };
  return {
    accepted: [],
    diagnostics: result.error.issues.map((issue) => ({
      code: 'invalid-accepted-findings',
      severity: 'error' as const,
      message: `${file}: ${issue.path.join('.')}: ${issue.message}; correct the entry or write the file again with \`tracery check --accept\`.`,
      source: positionOf(parsed.source, nodeAtPath(parsed.document.contents, issue.path)),
    })),
  };
}

/**
 * Checks a loaded repository: the load's findings, the rules (with the test results and suspect links
 * read from the repository), tracery.yaml's `rules:` settings (with
 * positions in tracery.yaml for its own problems) and the accepted-findings file it names.
 *
 * @example
 * const loaded = await loadRepository('packages/examples/mhhs');
 * const report = await checkRepository(loaded, { rules: [...defaultRules(), myRule] });
 */
export async function checkRepository(
  loaded: LoadedRepository,
  options: CheckRepositoryOptions = {},
): Promise<CheckReport> {
  const locateConfig = await configLocator(loaded);
  const acceptedFile = loaded.config.rules?.acceptedFindings;
  const read = acceptedFile
    ? await readAcceptedFindings(loaded, acceptedFile)
    : { accepted: [], diagnostics: [] };
  const given = options.inputs ? { inputs: options.inputs, diagnostics: [] } : await readRuleInputs(loaded);
  // The review comments are files of the repository: read them unless the caller gave them.
  const comments = given.inputs.comments ? undefined : await loadComments(loaded);
  const inputs = comments
    ? { ...given.inputs, comments: comments.comments, commentStatuses: comments.statuses }
    : given.inputs;
  return runRules(
    {
      model: loaded.model,
      config: loaded.config,
      diagnostics: [
        ...loaded.diagnostics,
        ...read.diagnostics,
        ...given.diagnostics,
        ...(comments?.diagnostics ?? []),
      ],
    },
    {
      ...options,
      inputs,
      accepted: read.accepted,
      ...(acceptedFile ? { acceptedFile } : {}),
      locateConfig,
    },
  );
}
