/**
 * The characters the model file scanner (`yaml-line-scanner.ts`) tells apart: tables over the ASCII
 * range, and the characters it never reads.
 */

/** The space. */
export const SPACE = 32;
/** The line feed. */
export const NEWLINE = 10;

/**
 * True for a character the scanners never read: C0 controls (line feed aside), DEL, C1 controls,
 * the spaces other than U+0020 (which the parsers and the position look-ups treat differently),
 * line and paragraph separators, bidirectional controls, surrogates (lone or paired), the BOM and
 * the non-characters U+FFFE and U+FFFF. Every control character that text safety reports is one of
 * them, so text the scanners read never needs a text-safety diagnostic.
 */
export function isOddCharacter(c: number): boolean {
  if (c < 0x7f) return c < 32 && c !== NEWLINE;
  return (
    c <= 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200f) ||
    (c >= 0x2028 && c <= 0x202f) ||
    (c >= 0x205f && c <= 0x206f) ||
    c === 0x3000 ||
    (c >= 0xd800 && c <= 0xdfff) ||
    c === 0xfeff ||
    c >= 0xfffe
  );
}

/** Characters of a key: a letter, `_` or `$` first (2), then also digits, `.` and `-` (1). */
export const KEY = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_$]/.test(ch)) KEY[c] = 2;
  else if (/[0-9.-]/.test(ch)) KEY[c] = 1;
}
/**
 * Characters no plain scalar may start with (YAML's indicators); `-`, `?` and `:` may when a
 * non-space follows, which the scanner checks apart.
 */
export const INDICATOR = new Uint8Array(128);
for (const ch of ',[]{}#&*!|>\'"%@`') INDICATOR[ch.charCodeAt(0)] = 1;
/** The flow indicators `,[]{}`. */
export const FLOW_END = new Uint8Array(128);
for (const ch of ',[]{}') FLOW_END[ch.charCodeAt(0)] = 1;

/** What a character of the ASCII range is to a scalar: most are nothing special (0). */
export const ORDINARY = 0;
export const BLANK = 1;
export const BREAK = 2;
export const COLON = 3;
export const HASH = 4;
export const FLOW = 5;
/** `&`, `*` and `!`: an anchor, alias or tag where a space or an indicator comes before. */
export const ANCHOR = 6;
export const CONTROL = 7;
/** What each ASCII character is to a scalar (one of the classes above). */
export const CLASS = new Uint8Array(128);
for (let c = 0; c < 32; c++) CLASS[c] = CONTROL;
CLASS[127] = CONTROL;
CLASS[SPACE] = BLANK;
CLASS[NEWLINE] = BREAK;
CLASS[58] = COLON;
CLASS[35] = HASH;
for (const ch of ',[]{}') CLASS[ch.charCodeAt(0)] = FLOW;
for (const ch of '&*!') CLASS[ch.charCodeAt(0)] = ANCHOR;
/**
 * The characters before `&`, `*` or `!` that make them an anchor, alias or tag to the test that sends
 * a text to the `yaml` package (NEEDS_FULL_PARSER): a line start, a space, `[`, `{`, `,`, `:` or `-`.
 */
export const BEFORE_ANCHOR = new Uint8Array(128);
for (const ch of ' \n[{,:-') BEFORE_ANCHOR[ch.charCodeAt(0)] = 1;
