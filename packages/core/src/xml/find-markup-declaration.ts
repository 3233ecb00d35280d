/** A markup declaration found in an XML text (`<!DOCTYPE`, `<!ENTITY`, `<!ELEMENT` ...). */
export type MarkupDeclaration = {
  /** Offset of its `<!`. */
  readonly offset: number;
  /** Its keyword in capitals: `DOCTYPE`, `ENTITY`, `ELEMENT`, `ATTLIST` or `NOTATION`. */
  readonly keyword: string;
  /** True when it stands in the prolog (before the root element), the only place XML allows one. */
  readonly inProlog: boolean;
};

const DECLARATION = /^<!([A-Za-z]+)/;

/** The offset just past `close` searched from `from`, or -1 when the text ends first. */
function past(text: string, close: string, from: number): number {
  const end = text.indexOf(close, from);
  return end === -1 ? -1 : end + close.length;
}

/** The offset just past a start or end tag that begins at `at`, skipping quoted attribute values. */
function pastTag(text: string, at: number): number {
  let quote = '';
  for (let i = at + 1; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
  }
  return -1;
}

/**
 * The first markup declaration of an XML text (a DOCTYPE, an entity declaration, ...) that is markup:
 * text inside comments, CDATA sections, processing instructions and quoted attribute values is never
 * one, so a test that prints `<!DOCTYPE html>` in its CDATA output is not refused. `inProlog` tells
 * a real DOCTYPE (before the root element) from one in the content, which is not well-formed XML.
 * The text is scanned once, without recursion; an unterminated construct ends the scan (the XML
 * syntax check reports it). Tracery refuses DOCTYPEs in every XML it reads (JUnit, BPMN, ReqIF):
 * entities can read local files (XXE) or expand without bound (entity bombs).
 *
 * @example
 * findMarkupDeclaration('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]><x/>')
 * // { offset: 22, keyword: 'DOCTYPE', inProlog: true }
 * findMarkupDeclaration('<x><![CDATA[<!DOCTYPE html>]]></x>') // undefined
 */
export function findMarkupDeclaration(text: string): MarkupDeclaration | undefined {
  let inProlog = true;
  let at = text.indexOf('<');
  while (at !== -1) {
    let next: number;
    if (text.startsWith('<!--', at)) next = past(text, '-->', at + 4);
    else if (text.startsWith('<![CDATA[', at)) next = past(text, ']]>', at + 9);
    else if (text.startsWith('<?', at)) next = past(text, '?>', at + 2);
    else if (text.startsWith('<!', at)) {
      const keyword = DECLARATION.exec(text.slice(at, at + 12))?.[1];
      if (keyword) return { offset: at, keyword: keyword.toUpperCase(), inProlog };
      next = at + 2;
    } else {
      inProlog = false;
      next = pastTag(text, at);
    }
    if (next === -1) return undefined;
    at = text.indexOf('<', next);
  }
  return undefined;
}
