import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { TRACERY_NAMESPACE } from '../../src/parse/bpmn-counts.js';
import { declareNamespaces, extensionAttributes, XML_SCOPE } from '../../src/parse/namespace-scope.js';
import { nextOccurrence } from '../../src/parse/next-occurrence.js';
import {
  attributeValue,
  emptyStartTag,
  readStartTag,
  type StartTag,
  textIs,
} from '../../src/parse/read-start-tag.js';
import { decodeXmlReferences } from '../../src/parse/xml-text.js';

const marks = (text: string) => ({ lt: nextOccurrence(text, '<'), amp: nextOccurrence(text, '&') });

/** Reads the start tags of `text` one after the other into one reused tag, as the scan does. */
function readEach(text: string, tag: StartTag = emptyStartTag()) {
  const m = marks(text);
  const read = [];
  for (let lt = text.indexOf('<'); lt !== -1; lt = text.indexOf('<', lt + 1)) {
    const problem = readStartTag(text, lt, tag, m);
    read.push({
      name: tag.name,
      problem: problem?.message,
      id: attributeValue(text, tag, 'id'),
      name_: attributeValue(text, tag, 'name'),
      count: tag.attributeEnd / 4,
    });
  }
  return read;
}

describe('readStartTag with one tag reused', () => {
  test('a tag with fewer attributes than the one before sees only its own', () => {
    const text = '<a id="1" name="x" z="9"><b z="2"/><c/>';
    expect(readEach(text)).toEqual([
      { name: 'a', problem: undefined, id: '1', name_: 'x', count: 3 },
      { name: 'b', problem: undefined, id: undefined, name_: undefined, count: 1 },
      { name: 'c', problem: undefined, id: undefined, name_: undefined, count: 0 },
    ]);
  });

  test('a repeated attribute is found among the tag’s own, never among what the one before left', () => {
    const [, second, third] = readEach('<a p="1" q="2" r="3"><b r="1"><c q="1" q="2">');
    expect(second?.problem).toBeUndefined();
    expect(third?.problem).toBe('attribute q is repeated in <c>');
  });
});

describe('textIs', () => {
  test('compares the text at an offset with a name, and is false past the end of the text', () => {
    expect(textIs('<bpmndi:BPMNShape', 1, 'bpmndi:BPMNShape')).toBe(true);
    expect(textIs('<bpmndi:BPMNPlane', 1, 'bpmndi:BPMNShape')).toBe(false);
    expect(textIs('<bpmn:task', 1, 'bpmn:tasks')).toBe(false);
    expect(textIs('abc', 3, '')).toBe(true);
  });
});

// The reference: an attribute's prefix is the text before its first colon, looked up in the scope.
function referenceExtensions(text: string, uris: ReadonlyMap<string, string>, tag: StartTag) {
  let found: Record<string, string> | undefined;
  for (let k = 0; k < tag.attributeEnd; k += 4) {
    const name = text.slice(tag.attributes[k], tag.attributes[k + 1]);
    const colon = name.indexOf(':');
    if (colon === -1 || uris.get(name.slice(0, colon)) !== TRACERY_NAMESPACE) continue;
    found ??= {};
    found[name.slice(colon + 1)] = decodeXmlReferences(
      text.slice(tag.attributes[k + 2], tag.attributes[k + 3]),
    );
  }
  return found;
}

describe('extensionAttributes', () => {
  test('finds the attributes under every prefix bound to the tracery namespace, and only those', () => {
    const prefix = fc.constantFrom('t', 'tracery', 'tr', 'x', 'a:b', 'xmlns');
    const uri = fc.constantFrom(TRACERY_NAMESPACE, 'urn:other', `${TRACERY_NAMESPACE}/x`);
    const local = fc.constantFrom('id', 'satisfies', 'interface', 'a:b', '');
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(prefix, uri), { selector: ([p]) => p, maxLength: 4 }),
        fc.boolean(),
        fc.uniqueArray(fc.tuple(fc.option(prefix, { nil: undefined }), local), {
          selector: ([p, l]) => `${p ?? ''}:${l}`,
          maxLength: 5,
        }),
        (declared, defaultTracery, attributes) => {
          const declarations = declared.map(([p, u]) => ` xmlns:${p}="${u}"`).join('');
          const names = attributes.map(([p, l]) => (p === undefined ? `:${l}x` : `${p}:${l}`));
          const values = names.map((name, k) => ` ${name}="v${k}&amp;"`).join('');
          const text = `<e${defaultTracery ? ` xmlns="${TRACERY_NAMESPACE}"` : ''}${declarations}${values}/>`;
          const tag = emptyStartTag();
          // A declaration and an attribute may be the same attribute: not a tag to compare on.
          fc.pre(readStartTag(text, 0, tag, marks(text)) === undefined);
          const scope = declareNamespaces(text, XML_SCOPE, tag);
          expect(extensionAttributes(text, scope, tag)).toEqual(referenceExtensions(text, scope.uris, tag));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
