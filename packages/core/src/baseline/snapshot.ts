import { z } from 'zod';
import { RepositoryError } from '../errors/tracery-error.js';
import { canonicalElement } from '../model/canonical-model.js';
import { type Element, ElementSchema, type Relation, RelationSchema, relationKey } from '../model/element.js';
import { describeRelation, type Model } from '../model/model.js';
import { BASELINE_FORMAT, BASELINE_HASH_SCHEME } from './baseline-format.js';
import { baselineText } from './baseline-text.js';
import { canonicalElementOf, canonicalRelationOf } from './canonical-form.js';
import { canonicalRelation, elementHash, relationHash, sha256 } from './content-hash.js';

export { BASELINE_FORMAT, BASELINE_HASH_SCHEME };

/** The hash functions of every scheme this version can check, by number. */
const HASH_SCHEMES: ReadonlyMap<
  number,
  { readonly element: (e: Element) => string; readonly relation: (r: Relation) => string }
> = new Map([[1, { element: elementHash, relation: relationHash }]]);

/** The hash schemes this version can check. */
export const checkableSchemes: ReadonlySet<number> = new Set(HASH_SCHEMES.keys());

/** One element of a baseline file, as {@link BaselineFileSchema} checks it. */
export const BaselineElementEntrySchema = z.object({ hash: z.string(), element: ElementSchema }).strict();
/** One relation of a baseline file, as {@link BaselineFileSchema} checks it. */
export const BaselineRelationEntrySchema = z.object({ hash: z.string(), relation: RelationSchema }).strict();

/** A baseline file: the model in canonical form, with the content hash of every element and relation. */
export const BaselineFileSchema = z
  .object({
    format: z.literal(BASELINE_FORMAT),
    /** The hash scheme of the stored hashes; absent in files written before it was recorded (scheme 1). */
    hashScheme: z.number().int().positive().optional(),
    name: z.string().min(1),
    elements: z.array(BaselineElementEntrySchema),
    relations: z.array(BaselineRelationEntrySchema),
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

/**
 * A map of entries in sorted key order (the last value of a key that comes twice, as a stable sort
 * then a map would keep). Entries already in strictly increasing order (a baseline file's always) are
 * not sorted: the check is one pass. Others are sorted by key alone with the default sort, which
 * orders strings by UTF-16 code units as `<` does, several times faster than sorting the entries with
 * a comparator called from JavaScript.
 */
export function byKey<T>(entries: [string, T][]): Map<string, T> {
  let sorted = true;
  for (let i = 1; i < entries.length && sorted; i++) sorted = entries[i - 1]![0] < entries[i]![0];
  if (sorted) return new Map(entries);
  const values = new Map(entries);
  const out = new Map<string, T>();
  for (const key of [...values.keys()].sort()) out.set(key, values.get(key)!);
  return out;
}

/**
 * A snapshot of a model: every element and relation in canonical form with its content hash.
 *
 * @example
 * const before = createSnapshot(model);
 */
export function createSnapshot(model: Model): Snapshot {
  // Each entry is put in canonical form once and hashed as such: elementHash(e) is the hash of
  // canonicalElement(e)'s JSON (and relationHash likewise), so this is the same hash without the
  // second canonical copy. A loaded model's elements and relations are in canonical form already
  // (and frozen): they are kept as they are, not copied (canonical-form.ts).
  const elements = byKey(
    [...model.elements()].map((e) => {
      const element = canonicalElementOf(e);
      return [e.id, { element, hash: sha256(JSON.stringify(element)) }];
    }),
  );
  const relations = byKey(
    [...model.relations()].map((r) => {
      const relation = canonicalRelationOf(r);
      return [relationKey(r), { relation, hash: sha256(JSON.stringify(relation)) }];
    }),
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
  const elements = [...snapshot.elements.values()].map(({ hash, element }) =>
    JSON.stringify({ hash, element }),
  );
  const relations = [...snapshot.relations.values()].map(({ hash, relation }) =>
    JSON.stringify({ hash, relation }),
  );
  return [...baselineText(name, elements, relations)].join('');
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
  const checked = checkedEntries(scheme, file);
  const elements = parsed.data.elements.map((e) => checked.element(e));
  const relations = parsed.data.relations.map((r) => checked.relation(r));
  checked.done();
  return { elements: byKey(elements), relations: byKey(relations) };
}

/**
 * The checks of a baseline's entries against their stored hashes under `scheme` (see
 * {@link parseBaseline}), entry by entry, so that a file read a line at a time is checked as one
 * read whole: each entry gives its snapshot entry, and `done` throws when any did not match.
 */
export function checkedEntries(scheme: number, file: string) {
  const check = HASH_SCHEMES.get(scheme);
  if (!check)
    throw new RepositoryError(
      `${file}: written with hash scheme ${scheme}, which this version of Tracery cannot check (it knows ${[...HASH_SCHEMES.keys()].join(', ')}); use the Tracery that wrote it, or recreate the baseline from the state it records.`,
    );
  // Each entry is kept with this version's hash, the sha256 of its canonical JSON (it is canonical
  // already: elementHash and relationHash would make a second copy for the same text). When the
  // file's scheme is this version's, that hash is also the one that checks it.
  const current = scheme === BASELINE_HASH_SCHEME;
  const edited: string[] = [];
  return {
    element(e: {
      readonly hash: string;
      readonly element: unknown;
    }): [string, { element: Element; hash: string }] {
      const element = canonicalElement(e.element as Element);
      const hash = sha256(JSON.stringify(element));
      if ((current ? hash : check.element(element)) !== e.hash) edited.push(element.id);
      return [element.id, { element, hash }];
    },
    relation(r: {
      readonly hash: string;
      readonly relation: unknown;
    }): [string, { relation: Relation; hash: string }] {
      const relation = canonicalRelation(r.relation as Relation);
      const hash = sha256(JSON.stringify(relation));
      if ((current ? hash : check.relation(relation)) !== r.hash) edited.push(describeRelation(relation));
      return [relationKey(relation), { relation, hash }];
    },
    done(): void {
      if (edited.length > 0)
        throw new RepositoryError(
          `${file}: the content of ${edited.length} ${edited.length === 1 ? 'entry does' : 'entries do'} not match the hash stored with it (${edited.slice(0, 10).join(', ')}${edited.length > 10 ? ', ...' : ''}); the baseline was edited by hand. Recreate it from the state it records (tracery baseline create NAME --force at that commit).`,
        );
    },
  };
}
