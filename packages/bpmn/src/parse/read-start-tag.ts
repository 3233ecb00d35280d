import type { NextOccurrence } from './next-occurrence.js';

/** A place in the text where the XML breaks a well-formedness rule, and which rule. */
export type ScanProblem = { readonly offset: number; readonly message: string };

/**
 * A start tag read from the text: its name, where its attributes are, and where it ends. One object is
 * filled again for each tag, so that reading a tag allocates nothing but a name not seen before.
 */
export type StartTag = {
  name: string;
  /**
   * The names read so far, by length (a few per length): a name seen again is the same string, checked
   * once, whose hash is known to every map that it keys.
   */
  readonly names: (string[] | undefined)[];
  /**
   * Four offsets per attribute: name start, name end, value start, value end (inside the quotes). Only
   * the first `attributeEnd` entries are this tag's: the array keeps its length from tag to tag, since
   * emptying it (`length = 0`) would drop its storage and grow a new one for each tag.
   */
  readonly attributes: number[];
  attributeEnd: number;
  /** The offset just past the closing `>`. */
  end: number;
  selfClosing: boolean;
};

/** The next `<` and `&` of the text being read, so that attribute values need not be read character by character. */
export type TextMarks = { readonly lt: NextOccurrence; readonly amp: NextOccurrence };

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
  return isXmlNameAt(name, 0, name.length);
}

/** True when the text from `start` to `end` is an XML name. */
function isXmlNameAt(text: string, start: number, end: number): boolean {
  // Nearly every name is ASCII: check those with a loop (no allocation), the rest with the full pattern.
  const first = start < end ? text.charCodeAt(start) : -1;
  if (!(isAsciiLetter(first) || first === 95 || first === 58)) return NAME.test(text.slice(start, end));
  for (let i = start + 1; i < end; i++) {
    const code = text.charCodeAt(i);
    if (
      isAsciiLetter(code) ||
      (code >= 48 && code <= 57) ||
      code === 95 ||
      code === 58 ||
      code === 45 ||
      code === 46
    )
      continue;
    return NAME.test(text.slice(start, end));
  }
  return true;
}

const isAsciiLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/** The offset of the first `&` in `text` (from `start` to `end`) that starts no reference, or -1. */
export function badAmpersand(text: string, start: number, end: number, amp?: NextOccurrence): number {
  // Never indexOf alone: it would search past `end` to the next `&`, which is quadratic.
  let at = start;
  if (amp) at = amp(start);
  else while (at < end && text.charCodeAt(at) !== 38) at++;
  if (at === -1 || at >= end) return -1;
  const match = BAD_AMPERSAND.exec(text.slice(at, end));
  return match ? at + match.index : -1;
}

/**
 * Reads the start tag at `lt` (the offset of its `<`) into `tag`: a valid name, then attributes each
 * written `name="value"` or `name='value'` after white space, unique, with no `<` and only valid
 * references in their values, then `>` or `/>`. Returns the problem when the tag breaks one of those rules.
 */
export function readStartTag(
  text: string,
  lt: number,
  tag: StartTag,
  marks: TextMarks,
): ScanProblem | undefined {
  const n = text.length;
  let j = lt + 1;
  while (j < n) {
    const code = text.charCodeAt(j);
    if (isSpace(code) || code === 62 || code === 47) break;
    j++;
  }
  let name = knownName(text, lt + 1, j, tag.names);
  if (name === undefined) {
    name = text.slice(lt + 1, j);
    if (!isXmlNameAt(text, lt + 1, j))
      return { offset: lt, message: `<${name.slice(0, 40)}> is not a valid tag name` };
    const known = tag.names[name.length];
    if (known === undefined) tag.names[name.length] = [name];
    else if (known.length < MAX_NAMES_PER_LENGTH) known.push(name);
  }
  tag.name = name;
  tag.attributeEnd = 0;
  for (;;) {
    const before = j;
    while (j < n && isSpace(text.charCodeAt(j))) j++;
    if (j >= n) return { offset: lt, message: `the start tag <${name}> is not closed` };
    const code = text.charCodeAt(j);
    if (code === 62) return closeTag(tag, j + 1, false);
    if (code === 47) {
      if (text.charCodeAt(j + 1) === 62) return closeTag(tag, j + 2, true);
      return { offset: j, message: `"/" inside the start tag <${name}>` };
    }
    if (j === before)
      return { offset: j, message: `attributes of <${name}> must be separated by white space` };
    const read = readAttribute(text, j, tag, marks);
    if (typeof read !== 'number') return read;
    j = read;
  }
}

// A file with many names of one length reads the rest as new names, so each look-up stays short.
const MAX_NAMES_PER_LENGTH = 8;

/** The name from `start` to `end` if it was read before, as the string read then. */
function knownName(
  text: string,
  start: number,
  end: number,
  names: readonly (string[] | undefined)[],
): string | undefined {
  const known = names[end - start];
  if (known === undefined) return undefined;
  for (const name of known) if (textIs(text, start, name)) return name;
  return undefined;
}

