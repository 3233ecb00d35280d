import { z } from 'zod';
import type { SourceRef } from '../../diagnostics/diagnostic.js';
import { defineRule } from '../rule.js';
import { describeElement } from './describe-element.js';

/** A name with case, accents, punctuation and spacing taken out: "Energisation-status " -> "energisation status". */
export function normaliseName(name: string): string {
  // Plain ASCII (nearly every name) takes the fast path; the rest is decomposed and its accents dropped.
  if (/^[\x20-\x7e]*$/.test(name))
    return name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Two elements of one kind with the same name are two definitions of one thing. */
export const duplicateName = defineRule({
  id: 'duplicate-name',
  severity: 'warning',
  description:
    'No two elements of one kind have the same name once case, punctuation and spacing are ignored (option `ignoreKinds`).',
  options: z.object({ ignoreKinds: z.array(z.string()).default(['ProcessStep', 'TestCase']) }).strict(),
  check(context) {
    const ignore = new Set(context.options.ignoreKinds);
    const groups = new Map<string, string[]>();
    for (const element of context.elements()) {
      if (ignore.has(element.kind)) continue;
      const key = `${element.kind}\u0000${normaliseName(element.name)}`;
      if (key.endsWith('\u0000')) continue;
      const ids = groups.get(key);
      if (ids) ids.push(element.id);
      else groups.set(key, [element.id]);
    }
    for (const ids of groups.values()) {
      if (ids.length < 2) continue;
      ids.sort();
      const first = context.model.getElement(ids[0]!);
      const firstSource: SourceRef | undefined = context.model.originOfElement(first.id);
      for (const id of ids.slice(1)) {
        const element = context.model.getElement(id);
        context.report({
          elementId: id,
          message: `${describeElement(element)} "${element.name}" has the same name as ${first.id} "${first.name}": two definitions of one thing? Merge them, or name each for what makes it different.`,
          ...(firstSource
            ? { related: [{ message: `${first.id} "${first.name}"`, source: firstSource }] }
            : {}),
        });
      }
    }
  },
});
