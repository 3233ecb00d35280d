import { findSuspectLinks } from '../baseline/suspect-links.js';
import type { Diagnostic, SourceRef } from '../diagnostics/diagnostic.js';
import type { LoadedRepository } from '../repository/load-repository.js';
import { linkResults } from '../results/link-results.js';
import { loadResults } from '../results/load-results.js';
import { repositoryCoverage } from '../trace-coverage/repository-coverage.js';
import type { RuleInputs, SuspectLinkInput, TestOutcomeInput } from './rule.js';

async function testResults(loaded: LoadedRepository): Promise<{
  results?: Map<string, TestOutcomeInput>;
  diagnostics: Diagnostic[];
}> {
  const read = await loadResults(
    loaded.root,
    loaded.config.sources.results,
    loaded.config.limits.maxFileBytes,
    loaded.config.results?.problems ?? 'error',
    loaded.config.results?.timezone ?? 'UTC',
  );
  if (read.reports.length === 0) return { diagnostics: [...read.diagnostics] };
  const linked = linkResults(loaded.model, read.reports, loaded.config.results?.link);
  const results = new Map<string, TestOutcomeInput>();
  for (const { testCase, latest } of linked.testCases) {
    const failing = latest.results.find((r) => r.status === 'failed' || r.status === 'error');
    const status = latest.status === 'flaky' ? 'passed' : latest.status;
    const source: SourceRef = { file: latest.file, line: 1, column: 1 };
    results.set(testCase, { status, source, ...(failing?.message ? { message: failing.message } : {}) });
  }
  return { results, diagnostics: [...read.diagnostics, ...linked.diagnostics] };
}

function suspectLinks(loaded: LoadedRepository): SuspectLinkInput[] {
  const config = loaded.config.suspectLinks;
  const links = findSuspectLinks(loaded.model, {
    unreviewed: config?.unreviewed ?? false,
    ...(config?.types ? { types: config.types } : {}),
  });
  return links.map((link) => ({
    relation: { type: link.type, source: link.source, target: link.target },
    reason: link.reason,
    ...(link.reason === 'source-changed' ? { changed: link.source } : {}),
    ...(link.reason === 'target-changed' ? { changed: link.target } : {}),
  }));
}

/**
 * The optional inputs of the rules, read from a repository: the latest JUnit result of each TestCase
 * (`sources.results`, linked as `results:` says), the suspect links (review stamps, `suspectLinks:`)
 * and the coverage (`coverage:`, with outdated links not counted).
 * Problems in the test reports come back as diagnostics.
 *
 * @example
 * const { inputs } = await readRuleInputs(loaded);
 */
export async function readRuleInputs(
  loaded: LoadedRepository,
): Promise<{ inputs: RuleInputs; diagnostics: Diagnostic[] }> {
  const read = await testResults(loaded);
  const coverage = repositoryCoverage(loaded);
  return {
    inputs: {
      ...(read.results ? { testResults: read.results } : {}),
      suspectLinks: suspectLinks(loaded),
      coverage,
    },
    diagnostics: [...read.diagnostics, ...coverage.diagnostics],
  };
}
