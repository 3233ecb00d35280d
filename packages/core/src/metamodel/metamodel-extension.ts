import { z } from 'zod';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import { RESERVED_FIELD_NAMES } from './base-fields.js';
import { createMetamodel, type Metamodel } from './metamodel.js';
import {
  AttributeDefSchema,
  type KindDef,
  KindEndsSchema,
  RelationCategorySchema,
  RelationImpactSchema,
  type RelationTypeDef,
} from './metamodel-schema.js';

const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const NameSchema = z.string().regex(NAME, 'a name starts with a letter and holds only letters, digits and _');

/** The `metamodel:` section of tracery.yaml: what a repository adds to the default metamodel. */
export const MetamodelExtensionSchema = z
  .object({
    kinds: z
      .record(
        NameSchema,
        z
          .object({
            description: z.string().default(''),
            idPattern: z.string().optional(),
            attributes: z.record(NameSchema, AttributeDefSchema).default({}),
          })
          .strict(),
      )
      .optional(),
    attributes: z.record(z.string(), z.record(NameSchema, AttributeDefSchema)).optional(),
    idPatterns: z.record(z.string(), z.string()).optional(),
    relationTypes: z
      .record(
        NameSchema,
        z
          .object({
            inverse: NameSchema,
            from: KindEndsSchema,
            to: KindEndsSchema,
            impact: RelationImpactSchema.default({ forward: 'none', backward: 'none' }),
            category: RelationCategorySchema.optional().describe(
              'trace (the default), governance, documentation or change: paths prefer trace relations.',
            ),
            description: z.string().default(''),
            attributes: z.record(NameSchema, AttributeDefSchema).default({}),
          })
          .strict(),
      )
      .optional(),
    relationEnds: z
      .record(
        z.string(),
        z.object({ from: z.array(z.string()).optional(), to: z.array(z.string()).optional() }).strict(),
      )
      .optional(),
  })
  .strict();
export type MetamodelExtension = z.infer<typeof MetamodelExtensionSchema>;

/** A problem in a metamodel extension, located by its path inside the `metamodel:` section. */
export type ExtensionProblem = { readonly path: readonly (string | number)[]; readonly message: string };

type Draft = {
  kinds: Map<string, KindDef>;
  types: Map<string, RelationTypeDef>;
  problems: ExtensionProblem[];
};

function checkPattern(pattern: string, path: (string | number)[], problems: ExtensionProblem[]): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch (error) {
    const reason = (error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '');
    problems.push({
      path,
      message: `id pattern /${pattern}/ is not a valid regular expression (${reason.toLowerCase()}); correct it.`,
    });
    return false;
  }
}

function unknownKind(kind: string, draft: Draft): string {
  const guess = didYouMean(kind, draft.kinds.keys());
  if (guess !== undefined) return `unknown kind "${kind}"; did you mean "${guess}"?`;
  return `unknown kind "${kind}"; the kinds are ${[...draft.kinds.keys()].sort().join(', ')}. Add it under metamodel.kinds first.`;
}

function addKinds(ext: MetamodelExtension, draft: Draft): void {
  for (const [name, def] of Object.entries(ext.kinds ?? {})) {
    if (draft.kinds.has(name)) {
      draft.problems.push({
        path: ['kinds', name],
        message: `kind "${name}" already exists; extend it under metamodel.attributes instead.`,
      });
      continue;
    }
    if (
      def.idPattern !== undefined &&
      !checkPattern(def.idPattern, ['kinds', name, 'idPattern'], draft.problems)
    )
      continue;
    const kind: KindDef = { name, description: def.description, attributes: def.attributes };
    if (def.idPattern !== undefined) kind.idPattern = def.idPattern;
    draft.kinds.set(name, kind);
  }
}

function addAttributes(ext: MetamodelExtension, draft: Draft, relationNames: Set<string>): void {
  for (const [kindName, attributes] of Object.entries(ext.attributes ?? {})) {
    const kind = draft.kinds.get(kindName);
    if (!kind) {
      draft.problems.push({ path: ['attributes', kindName], message: unknownKind(kindName, draft) });
      continue;
    }
    const merged = { ...kind.attributes };
    for (const [attr, def] of Object.entries(attributes)) {
      if (RESERVED_FIELD_NAMES.has(attr) || relationNames.has(attr) || attr in kind.attributes) {
        draft.problems.push({
          path: ['attributes', kindName, attr],
          message: `attribute "${attr}" clashes with a field or relation that ${kindName} already has; choose another name.`,
        });
        continue;
      }
      merged[attr] = def;
    }
    draft.kinds.set(kindName, { ...kind, attributes: merged });
  }
}

