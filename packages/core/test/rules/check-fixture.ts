import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type CheckReport, checkRepository, loadRepository } from '@tracery/core';
import type { RuleInputs, SuspectLinkInput, TestOutcomeInput } from '@tracery/core/advanced';
import { parse } from 'yaml';

/** The folder of the rule fixtures: `<rule>/failing` and `<rule>/passing`, each a small repository. */
export const RULE_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'rules', 'default');

type InputsFile = {
  testResults?: Record<string, TestOutcomeInput>;
  suspectLinks?: SuspectLinkInput[];
};

/** The optional inputs of a fixture (`inputs.yaml`: test results and suspect links). */
export async function fixtureInputs(dir: string): Promise<RuleInputs> {
  const path = join(dir, 'inputs.yaml');
  const exists = await access(path).then(
    () => true,
    () => false,
  );
  if (!exists) return {};
  const data = parse(await readFile(path, 'utf8')) as InputsFile;
  return {
    ...(data.testResults ? { testResults: new Map(Object.entries(data.testResults)) } : {}),
    ...(data.suspectLinks ? { suspectLinks: data.suspectLinks } : {}),
  };
}

/** Loads a fixture repository and checks it with the default rules. */
export async function checkFixture(dir: string): Promise<CheckReport> {
  const loaded = await loadRepository(dir);
  return checkRepository(loaded, { inputs: await fixtureInputs(dir) });
}

/** The report reduced to one rule's findings (the golden files show only the rule they document). */
export function onlyRule(report: CheckReport, rule: string): CheckReport {
  const findings = report.findings.filter((f) => f.rule === rule);
  const counts = { error: 0, warning: 0, info: 0, suppressed: 0 };
  for (const f of findings) counts[f.severity]++;
  return { rules: report.rules.filter((r) => r.id === rule), findings, suppressed: [], counts };
}
