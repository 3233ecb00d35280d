/**
 * FNV-1a (32 bits) over an id's UTF-16 code units: the same number for the same id in every process,
 * so that a table of ids written by one load can be read by the next.
 */
export function idHash(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * Where each of a list of ids is, as an open-addressing hash table: a power of two of places, at least
 * twice as many as ids, each 0 (empty) or an id's index + 1, the id placed at the first empty place from
 * its hash on (linear probing). What the whole-load cache writes beside the elements, so that a model
 * restored from it finds an element by id without first putting every id into a `Map` (about 50 ms of
 * CPU for 200k ids, most of a warm load's restore).
 *
 * @example
 * const places = IdTable.placesOf(['A', 'B']); // Int32Array(4), holding 1 and 2 somewhere
 */
export class IdTable {
  readonly #places: Int32Array;
  readonly #mask: number;
  readonly #count: number;
  readonly #idAt: (index: number) => string | undefined;

  private constructor(places: Int32Array, count: number, idAt: (index: number) => string | undefined) {
    this.#places = places;
    this.#mask = places.length - 1;
    this.#count = count;
    this.#idAt = idAt;
  }

  /** The places of `ids` (see {@link IdTable}); the ids must differ from each other. */
  static placesOf(ids: readonly string[]): Int32Array {
    let size = 2;
    while (size < ids.length * 2) size *= 2;
    const places = new Int32Array(size);
    const mask = size - 1;
    for (let i = 0; i < ids.length; i++) {
      let at = idHash(ids[i]!) & mask;
      while (places[at] !== 0) at = (at + 1) & mask;
      places[at] = i + 1;
    }
    return places;
  }

  /**
   * A table over places {@link placesOf} made for `count` ids, which `idAt` gives by index; undefined
   * when the places cannot be such a table (not a power of two, or too few).
   */
  static over(
    places: Int32Array,
    count: number,
    idAt: (index: number) => string | undefined,
  ): IdTable | undefined {
    const size = places.length;
    if (size < 2 || size < count * 2 || (size & (size - 1)) !== 0) return undefined;
    return new IdTable(places, count, idAt);
  }

  /** How many ids the table was made for. */
  get count(): number {
    return this.#count;
  }

  /**
   * The index of `id`, found in the table; undefined when the table does not give it. Only what it
   * finds is sure (the id at that index is compared): the places come from a file, so a caller that must
   * know an id is absent asks a full index when this gives undefined.
   */
  find(id: string): number | undefined {
    const places = this.#places;
    const mask = this.#mask;
    let at = idHash(id) & mask;
    for (let probes = 0; probes <= mask; probes++) {
      const index = places[at]! - 1;
      if (index < 0) return undefined;
      if (index < this.#count && this.#idAt(index) === id) return index;
      at = (at + 1) & mask;
    }
    return undefined;
  }
}
