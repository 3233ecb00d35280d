import { YamlBlockScalarScanner } from './yaml-block-scalar-scanner.js';
import { LEAVE_SUBSET } from './yaml-line-scanner.js';

/** One element of a scanned model file: its value, and where its positions start in `positions`. */
export type ScannedElement = { readonly item: Record<string, unknown>; readonly at: number };

/**
 * A model file read by {@link scanModelYaml}: its elements in file order and, for each, from `at`
 * on, four numbers per position (line, column, end line, end column): the element's, then one per
 * entry of each of its keys in file order (an item of a list, or the value itself), placed where
 * an inline relation written there is placed: at the entry, or at the `id` of an entry that is a map.
 */
export type ScannedModelYaml = {
  readonly elements: readonly ScannedElement[];
  readonly positions: Int32Array;
};

/** Block collections nest at most this deep (the elements list is 2); deeper files take the parsers. */
const MAX_LEVEL = 8;

/**
 * The smallest `limits.maxDepth` under which the scanner reads a file: with {@link MAX_LEVEL} and at
 * most 8 keys in a flow map, the estimate of `yaml-depth.ts` for any file it reads stays under it.
 */
export const SCAN_MIN_DEPTH_LIMIT = 32;

const SPACE = 32;
const NEWLINE = 10;

/**
 * Reads the canonical form of a model file in one pass over its text, without a YAML document or node
 * tree: a top-level map of `elements:` (a block list of block maps) and optionally `$schema:`, whose
 * values are plain or quoted scalars on one line, flow lists and maps of those on one line, simple
 * literal and folded block scalars (see {@link YamlBlockScalarScanner}), and nested block lists and
 * maps; whole-line comments and blank lines anywhere. Values and positions are exactly
 * what the fast parser gives (YAML 1.2 core schema, `yaml-core-schema.ts`). Returns undefined for
 * anything else (anchors, tags, other block or multi-line scalars, comments after a value, tabs, a CR
 * but in a CR LF, odd characters, a key twice, a null value, `relations:`...): the caller then reads the file the usual way.
 */
export function scanModelYaml(text: string): ScannedModelYaml | undefined {
  // As the fast parser: text with a prototype key's name anywhere goes to the `yaml` package (anchors,
  // aliases, tags and directives the scanner refuses where it meets them).
  if (text.includes('__proto__') || text.includes('constructor') || text.includes('prototype'))
    return undefined;
  // CR LF line ends read as LF: the CR is after everything on its line, so no column moves, and YAML
  // reads every line break in a value as LF. A CR anywhere else is left to the parsers.
  const lf = text.includes('\r') ? text.replaceAll('\r\n', '\n') : text;
  if (lf !== text && lf.includes('\r')) return undefined;
  try {
    return new ModelYamlScanner(lf).file();
  } catch (error) {
    if (error === LEAVE_SUBSET) return undefined;
    // Anything else is a defect of the scanner: the parsers still read the file right.
    return undefined;
  }
}

class ModelYamlScanner extends YamlBlockScalarScanner {
  /** The indentation of the content line at `pos`, or -1 at the end of the text. */
  private indent = -1;
  private readonly elements: ScannedElement[] = [];
  private positions = new Int32Array(4096);
  private used = 0;
  private readonly recordEntry = (item: unknown) => this.entry(item);

  file(): ScannedModelYaml {
    this.content();
    let elements = false;
    let schema = false;
    while (this.indent === 0) {
      const colon = this.keyEnd(this.pos, true);
      if (colon < 0) this.leave();
      const key = this.keyText(this.pos, colon);
      this.pos = colon + 1;
      if (key === 'elements' && !elements) {
        elements = true;
        this.elementList();
      } else if (key === '$schema' && !schema) {
        schema = true;
        if (this.text.charCodeAt(this.pos) !== SPACE) this.leave();
        this.pos = this.spaces(this.pos);
        this.inline(false, undefined);
        this.endLine();
      } else this.leave();
    }
    if (this.indent !== -1 || !elements) this.leave();
    return { elements: this.elements, positions: this.positions };
  }

  /** Records one position (see {@link ScannedModelYaml}); returns where. */
  private record(line: number, column: number, endLine: number, endColumn: number): number {
    const at = this.used;
    if (at + 4 > this.positions.length) {
      const grown = new Int32Array(this.positions.length * 2);
      grown.set(this.positions);
      this.positions = grown;
    }
    const p = this.positions;
    p[at] = line;
    p[at + 1] = column;
    p[at + 2] = endLine;
    p[at + 3] = endColumn;
    this.used = at + 4;
    return at;
  }

  /** From `pos` at the start of a line: skips blank and comment lines to the next content line. */
  private content(): void {
    const { text } = this;
    for (;;) {
      const p = this.spaces(this.pos);
      const c = text.charCodeAt(p);
      if (p >= text.length) {
        this.indent = -1;
        this.pos = p;
        return;
      }
      if (c === NEWLINE) this.nextLine(p);
      else if (c === 35 /* # */) this.nextLine(this.commentEnd(p));
      else {
        this.indent = p - this.lineStart;
        this.pos = p;
        return;
      }
    }
  }

