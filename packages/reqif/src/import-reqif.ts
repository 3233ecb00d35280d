import { compareDiagnostics, type Diagnostic } from '@tracery/core';
import { type MappedReqif, type MapReqifOptions, mapReqif } from './map/map-reqif.js';
import { parseReqif } from './parse/parse-reqif.js';
import { readReqifFile } from './parse/read-reqif-file.js';
import type { ReqifDocument } from './parse/reqif-document.js';

/** What {@link importReqif} gives: the documents read, what they add to the model, and every problem. */
export type ImportedReqif = {
  readonly documents: readonly ReqifDocument[];
  readonly mapped: MappedReqif;
  /** Reading and mapping problems together, sorted. */
  readonly diagnostics: readonly Diagnostic[];
};

/**
 * Reads a `.reqif` or `.reqifz` file's bytes and maps it onto the metamodel (see `mapReqif`).
 * Never throws on the file's content: a DOCTYPE, malformed XML or a bad archive is a diagnostic.
 *
 * @example
 * const imported = importReqif(await readFile('doors.reqif'), { file: 'doors.reqif', metamodel: repo.metamodel, existing: repo.model });
 */
export function importReqif(
  bytes: Uint8Array,
  options: MapReqifOptions & { readonly file: string },
): ImportedReqif {
  const { texts, diagnostics: read } = readReqifFile(bytes, options.file);
  const diagnostics: Diagnostic[] = [...read];
  const documents: ReqifDocument[] = [];
  for (const { file, text } of texts) {
    const parsed = parseReqif(text, file);
    diagnostics.push(...parsed.diagnostics);
    if (parsed.document) documents.push(parsed.document);
  }
  const mapped = mapReqif(documents, options);
  diagnostics.push(...mapped.diagnostics);
  return { documents, mapped, diagnostics: diagnostics.sort(compareDiagnostics) };
}
