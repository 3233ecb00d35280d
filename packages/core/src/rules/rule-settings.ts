import type { Severity, SourceRef } from '../diagnostics/diagnostic.js';
import { didYouMeanSuffix } from '../diagnostics/did-you-mean.js';
import { engineFinding } from './engine-finding.js';
import type { Finding } from './finding.js';
import type { Rule } from './rule.js';
import type { RulesConfig } from './rules-config.js';

/** How one rule runs in a check: on or off, at what severity, with what options. */
export type RuleSetting = {
  readonly rule: Rule;
  readonly enabled: boolean;
  readonly severity: Severity;
  readonly overridden: boolean;
  readonly options: unknown;
};

/** Locates a path inside tracery.yaml (`['rules', 'off', 0]`), for the position of a config finding. */
export type ConfigLocator = (path: readonly (string | number)[]) => SourceRef | undefined;

function zodMessage(error: unknown): string {
  const issues = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
  if (!issues) return String((error as Error).message ?? error);
  return issues.map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`).join('; ');
}

function checkRuleIds(
  config: RulesConfig,
  known: ReadonlySet<string>,
  locate: ConfigLocator,
  findings: Finding[],
): void {
  const mentioned: [string, (string | number)[]][] = [
    ...Object.keys(config.severity ?? {}).map((id): [string, (string | number)[]] => [id, ['severity', id]]),
    ...(config.off ?? []).map((id, i): [string, (string | number)[]] => [id, ['off', i]]),
    ...Object.keys(config.options ?? {}).map((id): [string, (string | number)[]] => [id, ['options', id]]),
    ...(config.suppressions ?? []).map((s, i): [string, (string | number)[]] => [
      s.rule,
      ['suppressions', i, 'rule'],
    ]),
  ];
  for (const [id, path] of mentioned) {
    if (known.has(id)) continue;
    findings.push(
      engineFinding(
        'unknown-rule',
        'warning',
        `tracery.yaml rules.${path.join('.')}: no rule has the id "${id}"${didYouMeanSuffix(id, known) || '; run `tracery check --list-rules` to see the ids.'}`,
        { source: locate(['rules', ...path]) },
      ),
    );
  }
}

/**
 * Works out how each rule runs from the `rules:` section of tracery.yaml, and reports what is wrong
 * there: an unknown rule id, or options a rule cannot use.
 */
export function resolveRuleSettings(
  rules: readonly Rule[],
  extraIds: Iterable<string>,
  config: RulesConfig | undefined,
  locate: ConfigLocator,
): { settings: RuleSetting[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const off = new Set(config?.off ?? []);
  const known = new Set([...rules.map((r) => r.id), ...extraIds]);
  if (config) checkRuleIds(config, known, locate, findings);
  const settings = rules.map((rule): RuleSetting => {
    const override = config?.severity?.[rule.id];
    let options: unknown = {};
    let enabled = !off.has(rule.id);
    try {
      options = rule.parseOptions(config?.options?.[rule.id]);
    } catch (error) {
      enabled = false;
      findings.push(
        engineFinding(
          'invalid-rule-options',
          'error',
          `tracery.yaml rules.options.${rule.id}: ${zodMessage(error)}; the rule did not run. Correct its options.`,
          { source: locate(['rules', 'options', rule.id]) },
        ),
      );
    }
    return {
      rule,
      enabled,
      severity: override ?? rule.severity,
      overridden: override !== undefined,
      options,
    };
  });
  return { settings, findings };
}
