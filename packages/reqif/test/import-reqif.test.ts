import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultMetamodel } from '@tracery/core';
import { extendMetamodel } from '@tracery/core/advanced';
import { describe, expect, test } from 'vitest';
import { importReqif, xhtmlToMarkdown } from '../src/index.js';

const CORPUS = join(import.meta.dirname, 'fixtures', 'corpus');
const read = (path: string) => readFile(join(CORPUS, path));
const errors = <T extends { severity: string }>(d: readonly T[]) => d.filter((x) => x.severity === 'error');

describe('importReqif on files from real tools', () => {
  // Counts read from the files by hand: SPEC-OBJECTs; relations are the SPEC-RELATIONs plus one partOf per
  // child in a SPECIFICATION tree (TC1100: 1 > 11 > 111, 1 > 12; RMF: a79 > a71 and one SPEC-RELATION;
  // the .reqifz holds two documents, the second with one SPEC-RELATION between the first one's objects).
  test.each([
    ['Doors/01_anonimized_example_date_data_type/sample.reqif', 1, 0],
    ['Doors/04_example_from_a_user/sample.reqif', 1, 0],
    ['SparxSystems_Enterprise_Architect_8.0/01_example/sample.reqif', 3, 0],
    ['ci.eclipse.org/TC1100_E0000_S10_Reference_20210122_1256_jenkins/sample.reqif', 5, 3],
    ['ci.eclipse.org/TC1700_E0000_S10_Reference_20210122_1256_jenkins/sample.reqifz', 2, 1],
    ['org.eclipse.rmf/01_specRelationTest/sample.reqif', 2, 2],
  ])('%s: one element per SPEC-OBJECT, no error', async (path, objects, relations) => {
    const imported = importReqif(await read(path), { file: path, metamodel: defaultMetamodel() });
    expect(errors(imported.diagnostics)).toEqual([]);
    expect(imported.mapped.elements).toHaveLength(objects);
    expect(imported.mapped.relations).toHaveLength(relations);
    expect(new Set(imported.mapped.elements.map((e) => e.id)).size).toBe(objects);
    for (const e of imported.mapped.elements) expect(e.name).not.toBe('');
  });

  test('Enterprise Architect: names from LONG-NAME, text from the tool’s own text attribute, links to missing objects reported', async () => {
    const path = 'SparxSystems_Enterprise_Architect_8.0/01_example/sample.reqif';
    const imported = importReqif(await read(path), { file: 'ea.reqif', metamodel: defaultMetamodel() });
    const byName = new Map(imported.mapped.elements.map((e) => [e.name, e]));
    expect([...byName.keys()].sort()).toEqual(['Fast system', 'Observe earths surface.', 'Spotting fire']);
    expect(byName.get('Spotting fire')?.description).toBe(
      'The system shall alert the control center if it spots a fire in a forest.',
    );
    // The file's only SPEC-RELATION and its tree name FUNC-REQ-1 and FUNC-REQ-2, which it does not hold.
    const unresolved = imported.diagnostics.filter((d) => d.code === 'reqif-unresolved-reference');
    expect(unresolved.map((d) => d.source?.line)).toEqual([195, 208, 208]);
  });

  test('a ReqIF.ForeignID that fits the id pattern becomes the id; others get ids from the template', async () => {
    const { metamodel } = extendMetamodel(defaultMetamodel(), {
      idPatterns: { Requirement: '^REQ-[A-Z]{2,5}-\\d{3}$' },
    });
    const xml = reqifWith([
      ['o1', 'REQ-LSS-001', 'Settle each MPAN half-hourly'],
      ['o2', '17', 'A requirement whose foreign id is a number'],
    ]);
    const imported = importReqif(Buffer.from(xml), {
      file: 'x.reqif',
      metamodel,
      config: { ids: { Requirement: 'REQ-IMP-{n:3}' } },
    });
    expect(errors(imported.diagnostics)).toEqual([]);
    expect(imported.mapped.elements.map((e) => [e.id, e.name])).toEqual([
      ['REQ-IMP-001', 'A requirement whose foreign id is a number'],
      ['REQ-LSS-001', 'Settle each MPAN half-hourly'],
    ]);
    expect([...imported.mapped.ids.entries()]).toEqual([
      ['o1', 'REQ-LSS-001'],
      ['o2', 'REQ-IMP-001'],
    ]);
  });

  test('a generated id that breaks the kind’s id pattern is an error naming the setting to change', () => {
    const { metamodel } = extendMetamodel(defaultMetamodel(), {
      idPatterns: { Requirement: '^REQ-[A-Z]{2,5}-\\d{3}$' },
    });
    const imported = importReqif(Buffer.from(reqifWith([['o1', '', 'No foreign id']])), {
      file: 'x.reqif',
      metamodel,
    });
    expect(errors(imported.diagnostics).map((d) => d.code)).toEqual(['reqif-id-conflict']);
    expect(errors(imported.diagnostics)[0]?.message).toContain('reqif.ids.Requirement');
  });

  test('a re-import keeps the ids of the earlier import', () => {
    const xml = Buffer.from(
      reqifWith([
        ['o1', '', 'First'],
        ['o2', '', 'Second'],
      ]),
    );
    const first = importReqif(xml, { file: 'x.reqif', metamodel: defaultMetamodel() });
    const swapped = new Map([
      ['o1', 'REQ-0002'],
      ['o2', 'REQ-0001'],
    ]);
    const again = importReqif(xml, { file: 'x.reqif', metamodel: defaultMetamodel(), previousIds: swapped });
    expect(first.mapped.elements.map((e) => [e.id, e.name])).toEqual([
      ['REQ-0001', 'First'],
      ['REQ-0002', 'Second'],
    ]);
    expect(again.mapped.elements.map((e) => [e.id, e.name])).toEqual([
      ['REQ-0001', 'Second'],
      ['REQ-0002', 'First'],
    ]);
  });
});

