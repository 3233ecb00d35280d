/**
 * The element ids (Neo4j's `elementId`) of the nodes under a scope's label, by Tracery id, valid
 * for one export: the read at the start fills it and the node CREATE adds the nodes it makes; new
 * relationships find their ends by them, which costs the server less than two lookups in the id
 * index (each end's label and id are still checked: an element id of a deleted node can be reused).
 *
 * Neo4j 5's element ids are `4:<database id>:<number>`, so every node of a database shares all up to
 * the last `:`. Each id is cut once, when it is added, into that shared beginning ({@link prefix},
 * sent once per batch) and the rest ({@link rest}, sent per row): cutting it for every relationship
 * end instead cost the client about a second on 500k relationships. Should ids not share their
 * beginning, every rest is the whole element id and the prefix is `''`.
 */
export class NodeRefs {
  #prefix: string | undefined;
  readonly #rests = new Map<string, string>();

  /** Adds a node's element id. */
  set(id: string, elementId: string): void {
    const cut = elementId.lastIndexOf(':') + 1;
    this.#prefix ??= elementId.slice(0, cut);
    if (this.#prefix !== '' && (cut !== this.#prefix.length || !elementId.startsWith(this.#prefix))) {
      this.#unshare();
    }
    this.#rests.set(id, this.#prefix === '' ? elementId : elementId.slice(cut));
  }

  /** The beginning every element id shares, `''` when they share none. */
  get prefix(): string {
    return this.#prefix ?? '';
  }

  /** The rest of a node's element id after {@link prefix}, or undefined when the export has none for it. */
  rest(id: string): string | undefined {
    return this.#rests.get(id);
  }

  get size(): number {
    return this.#rests.size;
  }

  /** Makes every rest a whole element id (a database whose ids differ in their beginning). */
  #unshare(): void {
    const prefix = this.#prefix ?? '';
    for (const [id, rest] of this.#rests) this.#rests.set(id, prefix + rest);
    this.#prefix = '';
  }
}
