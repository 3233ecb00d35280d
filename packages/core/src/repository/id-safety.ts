import { z } from 'zod';
import { escapeControlCharacters, findControlCharacter } from '../report/escape-control-characters.js';

/** The characters every id may use: letters, digits, `-`, `_` and `.` (never first). */
const SAFE = /^[A-Za-z0-9._-]$/;

/**
 * The `ids:` section of tracery.yaml. Ids become file names and URLs (the site, baselines, Neo4j), so by
 * default they use letters, digits, `-`, `_` and `.`, and never start with `.`; a repository whose
 * ids need more (`:` or a space) lists the extra characters. Control characters are never allowed.
 */
export const IdsConfigSchema = z
  .object({
    extraCharacters: z
      .string()
      .default('')
      .refine((chars) => findControlCharacter(chars, { lineBreaks: false }) === undefined, {
        message: 'control characters are never allowed in ids',
      })
      .describe('Characters ids may use besides letters, digits, "-", "_" and "." (such as ":").'),
  })
  .strict();
export type IdsConfig = z.infer<typeof IdsConfigSchema>;

/** The rule that ids obey, compiled once per load. */
export type IdRule = {
  /** True when an id obeys the rule. */
  readonly test: (id: string) => boolean;
  /** The rule in words, for messages. */
  readonly allowed: string;
};

/**
 * The id rule of a repository's `ids:` section (the default without one).
 *
 * @example
 * idRule({ extraCharacters: ':' }).test('BP:001') // true
 */
export function idRule(config: Partial<IdsConfig> | undefined = {}): IdRule {
  const extra = new Set(config.extraCharacters ?? '');
  const allowed = `letters, digits, "-", "_" and "."${extra.size > 0 ? ` and ${JSON.stringify(config.extraCharacters)}` : ''}, not starting with "."`;
  const safe = (c: string) => SAFE.test(c) || extra.has(c);
  // The common id is all safe ASCII: one regular expression answers it without a loop.
  const plain = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
  const test = (id: string) => plain.test(id) || (id !== '' && !id.startsWith('.') && [...id].every(safe));
  return { test, allowed };
}

/** The first character of an id that the rule does not allow. */
function firstUnsafe(id: string, rule: IdRule): string {
  return [...id].find((c) => !rule.test(`a${c}`)) ?? id;
}

/**
 * Why an id breaks the id rule, or undefined when it obeys: the offending character is named (shown
 * escaped when it is a control character).
 *
 * @example
 * unsafeIdReason('../../etc/passwd', idRule()) // 'it starts with "."; ...'
 */
export function unsafeIdReason(id: string, rule: IdRule): string | undefined {
  if (rule.test(id)) return undefined;
  if (id.startsWith('.')) return 'it starts with "." (ids become file names: no hidden or relative names)';
  const bad = firstUnsafe(id, rule);
  return `it has "${escapeControlCharacters(bad)}", and ids use ${rule.allowed}`;
}