/**
 * True when the text at `start` holds `name`, compared character by character from the end (names
 * that share a prefix, `bpmndi:BPMNShape` and `bpmndi:BPMNPlane`, differ there): for names of a few
 * dozen characters, a loop the compiler inlines costs less than a call of `startsWith`.
 */
export function textIs(text: string, start: number, name: string): boolean {
  for (let k = name.length - 1; k >= 0; k--)
    if (text.charCodeAt(start + k) !== name.charCodeAt(k)) return false;
  return true;
}

function closeTag(tag: StartTag, end: number, selfClosing: boolean): undefined {
  tag.end = end;
  tag.selfClosing = selfClosing;
  return undefined;
}

/** Reads one attribute at `start` into `tag.attributes`; returns the offset past its closing quote, or the problem. */
function readAttribute(text: string, start: number, tag: StartTag, marks: TextMarks): number | ScanProblem {
  const n = text.length;
  let j = start;
  while (j < n) {
    const code = text.charCodeAt(j);
    if (isSpace(code) || code === 61 || code === 62 || code === 47) break;
    j++;
  }
  const nameEnd = j;
  if (!isXmlNameAt(text, start, nameEnd))
    return {
      offset: start,
      message: `"${text.slice(start, Math.min(nameEnd, start + 40))}" in <${tag.name}> is not a valid attribute name`,
    };
  while (j < n && isSpace(text.charCodeAt(j))) j++;
  if (text.charCodeAt(j) !== 61)
    return {
      offset: start,
      message: `attribute ${text.slice(start, nameEnd)} of <${tag.name}> has no value`,
    };
  j++;
  while (j < n && isSpace(text.charCodeAt(j))) j++;
  const quote = text.charCodeAt(j);
  if (quote !== 34 && quote !== 39)
    return {
      offset: j,
      message: `the value of ${text.slice(start, nameEnd)} in <${tag.name}> is not quoted`,
    };
  const close = text.indexOf(quote === 34 ? '"' : "'", j + 1);
  if (close === -1)
    return {
      offset: j,
      message: `the value of ${text.slice(start, nameEnd)} in <${tag.name}> is not closed`,
    };
  const valueProblem = checkValue(text, j + 1, close, marks);
  if (valueProblem !== -1) {
    const what = text.charCodeAt(valueProblem) === 60 ? '"<"' : '"&" that starts no reference';
    return {
      offset: valueProblem,
      message: `${what} in the value of ${text.slice(start, nameEnd)} in <${tag.name}>`,
    };
  }
  const { attributes } = tag;
  const count = tag.attributeEnd;
  for (let k = 0; k < count; k += 4) {
    if (sameText(text, attributes[k] as number, attributes[k + 1] as number, start, nameEnd))
      return {
        offset: start,
        message: `attribute ${text.slice(start, nameEnd)} is repeated in <${tag.name}>`,
      };
  }
  attributes[count] = start;
  attributes[count + 1] = nameEnd;
  attributes[count + 2] = j + 1;
  attributes[count + 3] = close;
  tag.attributeEnd = count + 4;
  return close + 1;
}

/** The offset of the first `<`, or `&` that starts no reference, in a value (from `start` to `end`), or -1. */
function checkValue(text: string, start: number, end: number, marks: TextMarks): number {
  // Most values hold neither: two remembered searches tell, without reading the value.
  const lt = marks.lt(start);
  const amp = marks.amp(start);
  if ((lt === -1 || lt >= end) && (amp === -1 || amp >= end)) return -1;
  for (let k = start; k < end; k++) {
    const code = text.charCodeAt(k);
    if (code === 60) return k;
    if (code === 38 && badAmpersand(text, k, end) === k) return k;
  }
  return -1;
}

/** The raw value of the attribute called `name` among a tag's attributes, if the tag has it. */
export function attributeValue(text: string, tag: StartTag, name: string): string | undefined {
  const { attributes } = tag;
  for (let k = 0; k < tag.attributeEnd; k += 4) {
    const start = attributes[k] as number;
    if ((attributes[k + 1] as number) - start === name.length && textIs(text, start, name))
      return text.slice(attributes[k + 2], attributes[k + 3]);
  }
  return undefined;
}

/** True when two stretches of the text hold the same characters. */
export function sameText(text: string, a: number, aEnd: number, b: number, bEnd: number): boolean {
  if (aEnd - a !== bEnd - b) return false;
  for (let k = 0; k < aEnd - a; k++) if (text.charCodeAt(a + k) !== text.charCodeAt(b + k)) return false;
  return true;
}

/** A {@link StartTag} to fill with {@link readStartTag}. */
export function emptyStartTag(): StartTag {
  return { name: '', names: [], attributes: [], attributeEnd: 0, end: 0, selfClosing: false };
}
