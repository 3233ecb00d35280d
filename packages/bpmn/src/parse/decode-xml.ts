import { Buffer, isAscii } from 'node:buffer';
import type { Diagnostic, SourceRef } from '@tracery/core';
import { bpmnDiagnostic } from '../diagnostics/bpmn-diagnostic.js';

/** The text of an XML file, or the diagnostics that say why its bytes could not be read. */
export type DecodedXml =
  | {
      readonly ok: true;
      readonly text: string;
      readonly encoding: string;
      readonly diagnostics: Diagnostic[];
    }
  | { readonly ok: false; readonly diagnostics: Diagnostic[] };

type Sniffed = { readonly label: string; readonly declared: boolean; readonly labelOffset: number };

const DECLARATION = /^<\?xml\s[^?]*?\bencoding\s*=\s*(["'])([^"']*)\1/;
const SINGLE_BYTE = /^(iso-8859-|windows-12|koi8|macintosh|ibm866|x-mac)/;

/**
 * Decodes the bytes of an XML file as its byte-order mark or XML declaration says
 * (UTF-8 when neither does), with a diagnostic and a position when the bytes do not fit.
 * A string is taken as already decoded.
 */
export function decodeXml(input: Uint8Array | string, file: string): DecodedXml {
  if (typeof input === 'string') {
    return {
      ok: true,
      text: input.startsWith('\uFEFF') ? input.slice(1) : input,
      encoding: 'utf-16',
      diagnostics: [],
    };
  }
  const sniffed = sniffEncoding(input);
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(sniffed.label, { fatal: true });
  } catch {
    const message = `the XML declaration names encoding "${sniffed.label}", which this runtime cannot decode; save the file as UTF-8.`;
    return {
      ok: false,
      diagnostics: [
        bpmnDiagnostic('bpmn-unsupported-encoding', message, {
          source: atByte(input, sniffed.labelOffset, file),
        }),
      ],
    };
  }
  if (decoder.encoding === 'utf-8' && isAscii(input)) {
    // Bytes below 0x80 read the same in UTF-8 and Latin-1, and Latin-1 is a copy without checks.
    const text = Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('latin1');
    return { ok: true, text, encoding: decoder.encoding, diagnostics: [] };
  }
  try {
    const text = decoder.decode(input);
    const diagnostics = SINGLE_BYTE.test(decoder.encoding) ? suspectUtf8(input, sniffed, file) : [];
    return { ok: true, text, encoding: decoder.encoding, diagnostics };
  } catch {
    return { ok: false, diagnostics: [invalidBytes(input, sniffed, decoder.encoding, file)] };
  }
}

/** The encoding from the byte-order mark, the UTF-16 shape of `<?`, or the XML declaration. */
function sniffEncoding(bytes: Uint8Array): Sniffed {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { label: 'utf-8', declared: false, labelOffset: 0 };
  if (b0 === 0xff && b1 === 0xfe) return { label: 'utf-16le', declared: false, labelOffset: 0 };
  if (b0 === 0xfe && b1 === 0xff) return { label: 'utf-16be', declared: false, labelOffset: 0 };
  if (b0 === 0x3c && b1 === 0x00) return { label: 'utf-16le', declared: false, labelOffset: 0 };
  if (b0 === 0x00 && b1 === 0x3c) return { label: 'utf-16be', declared: false, labelOffset: 0 };
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const match = DECLARATION.exec(head);
  const label = match?.[2];
  if (match === null || label === undefined) return { label: 'utf-8', declared: false, labelOffset: 0 };
  return { label, declared: true, labelOffset: match[0].length - 1 - label.length };
}

/** The error for bytes that the declared encoding cannot read, at the first bad byte. */
function invalidBytes(bytes: Uint8Array, sniffed: Sniffed, encoding: string, file: string): Diagnostic {
  const offset = firstUndecodableByte(bytes, encoding);
  const before = new TextDecoder(encoding).decode(bytes.subarray(0, offset));
  const lineText = before.slice(before.lastIndexOf('\n') + 1).trimStart();
  const context = lineText.length > 40 ? `...${lineText.slice(-40)}` : lineText;
  const hex = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  const declared = sniffed.declared
    ? `the file declares encoding="${sniffed.label}"`
    : `the file declares no encoding, so it must be UTF-8`;
  const message =
    `byte 0x${hex} after "${context}" is not valid ${encoding.toUpperCase()} (${declared}); ` +
    'save the file in the declared encoding, or declare the one it is written in (such as encoding="ISO-8859-1").';
  return bpmnDiagnostic('bpmn-invalid-encoding', message, { source: positionAfter(before, file) });
}

/** The offset of the first byte that a streaming decoder rejects (binary search on the prefix length). */
function firstUndecodableByte(bytes: Uint8Array, encoding: string): number {
  const decodes = (length: number): boolean => {
    try {
      new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  // Only a sequence cut short by the end of the file fails the full decode but not the streaming one.
  if (decodes(bytes.length)) return Math.max(0, bytes.length - 1);
  let good = 0;
  let bad = bytes.length;
  while (bad - good > 1) {
    const mid = (good + bad) >>> 1;
    if (decodes(mid)) good = mid;
    else bad = mid;
  }
  return startOfSequence(bytes, bad - 1, encoding);
}

/**
 * The decoder fails at the byte that cannot continue a sequence; when a UTF-8 sequence was left open
 * before it ("ä" written as the single byte 0xE4, then "r"), the culprit is that sequence's lead byte.
 */
function startOfSequence(bytes: Uint8Array, failing: number, encoding: string): number {
  if (encoding !== 'utf-8') return failing;
  for (let at = failing - 1; at >= 0 && at >= failing - 3; at--) {
    const byte = bytes[at] ?? 0;
    if (byte >= 0xc0) return at + (byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2) > failing ? at : failing;
    if (byte < 0x80) return failing;
  }
  return failing;
}

/** A warning when a single-byte declaration hides text that is really UTF-8 (it would read as mojibake). */
function suspectUtf8(bytes: Uint8Array, sniffed: Sniffed, file: string): Diagnostic[] {
  const first = bytes.findIndex((b) => b >= 0x80);
  if (first === -1) return [];
  let asUtf8: string;
  try {
    asUtf8 = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return [];
  }
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, first));
  const sample = wordAt(asUtf8, before.length);
  const asDeclared = wordAt(new TextDecoder(sniffed.label).decode(bytes), before.length);
  const message =
    `the file declares encoding="${sniffed.label}", but its bytes are UTF-8: "${sample}" reads as "${asDeclared}"; ` +
    'it was decoded as declared; if the text is garbled, fix the declaration to encoding="UTF-8".';
  return [bpmnDiagnostic('bpmn-suspect-encoding', message, { source: positionAfter(before, file) })];
}

/** The text from `start` up to the next space, quote, tag or line end (at most 16 characters). */
function wordAt(text: string, start: number): string {
  const rest = text.slice(start, start + 16);
  const end = rest.search(/[\s"'<>]/);
  return end === -1 ? rest : rest.slice(0, end);
}

function positionAfter(before: string, file: string): SourceRef {
  const lineStart = before.lastIndexOf('\n') + 1;
  let line = 1;
  for (let i = before.indexOf('\n'); i !== -1; i = before.indexOf('\n', i + 1)) line++;
  return { file, line, column: before.length - lineStart + 1 };
}

function atByte(bytes: Uint8Array, offset: number, file: string): SourceRef {
  return positionAfter(new TextDecoder('latin1').decode(bytes.subarray(0, offset)), file);
}
