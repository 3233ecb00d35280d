import { parseBpmn } from '@tracery/bpmn';
import { describe, expect, test } from 'vitest';
import { fixtureBytes } from '../fixtures.js';

async function parseFixture(path: string) {
  return parseBpmn(fixtureBytes(path), { file: path });
}

describe('parseBpmn refuses hostile and broken input with one clear, positioned error', () => {
  test.each([
    { path: 'error/doctype-internal-entities.bpmn', line: 2, text: 'a DOCTYPE that declares 2 entities;' },
    {
      path: 'error/external-entity-xxe.bpmn',
      line: 2,
      text: 'one of them external (<!ENTITY xxe SYSTEM "file:///etc/passwd"',
    },
    { path: 'error/billion-laughs.bpmn', line: 2, text: 'a DOCTYPE that declares 10 entities;' },
  ])('$path: the DOCTYPE is refused before any parser reads it', async ({ path, line, text }) => {
    // given a file whose DOCTYPE declares entities
    // when it is parsed
    const parsed = await parseFixture(path);
    // then nothing is read, and the one error points at the DOCTYPE and says why
    expect(parsed.definitions).toBeUndefined();
    expect(parsed.rawCounts).toBeUndefined();
    expect(parsed.diagnostics).toEqual([
      {
        code: 'bpmn-doctype-refused',
        severity: 'error',
        message: expect.stringContaining(text),
        source: { file: path, line, column: 1 },
      },
    ]);
    expect(parsed.diagnostics[0]?.message).toContain('remove it');
  });

  test('the external entity is never resolved: no text of the file it names reaches the result', async () => {
    const parsed = await parseFixture('error/external-entity-xxe.bpmn');
    expect(JSON.stringify(parsed.diagnostics)).not.toMatch(/root:|nologin/);
    expect(parsed.rawElements).toEqual([]);
  });

  test('a DOCTYPE inside a comment or CDATA is text, not a declaration', async () => {
    const xml =
      '<?xml version="1.0"?>\n<!-- <!DOCTYPE x [<!ENTITY a "b">]> -->\n' +
      '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D">' +
      '<bpmn:process id="P"><bpmn:documentation><![CDATA[<!ENTITY c "d">]]></bpmn:documentation></bpmn:process>' +
      '</bpmn:definitions>';
    const parsed = await parseBpmn(xml, { file: 'commented.bpmn' });
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.importedCounts?.processes).toBe(1);
  });

  test('a truncated file names the elements left open, at the end of the file', async () => {
    const parsed = await parseFixture('error/truncated.bpmn');
    expect(parsed.definitions).toBeUndefined();
    expect(parsed.diagnostics).toEqual([
      {
        code: 'bpmn-malformed-xml',
        severity: 'error',
        message:
          'the file ends before <bpmn:definitions>, <bpmndi:BPMNDiagram>, <bpmndi:BPMNPlane>, <bpmndi:BPMNShape> are closed; it looks truncated: save or copy it again.',
        source: { file: 'error/truncated.bpmn', line: 15, column: 61 },
      },
    ]);
  });

  test('a mismatched closing tag is reported where it stands', async () => {
    const parsed = await parseFixture('error/mismatched-tags.bpmn');
    expect(parsed.diagnostics).toEqual([
      expect.objectContaining({
        code: 'bpmn-malformed-xml',
        message: expect.stringContaining("Expected closing tag 'bpmn:task' (opened in line 4, col 5)"),
        source: { file: 'error/mismatched-tags.bpmn', line: 5, column: 3 },
      }),
    ]);
  });

  test('bytes that are not what the declaration says (Latin-1 in a UTF-8 file) give the first bad byte', async () => {
    const parsed = await parseFixture('error/declared-utf8-written-latin1.bpmn');
    expect(parsed.definitions).toBeUndefined();
    expect(parsed.diagnostics).toEqual([
      {
        code: 'bpmn-invalid-encoding',
        severity: 'error',
        message:
          'byte 0xE4 after "...n:task id="Activity_1" name="Rechnung kl" is not valid UTF-8 (the file declares encoding="UTF-8"); save the file in the declared encoding, or declare the one it is written in (such as encoding="ISO-8859-1").',
        source: { file: 'error/declared-utf8-written-latin1.bpmn', line: 4, column: 49 },
      },
    ]);
  });

  test('UTF-8 bytes under a Latin-1 declaration are read as declared, with a warning that shows both readings', async () => {
    const parsed = await parseFixture('error/declared-latin1-written-utf8.bpmn');
    expect(parsed.definitions).toBeDefined();
    expect(parsed.rawElements.map((e) => e.name)).toEqual(['BP007 Change of Supplier', 'Rechnung klÃ¤ren']);
    expect(parsed.diagnostics).toEqual([
      expect.objectContaining({
        code: 'bpmn-suspect-encoding',
        severity: 'warning',
        message:
          'the file declares encoding="ISO-8859-1", but its bytes are UTF-8: "ären" reads as "Ã¤ren"; it was decoded as declared; if the text is garbled, fix the declaration to encoding="UTF-8".',
        source: { file: 'error/declared-latin1-written-utf8.bpmn', line: 4, column: 49 },
      }),
    ]);
  });

  test('an encoding the runtime does not know is refused at the declaration', async () => {
    const parsed = await parseFixture('error/unknown-encoding.bpmn');
    expect(parsed.diagnostics).toEqual([
      expect.objectContaining({
        code: 'bpmn-unsupported-encoding',
        message: expect.stringContaining('encoding "x-klingon"'),
        source: { file: 'error/unknown-encoding.bpmn', line: 1, column: 31 },
      }),
    ]);
  });

  test('well-formed XML that is not BPMN is refused as such', async () => {
    const parsed = await parseFixture('error/not-bpmn.xml');
    expect(parsed.definitions).toBeUndefined();
    expect(parsed.diagnostics.map((d) => d.code)).toContain('bpmn-not-bpmn');
  });

  test.each([
    ['', 'bpmn-empty-file'],
    ['   \n', 'bpmn-empty-file'],
    ['just text', 'bpmn-malformed-xml'],
  ])('%j is refused with %s', async (text, code) => {
    const parsed = await parseBpmn(text, { file: 'x.bpmn' });
    expect(parsed.diagnostics.map((d) => d.code)).toEqual([code]);
  });

  test.each([
    [42, { file: 'x.bpmn' }, 'input'],
    ['<a/>', { file: '' }, 'options.file'],
  ])('misuse throws InvalidArgumentError naming the argument (%j)', async (input, options, argument) => {
    await expect(parseBpmn(input as string, options)).rejects.toMatchObject({
      name: 'InvalidArgumentError',
      message: expect.stringMatching(new RegExp(`^${argument.replace('.', '\\.')}:`)),
    });
  });
});
