/**
 * A node of a YAML file read by the fast parser: its character range, and its children with their
 * ranges. It offers the few methods of the `yaml` package's nodes that position look-ups use
 * (`range`, `get(key, true)`, `items`), so the same code locates values in either tree.
 */
/** The children of every node without any (most nodes are scalars). */
export const NO_CHILDREN: readonly SpanNode[] = Object.freeze([]);

export class SpanNode {
  readonly start: number;
  readonly end: number;
  readonly kind: 'map' | 'seq' | 'scalar';
  /** For a sequence, its items; for a map, its keys and values alternating. */
  readonly children: readonly SpanNode[];
  readonly value: unknown;

  constructor(
    start: number,
    end: number,
    kind: SpanNode['kind'],
    children: readonly SpanNode[],
    value: unknown,
  ) {
    this.start = start;
    this.end = end;
    this.kind = kind;
    // Scalars (most nodes) share one empty list: a file of a million rows has millions of them.
    this.children = children.length === 0 ? NO_CHILDREN : children;
    this.value = value;
  }

  /** The node's character range, as the `yaml` package's nodes give it (made on demand). */
  get range(): [number, number, number] {
    return [this.start, this.end, this.end];
  }

  /** The items of a sequence (empty for other nodes). */
  get items(): readonly SpanNode[] {
    return this.kind === 'seq' ? this.children : [];
  }

  /** The value node at a map key or a sequence index, as `yaml`'s `node.get(key, true)`. */
  get(key: unknown, _keepScalar?: boolean): SpanNode | undefined {
    if (this.kind === 'seq') return typeof key === 'number' ? this.children[key] : undefined;
    if (this.kind !== 'map') return undefined;
    for (let i = 0; i + 1 < this.children.length; i += 2) {
      if (String(this.children[i]!.value) === String(key)) return this.children[i + 1];
    }
    return undefined;
  }

  /** The key node of `key` in a map. */
  keyOf(key: string): SpanNode | undefined {
    if (this.kind !== 'map') return undefined;
    for (let i = 0; i + 1 < this.children.length; i += 2) {
      if (String(this.children[i]!.value) === key) return this.children[i];
    }
    return undefined;
  }
}
