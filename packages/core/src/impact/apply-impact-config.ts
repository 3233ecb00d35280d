import { didYouMean } from '../diagnostics/did-you-mean.js';
import { createMetamodel, type Metamodel } from '../metamodel/metamodel.js';
import type { ExtensionProblem } from '../metamodel/metamodel-extension.js';
import type { ImpactConfig } from './impact-config.js';

function unknown(what: string, name: string, valid: Iterable<string>): string {
  const all = [...valid].sort();
  const guess = didYouMean(name, all);
  return `unknown ${what} "${name}"${guess === undefined ? '' : `; did you mean "${guess}"?`} The ${what}s are ${all.join(', ')}.`;
}

const keysOf = (value: unknown): string[] =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
const itemsOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * Problems with the names the `impact:` section uses (relation types, relation names, kinds), located
 * by their path inside it. Reads the section as written, so that the names are checked even when
 * another part of it fails its schema.
 */
export function impactNameProblems(metamodel: Metamodel, impact: unknown): ExtensionProblem[] {
  const problems: ExtensionProblem[] = [];
  const section = (keysOf(impact).length > 0 ? impact : {}) as Record<string, unknown>;
  for (const type of keysOf(section.effects))
    if (!metamodel.relationTypes.has(type))
      problems.push({
        path: ['effects', type],
        message: unknown('relation type', type, metamodel.relationTypes.keys()),
      });
  for (const option of ['followUps', 'skipTypes'] as const)
    itemsOf(section[option]).forEach((name, i) => {
      if (typeof name === 'string' && !metamodel.relationNames.has(name))
        problems.push({
          path: [option, i],
          message: unknown('relation name', name, metamodel.relationNames.keys()),
        });
    });
  itemsOf(section.stopAtKinds).forEach((kind, i) => {
    if (typeof kind === 'string' && !metamodel.kinds.has(kind))
      problems.push({ path: ['stopAtKinds', i], message: unknown('kind', kind, metamodel.kinds.keys()) });
  });
  return problems;
}

/**
 * Applies the `impact.effects` of tracery.yaml to a metamodel: each named relation type takes the
 * effects given for either direction, so every engine that reads the metamodel (in memory, Cypher, the
 * site) follows the repository's effects. Unknown relation types are left out (see
 * {@link impactNameProblems}).
 *
 * @example
 * applyImpactConfig(defaultMetamodel(), { effects: { partOf: { backward: 'notify' } } })
 */
export function applyImpactConfig(metamodel: Metamodel, impact: ImpactConfig): Metamodel {
  const effects = impact.effects ?? {};
  const known = Object.keys(effects).filter((type) => metamodel.relationTypes.has(type));
  if (known.length === 0) return metamodel;
  const types = [...metamodel.relationTypes.values()].map((def) => {
    const override = effects[def.name];
    if (!override) return def;
    return {
      ...def,
      impact: {
        forward: override.forward ?? def.impact.forward,
        backward: override.backward ?? def.impact.backward,
      },
    };
  });
  return createMetamodel([...metamodel.kinds.values()], types);
}