  private commentEnd(p: number): number {
    const { text } = this;
    let i = p;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === NEWLINE) return i;
      this.checkText(i, c);
    }
    return i;
  }

  /** After a value: spaces, then the end of the line; then on to the next content line. */
  private endLine(): void {
    const p = this.spaces(this.pos);
    if (p >= this.text.length) this.pos = p;
    else if (this.text.charCodeAt(p) === NEWLINE) this.nextLine(p);
    else this.leave();
    this.content();
  }

  private dashAt(p: number): boolean {
    if (this.text.charCodeAt(p) !== 45 /* - */) return false;
    const next = this.text.charCodeAt(p + 1);
    return next === SPACE || next === NEWLINE || p + 1 >= this.text.length;
  }

  /** The `elements:` list, from just after its colon. */
  private elementList(): void {
    this.endLine();
    const indent = this.indent;
    if (indent < 0 || !this.dashAt(this.pos)) this.leave();
    for (;;) {
      const p = this.spaces(this.pos + 1);
      if (p === this.pos + 1 || this.keyEnd(p, true) < 0) this.leave();
      const at = this.record(0, 0, 0, 0);
      this.pos = p;
      const item = this.blockMap(p - this.lineStart, 3, true);
      const { positions } = this;
      positions[at] = this.sl;
      positions[at + 1] = this.sc;
      positions[at + 2] = this.el;
      positions[at + 3] = this.ec;
      this.elements.push({ item, at });
      if (this.indent !== indent || !this.dashAt(this.pos)) break;
    }
    if (this.indent > indent) this.leave();
  }

  /** Records where an entry of an element's key is placed (see {@link ScannedModelYaml}). */
  private entry(item: unknown): void {
    const byId = item !== null && typeof item === 'object' && !Array.isArray(item) && this.il !== 0;
    if (byId) this.record(this.il, this.ic, this.iel, this.iec);
    else this.record(this.sl, this.sc, this.el, this.ec);
  }

  /** A block map whose first key is at `pos`, its keys at `indent`; `element` records its entries. */
  private blockMap(indent: number, level: number, element: boolean): Record<string, unknown> {
    if (level > MAX_LEVEL) this.leave();
    const map: Record<string, unknown> = {};
    const sl = this.line;
    const sc = this.pos - this.lineStart + 1;
    let il = 0;
    let ic = 0;
    let iel = 0;
    let iec = 0;
    for (;;) {
      const colon = this.keyEnd(this.pos, true);
      if (colon < 0) this.leave();
      const key = this.keyText(this.pos, colon);
      if (Object.hasOwn(map, key)) this.leave();
      this.pos = colon + 1;
      const value = this.mapValue(indent, level, element);
      map[key] = value;
      if (element && !Array.isArray(value)) this.entry(value);
      if (key === 'id') {
        il = this.sl;
        ic = this.sc;
        iel = this.el;
        iec = this.ec;
      }
      if (this.indent < indent) break;
      if (this.indent > indent) this.leave();
    }
    this.sl = sl;
    this.sc = sc;
    this.il = il;
    this.ic = ic;
    this.iel = iel;
    this.iec = iec;
    return map;
  }

  /** The value of a block map's key, from just after its colon. */
  private mapValue(indent: number, level: number, element: boolean): unknown {
    const { text } = this;
    const p = this.spaces(this.pos);
    if (p < text.length && text.charCodeAt(p) !== NEWLINE) {
      if (p === this.pos || text.charCodeAt(p) === 35 /* # */) this.leave();
      this.pos = p;
      const c = text.charCodeAt(p);
      if (c === 124 /* | */ || c === 62 /* > */) {
        const scalar = this.blockScalar(indent);
        this.content();
        return scalar;
      }
      const value = this.inline(false, element ? this.recordEntry : undefined);
      this.endLine();
      return value;
    }
    this.pos = p;
    this.endLine();
    const next = this.indent;
    if (next >= indent && this.dashAt(this.pos)) return this.blockSeq(next, level + 1, element);
    if (next > indent) return this.blockMap(next, level + 1, false);
    // A key with no value (null) is left to the parsers.
    return this.leave();
  }

  /** A block list whose first `-` is at `pos`, at `indent`; `element` records its items. */
  private blockSeq(indent: number, level: number, element: boolean): unknown[] {
    if (level > MAX_LEVEL) this.leave();
    const items: unknown[] = [];
    const sl = this.line;
    const sc = this.pos - this.lineStart + 1;
    for (;;) {
      const p = this.spaces(this.pos + 1);
      if (p === this.pos + 1 || p >= this.text.length) this.leave();
      const c = this.text.charCodeAt(p);
      if (c === NEWLINE || c === 35 /* # */ || this.dashAt(p)) this.leave();
      this.pos = p;
      let item: unknown;
      if (this.keyEnd(p, true) >= 0) item = this.blockMap(p - this.lineStart, level + 1, false);
      else {
        item = this.inline(false, undefined);
        this.endLine();
      }
      if (element) this.entry(item);
      items.push(item);
      if (this.indent !== indent || !this.dashAt(this.pos)) break;
    }
    if (this.indent > indent) this.leave();
    this.sl = sl;
    this.sc = sc;
    return items;
  }
}
