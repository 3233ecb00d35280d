import { InvalidArgumentError } from '@tracery/core';

/** An id found in a name, and the name without it. */
export type IdToken = { readonly id: string; readonly rest: string };

/**
 * Compiles an id pattern (regular-expression source) to match whole words only,
 * so that `BP004` is found in "BP004 Data Collection" but not in "XBP0045".
 */
export function compileIdPattern(source: string, argument: string): RegExp {
  try {
    return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${source})(?![\\p{L}\\p{N}_])`, 'u');
  } catch (error) {
    throw new InvalidArgumentError(
      `${argument}: "${source}" is not a valid regular expression (${(error as Error).message}).`,
    );
  }
}

/**
 * The first id in a text, with the text left when the id and the punctuation around it are removed.
 *
 * @example
 * findIdToken('BP004 - Data Collection', /BP\d+/u) // { id: 'BP004', rest: 'Data Collection' }
 */
export function findIdToken(text: string | undefined, pattern: RegExp): IdToken | undefined {
  if (text === undefined) return undefined;
  const match = pattern.exec(text);
  if (!match) return undefined;
  const rest = `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`
    .replace(/[([]\s*[)\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s\-–—:|,.;]+|[\s\-–—:|,.;]+$/g, '');
  return { id: match[0], rest };
}

/** A name with its runs of white space (line breaks from the modeller) made single spaces. */
export function cleanName(name: string | undefined): string {
  if (name === undefined) return '';
  // Most names are clean already: only rewrite one with a run of spaces or a line break or tab in it.
  return (/\s\s|[^\S ]/.test(name) ? name.replace(/\s+/g, ' ') : name).trim();
}
