import type { Diagnostic, Severity, SourceRef } from '../diagnostics/diagnostic.js';
import { type Finding, findingFingerprint } from './finding.js';

/** Codes the engine itself reports, outside any rule. */
export const ENGINE_CODES = [
  'internal-error',
  'invalid-rule-options',
  'stale-accepted-finding',
  'unknown-rule',
  'unused-suppression',
] as const;

/** A finding of the engine itself (its rule id is its code). */
export function engineFinding(
  code: (typeof ENGINE_CODES)[number],
  severity: Severity,
  message: string,
  where: { elementId?: string | undefined; source?: SourceRef | undefined } = {},
): Finding {
  return {
    rule: code,
    code,
    severity,
    message,
    ...(where.elementId === undefined ? {} : { elementId: where.elementId }),
    ...(where.source ? { source: where.source } : {}),
    fingerprint: findingFingerprint(code, where.elementId, message),
  };
}

/** A load-time diagnostic as a finding of the rule with its code. */
export function diagnosticFinding(diagnostic: Diagnostic, severity: Severity): Finding {
  return {
    ...diagnostic,
    severity,
    rule: diagnostic.code,
    fingerprint: findingFingerprint(diagnostic.code, diagnostic.elementId, diagnostic.message),
  };
}
