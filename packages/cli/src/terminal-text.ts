import { escapeControlCharacters } from '@tracery/core/escape';

/**
 * The colour codes the CLI's own colours (picocolors' bold, dim, red, green, yellow and their resets)
 * write: only these pass to a terminal, and only when colours are on. They change colour or weight;
 * none can move the cursor, clear the screen, hide text or set a title.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const OWN_COLOUR = /\u001b\[(?:1|2|22|31|32|33|39)m/g;

/**
 * Makes text safe for a terminal, once, where the CLI prints: every control character from the data
 * (element names, JUnit messages, file names) is shown escaped (`\x1b`), so no input can clear the
 * screen or set the window title. With `colours`, the CLI's own colour codes are kept.
 *
 * @example
 * terminalText('\u001b]0;pwned\u0007', { colours: false }) // '\\x1b]0;pwned\\x07'
 */
export function terminalText(text: string, options: { readonly colours: boolean }): string {
  if (!options.colours) return escapeControlCharacters(text);
  let result = '';
  let last = 0;
  for (const match of text.matchAll(OWN_COLOUR)) {
    result += escapeControlCharacters(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return result + escapeControlCharacters(text.slice(last));
}
