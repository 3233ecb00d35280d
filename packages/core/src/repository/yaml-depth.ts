/**
 * How deeply a YAML text nests, estimated in one pass without parsing, so that a file nested
 * thousands of levels deep is refused before any parser recurses into it.
 *
 * The estimate never falls far below the true depth: every open block level counts twice (a map and
 * a sequence written at the same column), each `- ` or `? ` and each `key:` on a line adds one, and
 * every open flow bracket adds one. Quoted text, comments and block scalars (`|`, `>`) are skipped.
 * Design files nest a handful of levels, so a limit in the hundreds never refuses a real one.
 */
export function findTooDeep(text: string, maxDepth: number): number | undefined {
  const scanner = new DepthScanner(text, maxDepth);
  return scanner.run();
}

const SPACE = 32;
const TAB = 9;
const NEWLINE = 10;
const BLOCK_HEADER = /(?:^|[:?-])\s*[|>][-+0-9]*\s*$/;
const BLOCK_HEADER_END = /[-+0-9|>]/;

class DepthScanner {
  private readonly indents: number[] = [];
  private flow = 0;
  // The open quote (34 or 39) while inside quoted text, else 0.
  private quote = 0;
  private blockScalarIndent = -1;
  private pos = 0;

  constructor(
    private readonly text: string,
    private readonly max: number,
  ) {}

  run(): number | undefined {
    const { text } = this;
    while (this.pos < text.length) {
      let end = text.indexOf('\n', this.pos);
      if (end < 0) end = text.length;
      const tooDeep = this.line(this.pos, end);
      if (tooDeep !== undefined) return tooDeep;
      this.pos = end + 1;
    }
    return undefined;
  }

  private line(start: number, end: number): number | undefined {
    const { text } = this;
    let i = start;
    if (this.quote !== 0) {
      i = this.skipQuoted(i, end);
      if (this.quote !== 0) return undefined;
    }
    let indent = 0;
    while (i < end && text.charCodeAt(i) === SPACE) i++;
    indent = i - start;
    const first = text.charCodeAt(i);
    if (i >= end || first === 35 /* # */ || first === 13) return undefined;
    if (this.blockScalarIndent >= 0) {
      if (indent > this.blockScalarIndent) return undefined;
      this.blockScalarIndent = -1;
    }
    if (this.flow === 0 && i === start + indent) {
      while (this.indents.length > 0 && this.indents[this.indents.length - 1]! >= indent) this.indents.pop();
      this.indents.push(indent);
    }
    return this.content(i, end, indent);
  }

  private depth(inline: number): number {
    return 2 * this.indents.length + inline + this.flow;
  }

  private content(from: number, end: number, indent: number): number | undefined {
    const { text } = this;
    let inline = 0;
    let i = from;
    let scalarStart = true;
    let last = 0;
    // The depth only grows where `inline` or `flow` grows, so it is compared with the limit at the
    // first character checked after a change, not at every character.
    let grown = true;
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === SPACE || c === TAB || c === 13) continue;
      if (c === 35 /* # */ && (i === from || text.charCodeAt(i - 1) === SPACE)) break;
      if (scalarStart && (c === 34 || c === 39)) {
        this.quote = c;
        i = this.skipQuoted(i + 1, end) - 1;
        if (this.quote !== 0) return undefined;
        scalarStart = false;
        last = c;
        continue;
      }
      if ((c === 45 /* - */ || c === 63) /* ? */ && scalarStart && this.blankAfter(i, end)) {
        inline++;
        grown = true;
      } else if (c === 58 /* : */ && this.blankAfter(i, end)) {
        inline++;
        grown = true;
        scalarStart = true;
        last = c;
        continue;
      } else if (c === 91 /* [ */ || c === 123 /* { */) {
        this.flow++;
        scalarStart = true;
        if (this.depth(inline) > this.max) return i;
        last = c;
        continue;
      } else if (c === 93 /* ] */ || c === 125 /* } */) {
        if (this.flow > 0) this.flow--;
      } else if (c === 44 /* , */ && this.flow > 0) {
        scalarStart = true;
        last = c;
        continue;
      } else {
        scalarStart = false;
      }
      if (grown) {
        if (this.depth(inline) > this.max) return i;
        grown = false;
      }
      last = c;
    }
    if (this.flow === 0 && BLOCK_HEADER_END.test(String.fromCharCode(last)) && this.blockHeaderAt(from, i))
      this.blockScalarIndent = indent;
    return this.depth(inline) > this.max ? from : undefined;
  }

  /** True when the character after `i` is a space, a tab or the end of the line. */
  private blankAfter(i: number, end: number): boolean {
    if (i + 1 >= end) return true;
    const next = this.text.charCodeAt(i + 1);
    return next === SPACE || next === TAB || next === NEWLINE || next === 13;
  }

  /** True when the line's content ends in a block scalar header such as `key: |-` or `- >2`. */
  private blockHeaderAt(from: number, end: number): boolean {
    return BLOCK_HEADER.test(this.text.slice(from, end));
  }

  /** Skips quoted text from `i` (just after the opening quote); returns the offset after the closing one. */
  private skipQuoted(start: number, end: number): number {
    const { text } = this;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (this.quote === 34 && c === 92 /* \ */) {
        i++;
        continue;
      }
      if (c !== this.quote) continue;
      if (this.quote === 39 && text.charCodeAt(i + 1) === 39) {
        i++;
        continue;
      }
      this.quote = 0;
      return i + 1;
    }
    return end;
  }
}
