import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidArgumentError, NotFoundError, RepositoryError } from '../errors/tracery-error.js';
import { type Relation, relationKey } from '../model/element.js';
import type { Model } from '../model/model.js';
import { writeFileAtomic } from '../repository/write-file-atomic.js';
import { type HashCache, reviewStamp } from './review-stamp.js';
import { stampRelationsInYaml } from './stamp-relation-in-yaml.js';

/** A link a review recorded, with the stamp and the file it was written to. */
export type ReviewedLink = {
  readonly type: string;
  readonly source: string;
  readonly target: string;
  readonly stamp: string;
  readonly file: string;
  /** Who reviewed (`reviewedBy`), when given. */
  readonly by?: string;
  /** When (`reviewedAt`, ISO 8601), when given. */
  readonly at?: string;
};

/** Who recorded a review and when: written beside the stamp as `reviewedBy` and `reviewedAt`. */
export type ReviewOptions = { readonly by?: string; readonly at?: string };

/**
 * The relations a review target names: `A -type-> B`, `A type B` (a forward or inverse name, as
 * written in files), or an element id (every link at it that is not reviewed as it is now).
 *
 * @example
 * reviewTargets(model, 'IF-021 carries MB-M0') // [the relation IF-021 -carries-> MB-M0]
 */
export function reviewTargets(model: Model, target: string): Relation[] {
  const trimmed = target.trim();
  if (model.hasElement(trimmed)) {
    const cache: HashCache = new Map();
    const links = [...model.outRelations(trimmed), ...model.inRelations(trimmed)].filter(
      (r) => r.type !== 'changes' && r.attributes.reviewed !== reviewStamp(model, r, cache),
    );
    return [...new Map(links.map((r) => [relationKey(r), r])).entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([, r]) => r);
  }
  const match = /^(\S+)\s+(?:-(\S+)->|(\S+))\s+(\S+)$/.exec(trimmed);
  if (!match)
    throw new InvalidArgumentError(
      `target: "${target}" is neither an element id nor a relation such as "IF-021 -carries-> MB-M0".`,
    );
  const [, left, arrow, name, right] = match as unknown as [
    string,
    string,
    string | undefined,
    string | undefined,
    string,
  ];
  const resolved = model.metamodel.relationNames.get(arrow ?? name ?? '');
  if (!resolved) throw new InvalidArgumentError(`target: unknown relation name "${arrow ?? name}".`);
  const [source, target_] = resolved.inverse ? [right, left] : [left, right];
  const relation = model.findRelation({ type: resolved.type.name, source, target: target_ });
  if (!relation)
    throw new NotFoundError(`relation "${source} -${resolved.type.name}-> ${target_}" not found.`);
  return [relation];
}

/**
 * Records a review of links in the model files: the current stamp of each goes into its `reviewed`
 * attribute (with `reviewedBy` and `reviewedAt` when `options` gives them), in the file and at the
 * place the link is written, each file rewritten atomically with its comments and layout kept.
 * Returns what it recorded, sorted; the model in memory is not changed (load the repository again to
 * see the stamps). A review is not a change to the design: diffs list it apart and impact ignores it.
 *
 * @example
 * await reviewLinks(loaded.root, loaded.model, 'IF-021', { by: 'Ada', at: new Date().toISOString() })
 */
export async function reviewLinks(
  root: string,
  model: Model,
  target: string,
  options: ReviewOptions = {},
): Promise<ReviewedLink[]> {
  const relations = reviewTargets(model, target);
  const who = {
    ...(options.by === undefined ? {} : { by: options.by }),
    ...(options.at === undefined ? {} : { at: options.at }),
  };
  const fields = (stamp: string): [string, string][] => [
    ['reviewed', stamp],
    ...(options.by === undefined ? [] : [['reviewedBy', options.by] as [string, string]]),
    ...(options.at === undefined ? [] : [['reviewedAt', options.at] as [string, string]]),
  ];
  const cache: HashCache = new Map();
  const byFile = new Map<string, { line: number; column: number; stamp: string; relation: Relation }[]>();
  for (const relation of relations) {
    const origin = model.originOfRelation(relation);
    if (!origin || !/\.(ya?ml|json)$/.test(origin.file))
      throw new RepositoryError(
        `${relation.source} -${relation.type}-> ${relation.target} is not written in a model file${origin ? ` (it comes from ${origin.file})` : ''}; it cannot record a review.`,
      );
    const list = byFile.get(origin.file) ?? [];
    list.push({
      line: origin.line,
      column: origin.column,
      stamp: reviewStamp(model, relation, cache),
      relation,
    });
    byFile.set(origin.file, list);
  }
  const reviewed: ReviewedLink[] = [];
  for (const file of [...byFile.keys()].sort()) {
    const path = join(root, file);
    const stamps = byFile.get(file)!;
    const text = await readFile(path, 'utf8');
    const edits = stamps.map((s) => ({ line: s.line, column: s.column, fields: fields(s.stamp) }));
    await writeFileAtomic(path, stampRelationsInYaml(text, edits, file.endsWith('.json')));
    for (const { stamp, relation } of stamps)
      reviewed.push({
        type: relation.type,
        source: relation.source,
        target: relation.target,
        stamp,
        file,
        ...who,
      });
  }
  return reviewed.sort((a, b) => {
    const ka = relationKey(a);
    const kb = relationKey(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}
