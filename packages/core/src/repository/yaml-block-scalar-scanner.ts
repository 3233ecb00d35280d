import { isOddCharacter, NEWLINE, SPACE } from './yaml-characters.js';
import { YamlLineScanner } from './yaml-line-scanner.js';

/**
 * The block scalars the model file scanner reads exactly, on top of {@link YamlLineScanner}: a
 * literal (`|`) or folded (`>`) scalar, clipped or stripped (`|-`, `>-`), whose lines all start at one
 * indentation, with no blank line between them, no more-indented line and no space at a line's end
 * (so folding only joins lines with a space) and none starting with `#`, ended by a line end; empty lines
 * may follow it. Anything else (keep `+`, an indentation indicator, a comment after the header...) is
 * refused.
 */
export class YamlBlockScalarScanner extends YamlLineScanner {
  /** Moves to the start of the line after the line end at `newline`. */
  protected nextLine(newline: number): void {
    this.pos = newline + 1;
    this.line++;
    this.lineStart = this.pos;
  }

  /**
   * The block scalar whose header is at `pos`, the value of a key of a map at `indent`; leaves `pos` at
   * the start of the first line after it, and its range from the header to the end of its last line.
   */
  protected blockScalar(indent: number): string {
    const { text } = this;
    const start = this.pos;
    const folded = text.charCodeAt(start) === 62; /* > */
    let p = start + 1;
    const strip = text.charCodeAt(p) === 45; /* - */
    if (strip) p++;
    p = this.spaces(p);
    if (text.charCodeAt(p) !== NEWLINE) this.leave();
    const sl = this.line;
    const sc = start - this.lineStart + 1;
    this.nextLine(p);
    const lines: string[] = [];
    let at = -1;
    for (;;) {
      const q = this.spaces(this.pos);
      if (q >= text.length) break;
      const column = q - this.lineStart;
      if (text.charCodeAt(q) === NEWLINE) {
        if (column > 0 || at < 0 || !this.endsAfterEmptyLines(q + 1, at)) this.leave();
        break;
      }
      if (at < 0) {
        if (column <= indent) this.leave();
        at = column;
      }
      if (column < at) break;
      // A line that starts with `#` is text here, but the position look-ups take it for a comment.
      if (column > at || text.charCodeAt(q) === 35 /* # */) this.leave();
      const end = this.contentLine(q);
      lines.push(text.slice(q, end));
      this.el = this.line;
      this.ec = end - this.lineStart + 1;
      this.nextLine(end);
    }
    if (lines.length === 0) this.leave();
    this.sl = sl;
    this.sc = sc;
    const value = lines.join(folded ? ' ' : '\n');
    return strip ? value : `${value}\n`;
  }

  /** The end of a content line from `q`: its line end (never the end of the text, nor after a space). */
  private contentLine(q: number): number {
    const { text } = this;
    let i = q;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === NEWLINE) break;
      if (c === 38 || c === 42 || c === 33) this.anchorAt(i);
      else if (isOddCharacter(c)) this.leave();
    }
    if (i >= text.length || text.charCodeAt(i - 1) === SPACE) this.leave();
    return i;
  }

  /** True when only empty lines come from `p` to a line indented less than `at`, or to the end. */
  private endsAfterEmptyLines(p: number, at: number): boolean {
    const { text } = this;
    let q = p;
    while (text.charCodeAt(q) === NEWLINE) q++;
    if (q >= text.length) return true;
    return this.spaces(q) - q < at;
  }
}
