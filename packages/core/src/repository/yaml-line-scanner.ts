import {
  ANCHOR,
  BEFORE_ANCHOR,
  BLANK,
  BREAK,
  CLASS,
  COLON,
  CONTROL,
  FLOW,
  FLOW_END,
  HASH,
  INDICATOR,
  isOddCharacter,
  KEY,
  NEWLINE,
  ORDINARY,
  SPACE,
} from './yaml-characters.js';
import { resolvePlainScalar } from './yaml-core-schema.js';

/**
 * Thrown by the scanners when the text leaves the subset they read exactly: the caller then reads
 * the file with the parsers. A plain object, not an Error: no stack is captured.
 */
export const LEAVE_SUBSET: { readonly leave: true } = Object.freeze({ leave: true });

// Keys met so far (all text in the core schema: `null` and `true` are not), found again without a copy.
const KEYS: string[] = [];
const NOT_KEYS = new Set<string>();

/**
 * The scalars and flow collections of one line of YAML, read exactly or refused ({@link LEAVE_SUBSET}):
 * plain scalars (no `: `, no ` #`), single- and double-quoted scalars on one line (escapes `\\`, `\"`
 * and `\/` only), and flow sequences and maps of those on one line. Each read leaves the range of
 * the node it read in `sl`/`sc`/`el`/`ec` (1-based line and column of its start and of its end,
 * what {@link positionOf} gives for the node), and a map the range of its `id` value in
 * `il`/`ic`/`iel`/`iec` (`il` 0 without one).
 */
export class YamlLineScanner {
  protected pos = 0;
  protected line = 1;
  protected lineStart = 0;
  sl = 0;
  sc = 0;
  el = 0;
  ec = 0;
  il = 0;
  ic = 0;
  iel = 0;
  iec = 0;

  constructor(protected readonly text: string) {}

  /** The offset of the `:` ending a key at `p` (followed by a space, or also a line end in block context), or -1. */
  protected keyEnd(p: number, block: boolean): number {
    const { text } = this;
    let c = text.charCodeAt(p);
    if (!(c < 128 && KEY[c] === 2)) return -1;
    let i = p + 1;
    for (c = text.charCodeAt(i); c < 128 && KEY[c]! > 0; c = text.charCodeAt(++i));
    if (c !== 58 /* : */) return -1;
    const next = text.charCodeAt(i + 1);
    return next === SPACE || (block && (next === NEWLINE || i + 1 >= text.length)) ? i : -1;
  }

  /** The key from `p` to the colon at `colon`; refused when the core schema does not read it as text. */
  protected keyText(p: number, colon: number): string {
    const { text } = this;
    const length = colon - p;
    for (let k = 0; k < KEYS.length; k++) {
      const key = KEYS[k]!;
      if (key.length === length && text.startsWith(key, p)) return key;
    }
    const key = text.slice(p, colon);
    if (NOT_KEYS.has(key) || resolvePlainScalar(key) !== key) {
      NOT_KEYS.add(key);
      this.leave();
    }
    if (KEYS.length < 64) KEYS.push(key);
    return key;
  }

  /**
   * Refuses `&`, `*` or `!` at `i` where it would start an anchor, alias or tag (a line start, a space
   * or an indicator before, a character after): such a text goes to the `yaml` package.
   */
  protected anchorAt(i: number): void {
    const { text } = this;
    const before = i === 0 ? NEWLINE : text.charCodeAt(i - 1);
    const after = text.charCodeAt(i + 1);
    if (before < 128 && BEFORE_ANCHOR[before] === 1 && after > SPACE) this.leave();
  }

  /** Refuses the odd characters and anchors that may not be in quoted text or a comment. */
  protected checkText(i: number, c: number): void {
    if (c < 128) {
      const kind = CLASS[c]!;
      if (kind === CONTROL) this.leave();
      if (kind === ANCHOR) this.anchorAt(i);
    } else if (isOddCharacter(c)) this.leave();
  }

  /** Skips spaces from `p`; returns the first offset that is not one. */
  protected spaces(p: number): number {
    while (this.text.charCodeAt(p) === SPACE) p++;
    return p;
  }

  /** Reads the scalar or flow collection at `pos`; `record` gets each item of a flow sequence. */
  protected inline(flow: boolean, record: ((item: unknown) => void) | undefined): unknown {
    const c = this.text.charCodeAt(this.pos);
    if (c === 91 /* [ */) return flow ? this.leave() : this.flowSeq(record);
    if (c === 123 /* { */) return flow ? this.leave() : this.flowMap();
    if (c === 34 /* " */) return this.doubleQuoted();
    if (c === 39 /* ' */) return this.singleQuoted();
    return this.plain(flow);
  }

  /** Keeps the range of the node just read as the range of its map's `id` value. */
  protected idRange(): void {
    this.il = this.sl;
    this.ic = this.sc;
    this.iel = this.el;
    this.iec = this.ec;
  }

  protected leave(): never {
    throw LEAVE_SUBSET;
  }

