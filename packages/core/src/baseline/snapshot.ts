import { z } from 'zod';
import { RepositoryError } from '../errors/tracery-error.js';
import { canonicalElement } from '../model/canonical-model.js';
import { type Element, ElementSchema, type Relation, RelationSchema, relationKey } from '../model/element.js';
import { describeRelation, type Model } from '../model/model.js';
import { canonicalRelation, elementHash, relationHash } from './content-hash.js';

/** The format tag written in every baseline file. */
export const BASELINE_FORMAT = 'tracery-baseline/1';

/**
 * The hash scheme baselines are written with: how an element or relation becomes the text that is
 * hashed (1: sha256 of the canonical JSON of {@link canonicalElement} and {@link canonicalRelation}).
 * It changes whenever that text changes, so a baseline is always checked with the scheme that wrote it.
 */
export const BASELINE_HASH_SCHEME = 1;

/** The hash functions of every scheme this version can check, by number. */
const HASH_SCHEMES: ReadonlyMap<
  number,
  { readonly element: (e: Element) => string; readonly relation: (r: Relation) => string }
> = new Map([[1, { element: elementHash, relation: relationHash }]]);

/** A baseline file: the model in canonical form, with the content hash of every element and relation. */
export const BaselineFileSchema = z
  .object({
    format: z.literal(BASELINE_FORMAT),
    /** The hash scheme of the stored hashes; absent in files written before it was recorded (scheme 1). */
    hashScheme: z.number().int().positive().optional(),
    name: z.string().min(1),
    elements: z.array(z.object({ hash: z.string(), element: ElementSchema }).strict()),
    relations: z.array(z.object({ hash: z.string(), relation: RelationSchema }).strict()),
  })
  .strict();
export type BaselineFile = z.infer<typeof BaselineFileSchema>;

/**
 * A state of the model, keyed for comparison: elements by id, relations by key, each with its hash, in
 * sorted key order ({@link createSnapshot} and {@link parseBaseline} keep them so; diffs rely on it).
 */
export type Snapshot = {
  readonly elements: ReadonlyMap<string, { readonly element: Element; readonly hash: string }>;
  readonly relations: ReadonlyMap<string, { readonly relation: Relation; readonly hash: string }>;
};

const byKey = <T>(entries: [string, T][]) =>
  new Map(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/**
 * A snapshot of a model: every element and relation in canonical form with its content hash.
 *
 * @example
 * const before = createSnapshot(model);
 */
export function createSnapshot(model: Model): Snapshot {
  const elements = byKey(
    [...model.elements()].map((e) => [e.id, { element: canonicalElement(e), hash: elementHash(e) }]),
  );
  const relations = byKey(
    [...model.relations()].map((r) => [
      relationKey(r),
      { relation: canonicalRelation(r), hash: relationHash(r) },
    ]),
  );
  return { elements, relations };
}

/**
 * The baseline file of a snapshot ({@link BaselineFile}), as canonical JSON text with one element or
 * relation per line: the same model always gives the same bytes.
 *
 * @example
 * await writeFileAtomic('baselines/T1.json', baselineJson('T1', createSnapshot(model)));
 */
export function baselineJson(name: string, snapshot: Snapshot): string {
  // One element or relation per line: a diff of two baseline files shows one line per change.
  const lines = (entries: readonly unknown[]) =>
    entries.length === 0 ? '[]' : `[\n${entries.map((e) => `    ${JSON.stringify(e)}`).join(',\n')}\n  ]`;
  const elements = [...snapshot.elements.values()].map(({ hash, element }) => ({ hash, element }));
  const relations = [...snapshot.relations.values()].map(({ hash, relation }) => ({ hash, relation }));
  return `{\n  "format": ${JSON.stringify(BASELINE_FORMAT)},\n  "hashScheme": ${BASELINE_HASH_SCHEME},\n  "name": ${JSON.stringify(name)},\n  "elements": ${lines(elements)},\n  "relations": ${lines(relations)}\n}\n`;
}

/**
 * Reads a baseline file's text back into a snapshot; throws {@link RepositoryError} when it is not one.
 *
 * @example
 * const t1 = parseBaseline(await readFile('baselines/T1.json', 'utf8'), 'baselines/T1.json');
 */
export function parseBaseline(text: string, file: string): Snapshot {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new RepositoryError(`${file}: not JSON (${(error as Error).message}); recreate the baseline.`);
  }
  const parsed = BaselineFileSchema.safeParse(value);
  if (!parsed.success)
    throw new RepositoryError(
      `${file}: not a ${BASELINE_FORMAT} file (${parsed.error.issues[0]?.message ?? 'invalid'} at ${parsed.error.issues[0]?.path.join('.') ?? ''}).`,
    );
  // Hashes are recomputed from the content, never trusted: a stored hash that disagrees means the
  // file was edited by hand (and would hide or invent changes). The stored hashes are checked with the
  // scheme that wrote them; the snapshot carries hashes of the current scheme, as the other side has.
  const scheme = parsed.data.hashScheme ?? 1;
  const check = HASH_SCHEMES.get(scheme);
  if (!check)
    throw new RepositoryError(
      `${file}: written with hash scheme ${scheme}, which this version of Tracery cannot check (it knows ${[...HASH_SCHEMES.keys()].join(', ')}); use the Tracery that wrote it, or recreate the baseline from the state it records.`,
    );
  const edited: string[] = [];
  const elements = parsed.data.elements.map((e): [string, { element: Element; hash: string }] => {
    const element = canonicalElement(e.element as Element);
    if (check.element(element) !== e.hash) edited.push(element.id);
    return [element.id, { element, hash: elementHash(element) }];
  });
  const relations = parsed.data.relations.map((r): [string, { relation: Relation; hash: string }] => {
    const relation = canonicalRelation(r.relation as Relation);
    if (check.relation(relation) !== r.hash) edited.push(describeRelation(relation));
    return [relationKey(relation), { relation, hash: relationHash(relation) }];
  });
  if (edited.length > 0)
    throw new RepositoryError(
      `${file}: the content of ${edited.length} ${edited.length === 1 ? 'entry does' : 'entries do'} not match the hash stored with it (${edited.slice(0, 10).join(', ')}${edited.length > 10 ? ', ...' : ''}); the baseline was edited by hand. Recreate it from the state it records (tracery baseline create NAME --force at that commit).`,
    );
  return { elements: byKey(elements), relations: byKey(relations) };
}