describe('hostile and broken files', () => {
  test.each([
    [
      'a DOCTYPE with an external entity',
      '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<REQ-IF>&x;</REQ-IF>',
      'reqif-doctype-refused',
      2,
    ],
    [
      'an entity bomb',
      '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n<REQ-IF>&b;</REQ-IF>',
      'reqif-doctype-refused',
      2,
    ],
    ['truncated XML', '<?xml version="1.0"?>\n<REQ-IF>\n  <THE-HEADER>\n', 'reqif-malformed-xml', undefined],
    ['an empty file', '', 'reqif-empty-file', 1],
    ['XML that is not ReqIF', '<?xml version="1.0"?>\n<definitions/>', 'reqif-not-reqif', 1],
    ['a zip that is not one', 'PK\u0003\u0004garbage', 'reqif-bad-archive', 1],
  ])('%s is refused with a positioned error and nothing mapped', (_what, text, code, line) => {
    const imported = importReqif(Buffer.from(text, 'latin1'), {
      file: 'bad.reqif',
      metamodel: defaultMetamodel(),
    });
    expect(imported.mapped.elements).toEqual([]);
    expect(imported.diagnostics.map((d) => d.code)).toEqual([code]);
    expect(imported.diagnostics[0]?.source?.file).toBe('bad.reqif');
    if (line !== undefined) expect(imported.diagnostics[0]?.source?.line).toBe(line);
  });

  test('bytes that are not UTF-8 are an error, not garbage text', () => {
    const imported = importReqif(Uint8Array.from([0x3c, 0x52, 0xff, 0xfe, 0x3e]), {
      file: 'bad.reqif',
      metamodel: defaultMetamodel(),
    });
    expect(imported.diagnostics.map((d) => d.code)).toEqual(['reqif-malformed-xml']);
  });
});

describe('xhtmlToMarkdown', () => {
  test.each([
    [
      '<xhtml:div><xhtml:p>The <xhtml:b>DIP</xhtml:b> routes it.</xhtml:p></xhtml:div>',
      'The **DIP** routes it.',
    ],
    [
      '<xhtml:div><xhtml:p>One</xhtml:p><xhtml:p>Two<xhtml:br/>lines</xhtml:p></xhtml:div>',
      'One\n\nTwo\nlines',
    ],
    ['<xhtml:ul><xhtml:li>a</xhtml:li><xhtml:li>b</xhtml:li></xhtml:ul>', '-   a\n-   b'],
    ['<xhtml:div>a &lt;b&gt; &amp; c_d *e*</xhtml:div>', 'a <b> & c_d *e*'],
  ])('%s', (xhtml, markdown) => {
    expect(xhtmlToMarkdown(xhtml)).toBe(markdown);
  });
});

/** A small ReqIF document with spec objects [identifier, ReqIF.ForeignID, ReqIF.Name]. */
function reqifWith(objects: readonly (readonly [string, string, string])[]): string {
  const value = (def: string, v: string) =>
    v === ''
      ? ''
      : `<ATTRIBUTE-VALUE-STRING THE-VALUE="${v}"><DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>${def}</ATTRIBUTE-DEFINITION-STRING-REF></DEFINITION></ATTRIBUTE-VALUE-STRING>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<REQ-IF xmlns="http://www.omg.org/spec/ReqIF/20110401/reqif.xsd">
<THE-HEADER><REQ-IF-HEADER IDENTIFIER="h"><TITLE>t</TITLE></REQ-IF-HEADER></THE-HEADER>
<CORE-CONTENT><REQ-IF-CONTENT>
<DATATYPES><DATATYPE-DEFINITION-STRING IDENTIFIER="s" LONG-NAME="String" MAX-LENGTH="100"/></DATATYPES>
<SPEC-TYPES><SPEC-OBJECT-TYPE IDENTIFIER="t" LONG-NAME="Requirement"><SPEC-ATTRIBUTES>
<ATTRIBUTE-DEFINITION-STRING IDENTIFIER="fid" LONG-NAME="ReqIF.ForeignID"><TYPE><DATATYPE-DEFINITION-STRING-REF>s</DATATYPE-DEFINITION-STRING-REF></TYPE></ATTRIBUTE-DEFINITION-STRING>
<ATTRIBUTE-DEFINITION-STRING IDENTIFIER="nm" LONG-NAME="ReqIF.Name"><TYPE><DATATYPE-DEFINITION-STRING-REF>s</DATATYPE-DEFINITION-STRING-REF></TYPE></ATTRIBUTE-DEFINITION-STRING>
</SPEC-ATTRIBUTES></SPEC-OBJECT-TYPE></SPEC-TYPES>
<SPEC-OBJECTS>
${objects.map(([id, fid, name]) => `<SPEC-OBJECT IDENTIFIER="${id}"><TYPE><SPEC-OBJECT-TYPE-REF>t</SPEC-OBJECT-TYPE-REF></TYPE><VALUES>${value('fid', fid)}${value('nm', name)}</VALUES></SPEC-OBJECT>`).join('\n')}
</SPEC-OBJECTS>
</REQ-IF-CONTENT></CORE-CONTENT>
</REQ-IF>
`;
}
