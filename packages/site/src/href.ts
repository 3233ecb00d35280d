/**
 * The file name of an element's page, from its id: letters, digits, `.`, `_` and `-` stay as they are,
 * every other character becomes `~` and its code point in hex (`~2f` for `/`), so a file name never needs
 * URL encoding, never climbs out of its folder, and two ids never share a page.
 *
 * @example
 * elementFile('IF-021') // 'IF-021.html'
 */
export function elementFile(id: string): string {
  let out = '';
  for (const char of id) {
    out += /[A-Za-z0-9_-]/.test(char) ? char : `~${char.codePointAt(0)!.toString(16)}~`;
  }
  // A leading dot or an empty id would make a hidden or nameless file.
  return `${out === '' ? '~' : out}.html`;
}

/**
 * The link to an element's page from a page at `base` (`''` at the site's root, `'../'` one folder down).
 * The one function that turns ids into URLs.
 *
 * @example
 * elementHref('IF-021', '../') // '../e/IF-021.html'
 */
export function elementHref(id: string, base: string): string {
  return `${base}e/${elementFile(id)}`;
}

/** The folder that holds the element pages. */
export const ELEMENT_FOLDER = 'e';
