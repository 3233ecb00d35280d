import type { Diagnostic } from '@tracery/core';
import { unzipSync } from 'fflate';
import { reqifDiagnostic } from '../diagnostics/reqif-diagnostic.js';

/** One ReqIF document's text, named as diagnostics will name it. */
export type ReqifText = { readonly file: string; readonly text: string };

/**
 * The ReqIF documents in a file's bytes: the file itself for `.reqif`, each `.reqif` entry of a
 * `.reqifz` archive (named `archive.reqifz!entry.reqif`). Bytes that are not UTF-8 are reported.
 *
 * @example
 * const { texts, diagnostics } = readReqifFile(await readFile(path), 'doors.reqifz');
 */
export function readReqifFile(
  bytes: Uint8Array,
  file: string,
): { readonly texts: readonly ReqifText[]; readonly diagnostics: readonly Diagnostic[] } {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (!isZip) {
    const text = decode(bytes);
    return text === undefined
      ? { texts: [], diagnostics: [notUtf8(file)] }
      : { texts: [{ file, text }], diagnostics: [] };
  }
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (entry) => /\.reqif$/i.test(entry.name) && entry.originalSize < 512 * 1024 * 1024,
    });
  } catch (error) {
    return {
      texts: [],
      diagnostics: [badArchive(file, `it is not a readable zip archive (${(error as Error).message})`)],
    };
  }
  const names = Object.keys(entries).sort();
  if (names.length === 0) return { texts: [], diagnostics: [badArchive(file, 'it holds no .reqif file')] };
  const texts: ReqifText[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const name of names) {
    const text = decode(entries[name]!);
    if (text === undefined) diagnostics.push(notUtf8(`${file}!${name}`));
    else texts.push({ file: `${file}!${name}`, text });
  }
  return { texts, diagnostics };
}

function decode(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

const notUtf8 = (file: string) =>
  reqifDiagnostic('reqif-malformed-xml', `${file}: the file is not valid UTF-8; export it again as UTF-8.`, {
    source: { file, line: 1, column: 1 },
  });

const badArchive = (file: string, why: string) =>
  reqifDiagnostic('reqif-bad-archive', `${file}: the .reqifz archive was refused: ${why}.`, {
    source: { file, line: 1, column: 1 },
  });
