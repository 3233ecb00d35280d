import { type Relation, relationKey } from './element.js';
import { OriginTable } from './origin-table.js';
import type { Origin, RestoredOrigins } from './restored-layout.js';
import { hasAttributes, type RelationVisit, type RestoredRelations } from './restored-relations.js';

/**
 * A model's relations by key (`relationKey`), in insertion order, with where each was written. A
 * restored model's relations stay as the restore gave them (rows made into objects when first read)
 * until something changes one or looks one up by key: only then are they keyed and their origins
 * packed, so a load answered from the cache and only read never pays for it.
 */
export class RelationKeys {
  readonly #byKey = new Map<string, Relation>();
  /** Where each relation was written: packed in {@link #table} (a number), or as given. */
  readonly #origins = new Map<string, Origin | number>();
  /** Origins as integers; shared with clones (it only grows, so an index stays valid). */
  #table = new OriginTable();
  /** A restored model's relations while none has changed and none was looked up by key. */
  #restored: RestoredRelations | undefined;
  #restoredOrigins: RestoredOrigins | undefined;

  /** The relations of a restored model, with each one's origin by index (asked only when keyed). */
  static restored(relations: RestoredRelations, origins: RestoredOrigins): RelationKeys {
    const keys = new RelationKeys();
    keys.#restored = relations;
    keys.#restoredOrigins = origins;
    return keys;
  }

  /** How many relations there are. */
  get size(): number {
    return this.#restored?.length ?? this.#byKey.size;
  }

  /** The relations by key (keyed now, when they are still as restored). */
  keyed(): Map<string, Relation> {
    const restored = this.#restored;
    if (restored) {
      this.#restored = undefined;
      for (let i = 0; i < restored.length; i++) {
        const relation = restored.at(i);
        const key = relationKey(relation);
        this.#byKey.set(key, relation);
        const origin = this.#restoredOrigins!.relation(i);
        if (origin) this.#origins.set(key, this.#table.pack(origin));
      }
      this.#restoredOrigins = undefined;
    }
    return this.#byKey;
  }

  /** Keeps where the relation of this key was written. */
  setOrigin(key: string, origin: Origin): void {
    this.#origins.set(key, this.#table.pack(origin));
  }

  /** Removes the relation of this key and its origin. */
  delete(key: string): void {
    this.keyed().delete(key);
    this.#origins.delete(key);
  }

  /** Where the relation of this key was written, when it came from a file. */
  originOf(key: string): Origin | undefined {
    this.keyed();
    const origin = this.#origins.get(key);
    return typeof origin === 'number' ? this.#table.get(origin) : origin;
  }

  /** Every relation, in insertion order (without keying a restored model's). */
  values(): IterableIterator<Relation> {
    return this.#restored ? this.#restored.list().values() : this.#byKey.values();
  }

  /**
   * Calls `visit` with every relation's parts (only those with attributes, when `withAttributes`), in
   * insertion order, making no relation object not made yet.
   */
  forEach(visit: RelationVisit, withAttributes = false): void {
    if (this.#restored) this.#restored.forEach(visit, withAttributes);
    else
      for (const r of this.#byKey.values())
        if (!withAttributes || hasAttributes(r.attributes)) visit(r.type, r.source, r.target, r.attributes);
  }

  /** A copy that can be changed without touching this one (relations are shared: they are frozen). */
  clone(): RelationKeys {
    const copy = new RelationKeys();
    for (const [key, relation] of this.keyed()) copy.#byKey.set(key, relation);
    copy.#table = this.#table;
    for (const [key, origin] of this.#origins) copy.#origins.set(key, origin);
    return copy;
  }
}
