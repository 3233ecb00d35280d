import type { Relation } from './element.js';
import { NO_ATTRIBUTES } from './freeze-values.js';

/**
 * Relations given to `Model.restore` as numbers rather than objects (what the whole-load cache holds):
 * relation `i` has the type `typeNames[types[i]]`, its ends are the elements the model's `ends` name,
 * and its attributes are `attributes.get(i)` ({@link NO_ATTRIBUTES} when it has none there).
 */
export type RelationRows = {
  readonly types: Int32Array;
  readonly typeNames: readonly string[];
  readonly attributes: ReadonlyMap<number, Relation['attributes']>;
};

/** A relation as its parts, for a walk that reads relations without making them. */
export type RelationVisit = (
  type: string,
  source: string,
  target: string,
  attributes: Relation['attributes'],
) => void;

/**
 * A restored model's relations in order: either given as objects, or as {@link RelationRows} over the
 * model's elements, each made (and frozen) when first asked for and kept, so that it is the same object
 * whoever asks. A cached load that only reads coverage makes none: its 150k relations were the largest
 * set of objects it made after the elements.
 */
export class RestoredRelations {
  readonly length: number;
  readonly #made: (Relation | undefined)[];
  #complete: boolean;
  /** The id of the element at an index. */
  readonly #idAt: (index: number) => string;
  readonly #ends: Int32Array;
  #rows: Omit<RelationRows, 'attributes'> | undefined;
  readonly #attributes: ReadonlyMap<number, Relation['attributes']>;

  private constructor(
    made: (Relation | undefined)[],
    idAt: (index: number) => string,
    ends: Int32Array,
    rows: RelationRows | undefined,
  ) {
    this.length = rows ? rows.types.length : made.length;
    this.#made = made;
    this.#complete = rows === undefined;
    this.#idAt = idAt;
    this.#ends = ends;
    this.#rows = rows;
    this.#attributes = rows?.attributes ?? new Map();
  }

  /** Relations given as (frozen) objects: the list is kept as it is. */
  static of(relations: readonly Relation[]): RestoredRelations {
    return new RestoredRelations(relations as Relation[], String, new Int32Array(0), undefined);
  }

  /** Relations given as rows over the elements whose ids `idAt` gives (their ends in `ends`, checked to be in range). */
  static fromRows(idAt: (index: number) => string, ends: Int32Array, rows: RelationRows): RestoredRelations {
    // Sized, not pushed (see StringTable): a place per relation, filled when it is first asked for.
    const made: undefined[] = new Array(rows.types.length);
    return new RestoredRelations(made, idAt, ends, rows);
  }

  /** Relation `r`, made when first asked for. */
  at(r: number): Relation {
    return this.#made[r] ?? this.#make(r);
  }

  #make(r: number): Relation {
    const relation: Relation = Object.freeze({
      type: this.#typeName(r),
      source: this.#idAt(this.#ends[2 * r]!),
      target: this.#idAt(this.#ends[2 * r + 1]!),
      attributes: this.#attributes.get(r) ?? NO_ATTRIBUTES,
    });
    this.#made[r] = relation;
    return relation;
  }

  #typeName(r: number): string {
    const rows = this.#rows!;
    return rows.typeNames[rows.types[r]!]!;
  }

  /** Every relation, in order (made now when some are not yet). The list is the table's own: read it only. */
  list(): readonly Relation[] {
    if (!this.#complete) {
      for (let r = 0; r < this.length; r++) this.at(r);
      this.#complete = true;
    }
    return this.#made as Relation[];
  }

  /**
   * Calls `visit` with each relation's parts, in order, making no relation that is not made yet; with
   * `withAttributes`, only those of the relations that have attributes (given as rows, only those are
   * gone through: the rows hold attributes only for them).
   */
  forEach(visit: RelationVisit, withAttributes = false): void {
    if (withAttributes && this.#rows && !this.#complete) {
      for (const r of this.#attributed()) this.#visit(visit, r);
      return;
    }
    for (let r = 0; r < this.length; r++)
      if (!withAttributes || hasAttributes(this.at(r).attributes)) this.#visit(visit, r);
  }

  #visit(visit: RelationVisit, r: number): void {
    const made = this.#made[r];
    if (made) visit(made.type, made.source, made.target, made.attributes);
    else
      visit(
        this.#typeName(r),
        this.#idAt(this.#ends[2 * r]!),
        this.#idAt(this.#ends[2 * r + 1]!),
        this.#attributes.get(r) ?? NO_ATTRIBUTES,
      );
  }

  /** The relations of the rows with attributes (not empty), in order. */
  #attributed(): number[] {
    const attributed: number[] = [];
    for (const [r, attributes] of this.#attributes) if (hasAttributes(attributes)) attributed.push(r);
    // The rows give them in relation order when read from a snapshot; sorted only when not.
    for (let i = 1; i < attributed.length; i++)
      if (attributed[i - 1]! > attributed[i]!) return attributed.sort((a, b) => a - b);
    return attributed;
  }

  /** Each relation's type as a number (`types`) into `typeNames`, the names in the order first seen. */
  typeRows(): Omit<RelationRows, 'attributes'> {
    if (this.#rows) return this.#rows;
    const numbers = new Map<string, number>();
    const typeNames: string[] = [];
    const types = new Int32Array(this.length);
    for (let r = 0; r < this.length; r++) {
      const type = this.#made[r]!.type;
      let t = numbers.get(type);
      if (t === undefined) {
        t = typeNames.push(type) - 1;
        numbers.set(type, t);
      }
      types[r] = t;
    }
    this.#rows = { types, typeNames };
    return this.#rows;
  }
}

/** True when a relation has at least one attribute. */
export function hasAttributes(attributes: Relation['attributes']): boolean {
  for (const _ in attributes) return true;
  return false;
}
