import { z } from 'zod';
import { defineRule } from '../rule.js';
import { describeElement } from './describe-element.js';

const TermSchema = z
  .object({ preferred: z.string().min(1), deprecated: z.array(z.string().min(1)).min(1) })
  .strict();

function termPattern(term: string): string {
  return term
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
}

/** Names and descriptions use the glossary's preferred terms, not their deprecated synonyms. */
export const terminology = defineRule({
  id: 'terminology',
  severity: 'warning',
  description:
    'Names and descriptions use the preferred terms of the glossary (option `terms`: preferred term and deprecated synonyms).',
  options: z
    .object({
      terms: z.array(TermSchema).default([]),
      fields: z.array(z.string()).default(['name', 'description']),
    })
    .strict(),
  check(context) {
    const preferredOf = new Map<string, string>();
    for (const term of context.options.terms)
      for (const word of term.deprecated)
        preferredOf.set(word.toLowerCase().replace(/\s+/g, ' '), term.preferred);
    if (preferredOf.size === 0) return;
    const alternatives = [...preferredOf.keys()].sort((a, b) => b.length - a.length).map(termPattern);
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
    const fields = context.options.fields;
    for (const element of context.elements()) {
      let seen: Set<string> | undefined;
      for (const field of fields) {
        const value =
          field === 'name'
            ? element.name
            : field === 'description'
              ? element.description
              : element.attributes[field];
        if (typeof value !== 'string') continue;
        pattern.lastIndex = 0;
        for (let match = pattern.exec(value); match !== null; match = pattern.exec(value)) {
          // As matchAll does: an empty match moves on by one code point.
          if (match[0] === '') pattern.lastIndex += (value.codePointAt(match.index) ?? 0) > 0xffff ? 2 : 1;
          const used = match[0].toLowerCase().replace(/\s+/g, ' ');
          if (seen?.has(used)) continue;
          if (!seen) seen = new Set();
          seen.add(used);
          context.report({
            elementId: element.id,
            message: `${describeElement(element)} says "${match[0]}" in its ${field}; the glossary's term is "${preferredOf.get(used)}".`,
          });
        }
      }
    }
  },
});
