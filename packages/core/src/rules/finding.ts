import { z } from 'zod';
import { DiagnosticSchema } from '../diagnostics/diagnostic.js';

/**
 * A finding of design assurance: a diagnostic with the id of the rule that reported it and a
 * fingerprint that survives edits elsewhere in the file (it ignores line and column), so that a file
 * of accepted findings keeps matching.
 */
export const FindingSchema = DiagnosticSchema.extend({
  rule: z.string(),
  fingerprint: z.string(),
});
/** What a rule found: the rule, severity, message, the element and file it is about, and a stable fingerprint. */
export type Finding = z.infer<typeof FindingSchema>;

/** Why a finding does not count: suppressed in tracery.yaml, or listed in the accepted-findings file. */
export const SuppressionSchema = z.object({
  kind: z.enum(['config', 'accepted']),
  reason: z.string(),
});
export type Suppression = z.infer<typeof SuppressionSchema>;

/** A finding that a suppression or the accepted-findings file keeps out of the count. */
export const SuppressedFindingSchema = FindingSchema.extend({ suppression: SuppressionSchema });
export type SuppressedFinding = z.infer<typeof SuppressedFindingSchema>;

/** Two 32-bit FNV-1a style hashes with different seeds: 16 hex digits, fast enough for 100,000s of findings. */
function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

const POSITION = /[^\s()"']+:\d+:\d+/g;

/**
 * The fingerprint of a finding: a hash of its rule, element and message, with file positions taken
 * out of the message, so moving an element within its file keeps the fingerprint. It identifies a
 * finding in the accepted-findings file; it is not a security hash.
 *
 * @example
 * findingFingerprint('orphan-element', 'EES', 'EES (Service) has no relation at all') // 16 hex digits
 */
export function findingFingerprint(rule: string, elementId: string | undefined, message: string): string {
  const stable = /:\d+:\d+/.test(message) ? message.replace(POSITION, '<at>') : message;
  return hash64(`${rule}\u0000${elementId ?? ''}\u0000${stable}`);
}
