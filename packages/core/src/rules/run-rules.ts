import { compareDiagnostics, type Diagnostic, type Severity } from '../diagnostics/diagnostic.js';
import type { Model } from '../model/model.js';
import type { TraceryConfig } from '../repository/repository-config.js';
import type { AcceptedFinding } from './accepted-findings.js';
import { applySuppressions } from './apply-suppressions.js';
import { defaultRules } from './default/index.js';
import { diagnosticFinding, ENGINE_CODES, engineFinding } from './engine-finding.js';
import type { Finding, SuppressedFinding } from './finding.js';
import type { Rule, RuleInputs } from './rule.js';
import { createRuleContext } from './rule-context.js';
import { RuleIndex } from './rule-index.js';
import { RuleRegistry } from './rule-registry.js';
import { type ConfigLocator, type RuleSetting, resolveRuleSettings } from './rule-settings.js';

/** What the rules run over: a model, and when it was loaded from files, its config and load diagnostics. */
export type RunRulesInput = {
  readonly model: Model;
  readonly config?: TraceryConfig;
  /** The load's diagnostics: those of rules marked `reportedAtLoad` become their findings. */
  readonly diagnostics?: readonly Diagnostic[];
};

/** Options of {@link runRules}. */
export type RunRulesOptions = {
  /** The rules to run; the default rules when not given. */
  readonly rules?: readonly Rule[] | RuleRegistry;
  /** Test results and suspect links, for the rules that use them. */
  readonly inputs?: RuleInputs;
  /** Accepted findings (the entries of the accepted-findings file). */
  readonly accepted?: readonly AcceptedFinding[];
  /** The accepted-findings file's path, for messages. */
  readonly acceptedFile?: string;
  /** Locates a path in tracery.yaml, for the positions of config findings. */
  readonly locateConfig?: ConfigLocator;
};

/** A rule as a check ran it: its effective severity, whether it ran, and how many findings count. */
export type RuleSummary = {
  readonly id: string;
  readonly severity: Severity;
  readonly description: string;
  readonly kinds?: readonly string[];
  readonly enabled: boolean;
  readonly findings: number;
};

/** The result of a check, as plain data: every rule, the findings that count, and the suppressed ones. */
export type CheckReport = {
  readonly rules: readonly RuleSummary[];
  readonly findings: readonly Finding[];
  readonly suppressed: readonly SuppressedFinding[];
  readonly counts: {
    readonly error: number;
    readonly warning: number;
    readonly info: number;
    readonly suppressed: number;
  };
};

function compareFindings(a: Finding, b: Finding): number {
  return (
    compareDiagnostics(a, b) || (a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0)
  );
}

function loadFindings(
  diagnostics: readonly Diagnostic[],
  settings: ReadonlyMap<string, RuleSetting>,
): Finding[] {
  const findings: Finding[] = [];
  for (const diagnostic of diagnostics) {
    const setting = settings.get(diagnostic.code);
    if (setting && !setting.enabled) continue;
    findings.push(
      diagnosticFinding(diagnostic, setting?.overridden ? setting.severity : diagnostic.severity),
    );
  }
  return findings;
}

function runOne(
  setting: RuleSetting,
  input: RunRulesInput,
  shared: { inputs: RuleInputs; index: RuleIndex },
  findings: Finding[],
): void {
  const { rule } = setting;
  const context = createRuleContext(
    { ...setting, model: input.model, config: input.config, ...shared },
    findings,
  );
  try {
    rule.check(context);
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    findings.push(
      engineFinding(
        'internal-error',
        'error',
        `rule "${rule.id}" crashed (${reason}); its findings may be incomplete and the other rules ran. Fix the rule or turn it off in tracery.yaml (rules.off).`,
      ),
    );
  }
}

/**
 * Runs rules over a model: surfaces the load's findings (dangling references, duplicate ids ...), runs
 * every enabled rule's check (a rule that throws becomes an `internal-error` finding and the run goes on),
 * applies tracery.yaml's severity overrides, rules turned off and suppressions, and the accepted findings.
 *
 * @example
 * const report = runRules({ model }, { rules: [...defaultRules(), myRule] });
 * report.counts.error // 0 when the design passes
 */
export function runRules(input: RunRulesInput, options: RunRulesOptions = {}): CheckReport {
  const registry =
    options.rules instanceof RuleRegistry ? options.rules : new RuleRegistry(options.rules ?? defaultRules());
  const rules = registry.list();
  const rulesConfig = input.config?.rules;
  const locate = options.locateConfig ?? (() => undefined);
  const resolved = resolveRuleSettings(rules, ENGINE_CODES, rulesConfig, locate);
  const settings = new Map(resolved.settings.map((s) => [s.rule.id, s]));
  const all: Finding[] = [...resolved.findings, ...loadFindings(input.diagnostics ?? [], settings)];
  // One index for the whole run: every rule reads the same lookups, built once.
  const shared = { inputs: options.inputs ?? {}, index: new RuleIndex(input.model) };
  for (const setting of resolved.settings)
    if (setting.enabled && !setting.rule.reportedAtLoad) runOne(setting, input, shared, all);
  const ran = new Set<string>([
    ...resolved.settings.filter((s) => s.enabled).map((s) => s.rule.id),
    ...(input.diagnostics ?? []).map((d) => d.code),
    ...ENGINE_CODES,
  ]);
  const split = applySuppressions(all, rulesConfig?.suppressions ?? [], options.accepted ?? [], {
    locate,
    acceptedFile: options.acceptedFile,
    ran,
  });
  const findings = split.findings.sort(compareFindings);
  const suppressed = split.suppressed.sort(compareFindings);
  const perRule = new Map<string, number>();
  const counts = { error: 0, warning: 0, info: 0, suppressed: suppressed.length };
  for (const finding of findings) {
    counts[finding.severity]++;
    perRule.set(finding.rule, (perRule.get(finding.rule) ?? 0) + 1);
  }
  const summaries = resolved.settings.map(
    (s): RuleSummary => ({
      id: s.rule.id,
      severity: s.severity,
      description: s.rule.description,
      ...(s.rule.kinds ? { kinds: s.rule.kinds } : {}),
      enabled: s.enabled,
      findings: perRule.get(s.rule.id) ?? 0,
    }),
  );
  return { rules: summaries, findings, suppressed, counts };
}
