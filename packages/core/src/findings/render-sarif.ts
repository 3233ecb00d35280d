import type { Location, Log, ReportingDescriptor, Result, Run } from 'sarif';
import type { Severity, SourceRef } from '../diagnostics/diagnostic.js';
import { DIAGNOSTIC_CODES } from '../diagnostics/diagnostic-codes.js';
import { escapeControlCharacters as visible } from '../report/escape-control-characters.js';
import { JsonItems, JsonOpened, jsonPieces } from '../report/json-pieces.js';
import type { Finding, SuppressedFinding } from '../rules/finding.js';
import type { CheckReport } from '../rules/run-rules.js';

/** Options of {@link renderSarif}. */
export type SarifOptions = {
  /** Tracery's version, for `tool.driver.version`. */
  readonly toolVersion?: string;
  /**
   * Prepended to every file path, so paths are relative to the root that the SARIF viewer resolves
   * against (a repository in `packages/examples/mhhs` of a git checkout gives `packages/examples/mhhs`).
   */
  readonly uriPrefix?: string;
};

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const satisfies Record<
  Severity,
  Result.level
>;

function descriptors(report: CheckReport): ReportingDescriptor[] {
  const byId = new Map<string, ReportingDescriptor>();
  for (const rule of report.rules)
    byId.set(rule.id, {
      id: rule.id,
      shortDescription: { text: rule.description },
      defaultConfiguration: { level: LEVEL[rule.severity], enabled: rule.enabled },
    });
  for (const finding of [...report.findings, ...report.suppressed]) {
    if (byId.has(finding.rule)) continue;
    const known = (DIAGNOSTIC_CODES as Record<string, { severity: Severity; summary: string } | undefined>)[
      finding.rule
    ];
    byId.set(finding.rule, {
      id: finding.rule,
      shortDescription: { text: known?.summary ?? finding.rule },
      defaultConfiguration: { level: LEVEL[known?.severity ?? finding.severity] },
    });
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function physical(source: SourceRef, prefix: string): Location['physicalLocation'] {
  return {
    artifactLocation: { uri: visible(`${prefix}${source.file}`), uriBaseId: '%SRCROOT%' },
    region: {
      startLine: source.line,
      startColumn: source.column,
      ...(source.endLine ? { endLine: source.endLine } : {}),
      ...(source.endColumn ? { endColumn: source.endColumn } : {}),
    },
  };
}

function result(finding: Finding | SuppressedFinding, index: Map<string, number>, prefix: string): Result {
  const location: Location = {
    ...(finding.source ? { physicalLocation: physical(finding.source, prefix) } : {}),
    ...(finding.elementId
      ? { logicalLocations: [{ name: visible(finding.elementId), kind: 'object' }] }
      : {}),
  };
  const suppression = 'suppression' in finding ? finding.suppression : undefined;
  return {
    ruleId: finding.rule,
    ruleIndex: index.get(finding.rule)!,
    level: LEVEL[finding.severity],
    message: { text: visible(finding.message) },
    ...(finding.source || finding.elementId ? { locations: [location] } : {}),
    ...(finding.related?.length
      ? {
          relatedLocations: finding.related.map((r, id) => ({
            id,
            message: { text: visible(r.message) },
            physicalLocation: physical(r.source, prefix),
          })),
        }
      : {}),
    partialFingerprints: { 'traceryFinding/v1': finding.fingerprint },
    ...(suppression
      ? {
          suppressions: [
            {
              kind: suppression.kind === 'config' ? 'inSource' : 'external',
              status: 'accepted',
              justification: visible(suppression.reason),
            },
          ],
        }
      : {}),
  };
}

/** The log around its one run: the run is given its results, as an array or as items made while written. */
function sarifShell<R, L>(
  report: CheckReport,
  options: SarifOptions,
  results: (make: (f: Finding | SuppressedFinding) => Result) => R,
  runs: (run: { tool: Run['tool']; columnKind: 'utf16CodeUnits'; results: R }) => L,
) {
  const rules = descriptors(report);
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const prefix = options.uriPrefix ? `${options.uriPrefix.replace(/\\/g, '/').replace(/\/+$/, '')}/` : '';
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0' as const,
    runs: runs({
      tool: {
        driver: {
          name: 'Tracery',
          ...(options.toolVersion ? { version: options.toolVersion } : {}),
          rules,
        },
      },
      columnKind: 'utf16CodeUnits',
      results: results((f) => result(f, index, prefix)),
    }),
  };
}

/** A check as a SARIF 2.1.0 log object (see {@link renderSarif}). */
export function sarifLog(report: CheckReport, options: SarifOptions = {}): Log {
  return sarifShell(
    report,
    options,
    (make) => [...report.findings.map(make), ...report.suppressed.map(make)],
    (run) => [run],
  );
}

/**
 * {@link renderSarif}'s text as pieces in order: each result is made and written on its own, so the
 * log of a large check is never held whole, neither as objects nor as one string.
 *
 * @example
 * await writeFileAtomic('tracery.sarif', sarifPieces(report, { uriPrefix: 'design' }));
 */
export function sarifPieces(report: CheckReport, options: SarifOptions = {}): Generator<string> {
  const log = sarifShell(
    report,
    options,
    (make) =>
      new JsonItems(function* () {
        for (const finding of report.findings) yield make(finding);
        for (const finding of report.suppressed) yield make(finding);
      }),
    // The run is opened (not written whole, as list items are) so that its results are written one by one.
    (run) => [new JsonOpened(run)],
  );
  return jsonPieces(log);
}

/**
 * Renders a check as SARIF 2.1.0 (for code-scanning views in CI): one run, a reporting descriptor per
 * rule, each finding a result located in its YAML (or BPMN) file and at its element, suppressed
 * findings with their justification, and a fingerprint that survives moving lines. Control characters
 * from the data (ESC, BEL, NUL ...) are shown as escapes such as `\x1b`, never passed to a viewer.
 *
 * @example
 * await writeFile('tracery.sarif', renderSarif(report, { uriPrefix: 'design' }));
 */
export function renderSarif(report: CheckReport, options: SarifOptions = {}): string {
  return [...sarifPieces(report, options)].join('');
}
