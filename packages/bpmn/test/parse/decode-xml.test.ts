import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeXml } from '../../src/parse/decode-xml.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeXml', () => {
  test('reads UTF-8 bytes back to the text they encode, ASCII-only or not, with or without a declaration', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('', '<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-8"?>', '\uFEFF'),
        fc.string({ unit: fc.constantFrom('a', '<', '&', '\n', 'ä', '€', '😀', '\u007F') }),
        (head, body) => {
          const decoded = decodeXml(utf8(`${head}${body}`), 'f.bpmn');
          expect(decoded).toEqual({
            ok: true,
            text: `${head.replace('\uFEFF', '')}${body}`,
            encoding: 'utf-8',
            diagnostics: [],
          });
        },
      ),
      { numRuns: 300, seed: 20261201 },
    );
  });

  test('reads a view into a larger buffer from its own first byte to its last', () => {
    const whole = utf8('xx<a id="1"/>yy');
    const decoded = decodeXml(whole.subarray(2, whole.length - 2), 'f.bpmn');
    expect(decoded.ok && decoded.text).toBe('<a id="1"/>');
  });

  test('ASCII bytes under a single-byte declaration are still decoded as declared', () => {
    const decoded = decodeXml(utf8('<?xml version="1.0" encoding="windows-1252"?><a/>'), 'f.bpmn');
    expect(decoded).toMatchObject({ ok: true, encoding: 'windows-1252', diagnostics: [] });
  });
});