  /** Sets the range of the node just read: from `start` to `end` (offsets) on the current line. */
  protected range(start: number, end: number): void {
    this.sl = this.line;
    this.sc = start - this.lineStart + 1;
    this.el = this.line;
    this.ec = end - this.lineStart + 1;
  }

  private plain(flow: boolean): unknown {
    const { text } = this;
    const start = this.pos;
    const first = text.charCodeAt(start);
    if (first < 128 && INDICATOR[first] === 1) this.leave();
    if (first === 45 /* - */ || first === 63 /* ? */ || first === 58 /* : */) {
      const next = text.charCodeAt(start + 1);
      if (!(next > SPACE) || (next < 128 && FLOW_END[next] === 1)) this.leave();
    }
    let end = start;
    for (let i = start; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 128) {
        if (isOddCharacter(c)) this.leave();
      } else {
        const kind = CLASS[c]!;
        if (kind === BLANK) continue;
        if (kind === BREAK) break;
        if (kind !== ORDINARY && this.plainStop(i, kind, flow)) break;
      }
      end = i + 1;
    }
    this.range(start, end);
    this.pos = end;
    return resolvePlainScalar(text.slice(start, end));
  }

  /** True where a plain scalar ends before a flow indicator; refuses what the scanner does not read. */
  private plainStop(i: number, kind: number, flow: boolean): boolean {
    const { text } = this;
    if (kind === COLON) {
      const next = text.charCodeAt(i + 1);
      if (flow || next === SPACE || next === NEWLINE || i + 1 >= text.length) this.leave();
    } else if (kind === HASH) {
      if (text.charCodeAt(i - 1) === SPACE) this.leave();
    } else if (kind === FLOW) {
      if (!flow) return false;
      const c = text.charCodeAt(i);
      if (c === 91 || c === 123) this.leave();
      return true;
    } else if (kind === ANCHOR) this.anchorAt(i);
    else if (kind === CONTROL) this.leave();
    return false;
  }

  private doubleQuoted(): string {
    const { text } = this;
    const start = this.pos;
    let value = '';
    let from = start + 1;
    let i = from;
    for (; ; i++) {
      if (i >= text.length) this.leave();
      const c = text.charCodeAt(i);
      if (c === 34) break;
      if (c === 92 /* \ */) {
        const e = text.charCodeAt(i + 1);
        if (e !== 92 && e !== 34 && e !== 47) this.leave();
        value += text.slice(from, i) + String.fromCharCode(e);
        from = ++i + 1;
      } else if (c === NEWLINE) this.leave();
      else this.checkText(i, c);
    }
    value += text.slice(from, i);
    this.range(start, i + 1);
    this.pos = i + 1;
    return value;
  }

  private singleQuoted(): string {
    const { text } = this;
    const start = this.pos;
    let value = '';
    let from = start + 1;
    let i = from;
    for (; ; i++) {
      if (i >= text.length) this.leave();
      const c = text.charCodeAt(i);
      if (c === 39) {
        if (text.charCodeAt(i + 1) !== 39) break;
        value += text.slice(from, i + 1);
        from = ++i + 1;
      } else if (c === NEWLINE) this.leave();
      else this.checkText(i, c);
    }
    value += text.slice(from, i);
    this.range(start, i + 1);
    this.pos = i + 1;
    return value;
  }

  private flowSeq(record: ((item: unknown) => void) | undefined): unknown[] {
    const { text } = this;
    const start = this.pos;
    const items: unknown[] = [];
    let p = this.spaces(start + 1);
    if (text.charCodeAt(p) !== 93 /* ] */) {
      for (;;) {
        this.pos = p;
        const item = text.charCodeAt(p) === 123 ? this.flowMap() : this.inline(true, undefined);
        record?.(item);
        items.push(item);
        p = this.spaces(this.pos);
        const c = text.charCodeAt(p);
        if (c === 93) break;
        if (c !== 44 /* , */) this.leave();
        p = this.spaces(p + 1);
        if (text.charCodeAt(p) === 93) this.leave();
      }
    }
    this.range(start, p + 1);
    this.pos = p + 1;
    return items;
  }

  private flowMap(): Record<string, unknown> {
    const { text } = this;
    const start = this.pos;
    const map: Record<string, unknown> = {};
    this.il = 0;
    let p = this.spaces(start + 1);
    if (text.charCodeAt(p) !== 125 /* } */) {
      for (let keys = 1; ; keys++) {
        const colon = this.keyEnd(p, false);
        // More keys on one line could take the depth estimate of yaml-depth.ts past the limit.
        if (colon < 0 || keys > 8) this.leave();
        const key = this.keyText(p, colon);
        if (Object.hasOwn(map, key)) this.leave();
        this.pos = this.spaces(colon + 1);
        map[key] = this.inline(true, undefined);
        if (key === 'id') this.idRange();
        p = this.spaces(this.pos);
        const c = text.charCodeAt(p);
        if (c === 125) break;
        if (c !== 44 /* , */) this.leave();
        p = this.spaces(p + 1);
      }
    }
    this.range(start, p + 1);
    this.pos = p + 1;
    return map;
  }
}
