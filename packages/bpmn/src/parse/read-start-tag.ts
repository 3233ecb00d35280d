/** A place in the text where the XML breaks a well-formedness rule, and which rule. */
export type ScanProblem = { readonly offset: number; readonly message: string };

/** A start tag read from the text: its name, its attributes as written (values undecoded), and where it ends. */
export type StartTag = {
  readonly name: string;
  /** Attribute names and raw values, alternating: `[name, value, name, value, ...]`. */
  readonly attributes: readonly string[];
  /** The offset just past the closing `>`. */
  readonly end: number;
  readonly selfClosing: boolean;
};

// XML 1.0 names, with the astral planes allowed as surrogate pairs. Built from strings, since the
// ranges hold the zero-width joiner, which a regular-expression literal's class would flag.
const NAME_START =
  ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D' +
  '\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uD800-\\uDFFF\\uF900-\\uFDCF\\uFDF0-\\uFFFD';
const NAME = new RegExp(`^[${NAME_START}][${NAME_START}.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040-]*$`);
// An `&` must start a character reference or a named entity reference.
const BAD_AMPERSAND = /&(?!(?:[:A-Z_a-z][\w.:-]*|#[0-9]+|#x[0-9a-fA-F]+);)/;

const isSpace = (code: number) => code === 32 || code === 10 || code === 9 || code === 13;

/** True when `name` is an XML name. */
export function isXmlName(name: string): boolean {
  // Nearly every name is ASCII: check those with a loop (no allocation), the rest with the full pattern.
  const first = name.charCodeAt(0);
  if (!(isAsciiLetter(first) || first === 95 || first === 58)) return NAME.test(name);
  for (let i = 1; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (
      isAsciiLetter(code) ||
      (code >= 48 && code <= 57) ||
      code === 95 ||
      code === 58 ||
      code === 45 ||
      code === 46
    )
      continue;
    return NAME.test(name);
  }
  return true;
}

const isAsciiLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/** The offset of the first `&` in `text` (from `start` to `end`) that starts no reference, or -1. */
export function badAmpersand(text: string, start: number, end: number): number {
  // A loop, not indexOf: indexOf would search past `end` to the next `&`, which is quadratic.
  let amp = start;
  while (amp < end && text.charCodeAt(amp) !== 38) amp++;
  if (amp >= end) return -1;
  const match = BAD_AMPERSAND.exec(text.slice(amp, end));
  return match ? amp + match.index : -1;
}

/**
 * Reads the start tag at `lt` (the offset of its `<`): a valid name, then attributes each written
 * `name="value"` or `name='value'` after white space, unique, with no `<` and only valid references in
 * their values, then `>` or `/>`. Returns the problem when the tag breaks one of those rules.
 */
export function readStartTag(text: string, lt: number): StartTag | ScanProblem {
  const n = text.length;
  let j = lt + 1;
  while (j < n) {
    const code = text.charCodeAt(j);
    if (isSpace(code) || code === 62 || code === 47) break;
    j++;
  }
  const name = text.slice(lt + 1, j);
  if (!isXmlName(name)) return { offset: lt, message: `<${name.slice(0, 40)}> is not a valid tag name` };
  const attributes: string[] = [];
  for (;;) {
    const before = j;
    while (j < n && isSpace(text.charCodeAt(j))) j++;
    if (j >= n) return { offset: lt, message: `the start tag <${name}> is not closed` };
    const code = text.charCodeAt(j);
    if (code === 62) return { name, attributes, end: j + 1, selfClosing: false };
    if (code === 47) {
      if (text.charCodeAt(j + 1) === 62) return { name, attributes, end: j + 2, selfClosing: true };
      return { offset: j, message: `"/" inside the start tag <${name}>` };
    }
    if (j === before)
      return { offset: j, message: `attributes of <${name}> must be separated by white space` };
    const read = readAttribute(text, j, name, attributes);
    if ('message' in read) return read;
    j = read.end;
  }
}

function readAttribute(
  text: string,
  start: number,
  tag: string,
  attributes: string[],
): { readonly end: number } | ScanProblem {
  const n = text.length;
  let j = start;
  while (j < n) {
    const code = text.charCodeAt(j);
    if (isSpace(code) || code === 61 || code === 62 || code === 47) break;
    j++;
  }
  const name = text.slice(start, j);
  if (!isXmlName(name))
    return { offset: start, message: `"${name.slice(0, 40)}" in <${tag}> is not a valid attribute name` };
  while (j < n && isSpace(text.charCodeAt(j))) j++;
  if (text.charCodeAt(j) !== 61)
    return { offset: start, message: `attribute ${name} of <${tag}> has no value` };
  j++;
  while (j < n && isSpace(text.charCodeAt(j))) j++;
  const quote = text.charCodeAt(j);
  if (quote !== 34 && quote !== 39)
    return { offset: j, message: `the value of ${name} in <${tag}> is not quoted` };
  const close = text.indexOf(quote === 34 ? '"' : "'", j + 1);
  if (close === -1) return { offset: j, message: `the value of ${name} in <${tag}> is not closed` };
  for (let k = j + 1; k < close; k++) {
    const code = text.charCodeAt(k);
    if (code === 60) return { offset: k, message: `"<" in the value of ${name} in <${tag}>` };
    if (code === 38 && badAmpersand(text, k, close) === k)
      return { offset: k, message: `"&" that starts no reference in the value of ${name} in <${tag}>` };
  }
  for (let k = 0; k < attributes.length; k += 2) {
    if (attributes[k] === name)
      return { offset: start, message: `attribute ${name} is repeated in <${tag}>` };
  }
  attributes.push(name, text.slice(j + 1, close));
  return { end: close + 1 };
}
