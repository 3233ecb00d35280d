/**
 * The characters a terminal acts on instead of showing: C0 controls except tab and line feed, DEL,
 * C1 controls (a lone 0x9b is CSI on many terminals), the line and paragraph separators, and the
 * bidirectional overrides and isolates that reorder what a reader sees ("Trojan Source").
 */
const CONTROL = '[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]';

/** One control character as visible text: `\x1b` below U+0100, `\u202e` above. */
export function visibleControl(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x100
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

const CONTROLS = new RegExp(CONTROL, 'g');
const ANY_CONTROL = new RegExp(CONTROL);

/**
 * Makes text safe to print on a terminal: every control character (ESC, BEL, NUL, CR, C1, bidi
 * overrides ...) is shown as an escape such as `\x1b`, so that data can never clear the screen, set
 * the window title, move the cursor or reorder a line. Tab and line feed are kept.
 *
 * @example
 * escapeControlCharacters('a\u001b[2Jb') // 'a\\x1b[2Jb'
 */
export function escapeControlCharacters(text: string): string {
  return ANY_CONTROL.test(text) ? text.replace(CONTROLS, visibleControl) : text;
}

const STRICT = new RegExp(CONTROL.replace('[', '[\\t\\n'));

/**
 * The first control character in a text (as {@link escapeControlCharacters} defines them; tab and line
 * feed too when `lineBreaks` is false), or undefined.
 *
 * @example
 * findControlCharacter('BP\u0000') // { index: 2, char: '\u0000' }
 */
export function findControlCharacter(
  text: string,
  options: { readonly lineBreaks?: boolean } = {},
): { readonly index: number; readonly char: string } | undefined {
  const match = (options.lineBreaks === false ? STRICT : ANY_CONTROL).exec(text);
  return match ? { index: match.index, char: match[0] } : undefined;
}
