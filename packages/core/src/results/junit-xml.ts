/** A node of fast-xml-parser's output. */
export type XmlNode = Record<string, unknown>;

const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function safeCodePoint(code: number, fallback: string): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}

/** Decodes the five predefined XML entities and character references, and nothing else. */
export function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return safeCodePoint(Number.parseInt(ref.slice(2), 16), whole);
    if (ref.startsWith('#')) return safeCodePoint(Number.parseInt(ref.slice(1), 10), whole);
    return NAMED[ref] ?? whole;
  });
}

/** The property fast-xml-parser puts CDATA sections in, so that they are kept apart and never decoded. */
export const CDATA = '#cdata';

/** An attribute's value, entities decoded once. */
export const attr = (node: XmlNode, name: string): string | undefined => {
  const value = node[`@_${name}`];
  return typeof value === 'string' ? decodeXml(value) : undefined;
};

/** The child elements of one name (always an array: see the parser's isArray). */
export const children = (node: XmlNode, name: string): unknown[] =>
  Array.isArray(node[name]) ? (node[name] as unknown[]) : [];

export const asNode = (value: unknown): XmlNode =>
  value !== null && typeof value === 'object' ? (value as XmlNode) : {};

const strings = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.filter((v) => typeof v === 'string')
      : [];

/**
 * The text of an element: its character data with entities decoded once, and its CDATA sections as
 * written (a CDATA section holds no entity: `&amp;` in it is five characters). When an element has
 * CDATA, text around it that is only white space (indentation) is left out.
 */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return decodeXml(value);
  const node = asNode(value);
  const text = strings(node['#text']).map(decodeXml).join('');
  const cdata = strings(node[CDATA]).join('');
  if (cdata === '') return text;
  return text.trim() === '' ? cdata : `${text}${cdata}`;
}
