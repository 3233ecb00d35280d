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

/**
 * Two 32-bit FNV-1a style hashes with different seeds over `rule \0 elementId \0 message`: 16 hex
 * digits, fast enough for 100,000s of findings. The parts are hashed in turn, as if joined, so no joined
 * string is built.
 */
function hash64(rule: string, elementId: string, message: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ (rule.length + elementId.length + message.length + 2);
  const parts = [rule, elementId, message];
  for (let p = 0; p < 3; p++) {
    if (p > 0) {
      a = Math.imul(a, 0x01000193);
      b = Math.imul(b, 0x5bd1e995);
      b ^= b >>> 15;
    }
    const text = parts[p]!;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
  }
  return hex16(a, b);
}

/** The char codes of 0-9a-f. */
const HEX = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

/** Two 32-bit numbers as 16 lower-case hex digits, in one string (no pieces to join). */
function hex16(a: number, b: number): string {
  const h = HEX;
  return String.fromCharCode(
    h[(a >>> 28) & 15]!,
    h[(a >>> 24) & 15]!,
    h[(a >>> 20) & 15]!,
    h[(a >>> 16) & 15]!,
    h[(a >>> 12) & 15]!,
    h[(a >>> 8) & 15]!,
    h[(a >>> 4) & 15]!,
    h[a & 15]!,
    h[(b >>> 28) & 15]!,
    h[(b >>> 24) & 15]!,
    h[(b >>> 20) & 15]!,
    h[(b >>> 16) & 15]!,
    h[(b >>> 12) & 15]!,
    h[(b >>> 8) & 15]!,
    h[(b >>> 4) & 15]!,
    h[b & 15]!,
  );
}

const POSITION = /[^\s()"']+:\d+:\d+/g;
const HAS_POSITION = /:\d+:\d+/;

/**
 * The fingerprint of a finding: a hash of its rule, element and message, with file positions taken
 * out of the message, so moving an element within its file keeps the fingerprint. It identifies a
 * finding in the accepted-findings file; it is not a security hash.
 *
 * @example
 * findingFingerprint('orphan-element', 'EES', 'EES (Service) has no relation at all') // 16 hex digits
 */
export function findingFingerprint(rule: string, elementId: string | undefined, message: string): string {
  const stable =
    message.includes(':') && HAS_POSITION.test(message) ? message.replace(POSITION, '<at>') : message;
  return hash64(rule, elementId ?? '', stable);
}