function addIdPatterns(ext: MetamodelExtension, draft: Draft): void {
  for (const [kindName, pattern] of Object.entries(ext.idPatterns ?? {})) {
    const kind = draft.kinds.get(kindName);
    if (!kind) draft.problems.push({ path: ['idPatterns', kindName], message: unknownKind(kindName, draft) });
    else if (checkPattern(pattern, ['idPatterns', kindName], draft.problems))
      draft.kinds.set(kindName, { ...kind, idPattern: pattern });
  }
}

function checkEnds(ends: readonly string[] | '*', path: (string | number)[], draft: Draft): boolean {
  if (ends === '*') return true;
  let ok = true;
  ends.forEach((kind, index) => {
    if (!draft.kinds.has(kind)) {
      draft.problems.push({ path: [...path, index], message: unknownKind(kind, draft) });
      ok = false;
    }
  });
  return ok;
}

function addRelationTypes(ext: MetamodelExtension, draft: Draft, relationNames: Set<string>): void {
  for (const [name, def] of Object.entries(ext.relationTypes ?? {})) {
    const clash = [name, def.inverse].find((n) => relationNames.has(n) || RESERVED_FIELD_NAMES.has(n));
    if (clash !== undefined || name === def.inverse) {
      const taken = clash ?? name;
      const owner = [...draft.types.values()].find((t) => t.name === taken || t.inverse === taken);
      const whose = owner
        ? ` (${owner.name === taken ? 'a relation type' : `the inverse of ${owner.name}`})`
        : name === def.inverse
          ? ' (a type cannot be its own inverse)'
          : ' (a field every element has)';
      draft.problems.push({
        path: taken === name ? ['relationTypes', name] : ['relationTypes', name, 'inverse'],
        message: `relation name "${taken}" is already taken${whose}; choose another name.`,
      });
      continue;
    }
    const fromOk = checkEnds(def.from, ['relationTypes', name, 'from'], draft);
    const toOk = checkEnds(def.to, ['relationTypes', name, 'to'], draft);
    if (!fromOk || !toOk) continue;
    relationNames.add(name);
    relationNames.add(def.inverse);
    draft.types.set(name, { name, ...def });
  }
}

function widenEnds(ext: MetamodelExtension, draft: Draft): void {
  for (const [name, ends] of Object.entries(ext.relationEnds ?? {})) {
    const type = draft.types.get(name);
    if (!type) {
      draft.problems.push({
        path: ['relationEnds', name],
        message: `unknown relation type "${name}"; relationEnds widens an existing type.`,
      });
      continue;
    }
    const widened = { ...type };
    for (const end of ['from', 'to'] as const) {
      const extra = ends[end];
      if (!extra || !checkEnds(extra, ['relationEnds', name, end], draft)) continue;
      const current = type[end];
      widened[end] = current === '*' ? '*' : [...new Set([...current, ...extra])];
    }
    draft.types.set(name, widened);
  }
}

/**
 * Applies a repository's metamodel extension to a base metamodel. Returns the new metamodel and
 * every problem found (unknown kinds, clashing names, bad patterns); the parts with problems are left out.
 *
 * @example
 * const { metamodel, problems } = extendMetamodel(defaultMetamodel(), { idPatterns: { Interface: '^IF-\\d{3}$' } });
 */
export function extendMetamodel(
  base: Metamodel,
  extension: MetamodelExtension,
): { metamodel: Metamodel; problems: ExtensionProblem[] } {
  const draft: Draft = { kinds: new Map(base.kinds), types: new Map(base.relationTypes), problems: [] };
  const relationNames = new Set(base.relationNames.keys());
  addKinds(extension, draft);
  addAttributes(extension, draft, relationNames);
  addIdPatterns(extension, draft);
  addRelationTypes(extension, draft, relationNames);
  widenEnds(extension, draft);
  return {
    metamodel: createMetamodel([...draft.kinds.values()], [...draft.types.values()]),
    problems: draft.problems,
  };
}
