/**
 * The next offset of one character in a text, for a pass that moves forward: each answer is remembered,
 * so asking again from any offset up to it searches nothing, and the text is searched about once in all.
 */
export type NextOccurrence = (from: number) => number;

/** A {@link NextOccurrence} of `char` in `text`: the offset of its first occurrence at or after `from`, or -1. */
export function nextOccurrence(text: string, char: string): NextOccurrence {
  let searchedFrom = Number.POSITIVE_INFINITY;
  let found = -1;
  return (from) => {
    // `found` is the first occurrence at or after `searchedFrom`: still the answer for any `from` between them.
    if (from >= searchedFrom && (found === -1 || found >= from)) return found;
    searchedFrom = from;
    found = text.indexOf(char, from);
    return found;
  };
}
