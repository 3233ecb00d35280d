import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findMarkupDeclaration } from '@tracery/core/advanced';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { createLineIndex } from '../../src/parse/line-index.js';
import { scanRawXml } from '../../src/parse/scan-raw-xml.js';
import { CORPUS_DIR, readCorpusRows } from '../corpus.js';
import { fixtureBytes } from '../fixtures.js';

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const scan = (text: string) => scanRawXml(text, createLineIndex(text, 'x.bpmn'));

// Well-formed documents to break: the mapping fixtures and a spread of small corpus files from different tools.
const wellFormed = readCorpusRows().filter((row) => row.error === undefined);
const corpus = wellFormed
  .filter((_, i) => i % Math.ceil(wellFormed.length / 20) === 0)
  .map((row) => readFileSync(join(CORPUS_DIR, row.path)))
  .filter((bytes) => bytes.byteLength < 40_000)
  .map(decode)
  .filter((text) => !/encoding="(?!utf-8)/i.test(text));
const documents = [
  decode(fixtureBytes('map/bp004-data-collection.bpmn')),
  decode(fixtureBytes('map/change-of-supplier.bpmn')),
  ...corpus,
];

const PIECES = [
  '<',
  '>',
  '&',
  '"',
  "'",
  '=',
  '/',
  ' ',
  '</a>',
  '<a>',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '&amp;',
  '&#x;',
  '<?xml ?>',
  'x="1"',
];

/** A document with one random edit: a piece inserted, a few characters deleted, or the end cut off. */
const mutated = fc
  .record({
    doc: fc.constantFrom(...documents),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    edit: fc.oneof(
      fc.constantFrom(...PIECES).map((piece) => ({ insert: piece, remove: 0 })),
      fc.integer({ min: 1, max: 6 }).map((remove) => ({ insert: '', remove })),
      fc.constant({ insert: '', remove: Number.POSITIVE_INFINITY }),
    ),
  })
  .map(({ doc, at, edit }) => {
    const offset = Math.floor(at * doc.length);
    return doc.slice(0, offset) + edit.insert + doc.slice(offset + edit.remove);
  });

describe('scanRawXml checks well-formedness in its one pass', () => {
  test('the documents it starts from are well-formed to both', () => {
    expect(documents.length).toBeGreaterThan(10);
    for (const doc of documents) {
      expect(XMLValidator.validate(doc)).toBe(true);
      expect(scan(doc).problem).toBeUndefined();
    }
  });

  test("whatever fast-xml-parser's validator rejects, the scan rejects too (so skipping the validator weakens nothing)", () => {
    fc.assert(
      fc.property(mutated, (text) => {
        if (XMLValidator.validate(text) !== true) expect(scan(text).problem).toBeDefined();
      }),
      { numRuns: 3000, seed: 20261128 },
    );
  });

  test.each([
    ['<a><b></a>', '</a> closes <b>'],
    ['<a x="1" x="2"/>', 'attribute x is repeated in <a>'],
    ['<a x=1/>', 'the value of x in <a> is not quoted'],
    ['<a>&nope</a>', '"&" that starts no reference'],
    ['<a/><b/>', 'a second root element'],
    ['<a>', 'the file ends before <a> is closed'],
    ['text<a/>', 'text outside the root element'],
    ['<a x="<"/>', '"<" in the value of x in <a>'],
  ])('%s is refused: %s', (text, message) => {
    expect(scan(text).problem?.message).toBe(message);
  });

  // parseBpmn runs core's DOCTYPE guard only when the scan fails: that is safe only if no text with a
  // markup declaration (outside comments, CDATA and processing instructions) ever passes the scan.
  test('no text that holds a DOCTYPE or an entity declaration passes the scan', () => {
    const declarations = [
      '<!DOCTYPE x>',
      '<!DOCTYPE definitions [<!ENTITY a "b">]>',
      '<!ENTITY a SYSTEM "file:///etc/passwd">',
      '<!ELEMENT x ANY>',
      '<!doctype x>',
    ];
    let declared = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...documents),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom(...declarations),
        (doc, at, declaration) => {
          const offset = Math.floor(at * doc.length);
          const text = doc.slice(0, offset) + declaration + doc.slice(offset);
          if (findMarkupDeclaration(text) === undefined) return;
          declared++;
          expect(scan(text).problem).toBeDefined();
        },
      ),
      { numRuns: 2000, seed: 20261130 },
    );
    // Most insertions land in markup the guard sees (not inside a comment or CDATA).
    expect(declared).toBeGreaterThan(1000);
  });
});

describe('scanRawXml, tag names', () => {
  // The scan remembers the names it has read (a few per length); names of one length past that number
  // are read as new ones. Either way each end tag must match its own start tag exactly.
  const names = Array.from({ length: 12 }, (_, i) => `p${String.fromCharCode(97 + i)}:task`);
  const nested = (inner: string) =>
    `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="P">${inner}</bpmn:process></bpmn:definitions>`;

  test('many names of one length, each closed by its own end tag, are well-formed', () => {
    const inner = [...names, ...names].map((name, i) => `<${name} id="T${i}"></${name}>`).join('');
    expect(scan(nested(inner)).problem).toBeUndefined();
  });

  test.each(names.map((name, i) => [name, names[(i + 1) % names.length] as string]))(
    'an end tag of the same length but another name is refused: <%s> closed by </%s>',
    (open, close) => {
      const inner = `${names.map((name) => `<${name}/>`).join('')}<${open}></${close}>`;
      expect(scan(nested(inner)).problem?.message).toBe(`</${close}> closes <${open}>`);
    },
  );

  test('counted elements keep their tag as written, whatever was read before', () => {
    const inner = '<bpmn:task id="A"/><bpmn:tasks id="B"/><bpmn:task id="C"/>';
    const text = nested(inner).replace('<bpmn:tasks id="B"/>', '<other:task xmlns:other="urn:x" id="B"/>');
    expect(scan(text).elements.map((e) => [e.tag, e.id])).toEqual([
      ['bpmn:process', 'P'],
      ['bpmn:task', 'A'],
      ['bpmn:task', 'C'],
    ]);
  });
});
