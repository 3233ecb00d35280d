import { compareDiagnostics, type Diagnostic, InvalidArgumentError, type SourceRef } from '@tracery/core';
import { bpmnDiagnostic } from '../diagnostics/bpmn-diagnostic.js';
import { BPMN_NAMESPACE, type BpmnCounts, countByKey } from './bpmn-counts.js';
import { checkWellFormed } from './check-well-formed.js';
import { type ConvertedWarning, convertModdleWarning } from './convert-moddle-warning.js';
import { decodeXml } from './decode-xml.js';
import { findDroppedElements } from './find-dropped-elements.js';
import { importWithModdle } from './import-with-moddle.js';
import { createLineIndex, type LineIndex } from './line-index.js';
import type { BpmnDefinitions } from './moddle-types.js';
import { refuseDoctype } from './refuse-doctype.js';
import { reportDroppedElements } from './report-dropped-elements.js';
import { type RawElement, type RawScan, type ScanProblem, scanRawXml } from './scan-raw-xml.js';

/** Options of {@link parseBpmn}. */
export type ParseBpmnOptions = {
  /** The file's path as diagnostics should show it (relative to the repository). */
  readonly file: string;
};

/** A BPMN file read by {@link parseBpmn}: bpmn-moddle's definitions, what the raw XML held, and every problem. */
export type ParsedBpmn = {
  readonly file: string;
  /** bpmn-moddle's `bpmn:Definitions`; undefined when the file could not be read. */
  readonly definitions: BpmnDefinitions | undefined;
  /** The counted elements of the raw XML, in document order (empty when it could not be read). */
  readonly rawElements: readonly RawElement[];
  /** Counts in the raw XML; undefined when the XML could not be read. */
  readonly rawCounts: BpmnCounts | undefined;
  /** Counts in what bpmn-moddle imported; undefined when it imported nothing. */
  readonly importedCounts: BpmnCounts | undefined;
  /** The start-tag position of each id in the file. */
  readonly positions: ReadonlyMap<string, SourceRef>;
  /** The `tracery:` extension attributes of each element that has some, by id. */
  readonly extensionAttributes: ReadonlyMap<string, Readonly<Record<string, string>>>;
  /** Everything that went wrong, sorted by position. */
  readonly diagnostics: readonly Diagnostic[];
};

/**
 * Reads a BPMN 2.0 file safely and completely: decodes its declared encoding, refuses DOCTYPEs and
 * entities, checks it is well-formed, counts its elements, imports it with bpmn-moddle and reports,
 * by id, name and position, every element that bpmn-moddle dropped. Problems are diagnostics, never thrown.
 *
 * @example
 * const parsed = await parseBpmn(await readFile('bpmn/bp004.bpmn'), { file: 'bpmn/bp004.bpmn' });
 * for (const d of parsed.diagnostics) console.log(formatDiagnostic(d));
 */
export async function parseBpmn(input: Uint8Array | string, options: ParseBpmnOptions): Promise<ParsedBpmn> {
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) {
    throw new InvalidArgumentError('input: expected the file as a Uint8Array of bytes or a string.');
  }
  if (typeof options?.file !== 'string' || options.file === '') {
    throw new InvalidArgumentError('options.file: expected the path of the file, for diagnostics.');
  }
  const { file } = options;
  const decoded = decodeXml(input, file);
  if (!decoded.ok) return failed(file, decoded.diagnostics);
  const { text } = decoded;
  const lines = createLineIndex(text, file);
  const raw = scanRawXml(text, lines);
  if (raw.problem) {
    // The scan refuses every `<!` that opens neither a comment nor CDATA in the root, so a text that
    // holds a DOCTYPE or an entity declaration never passes it: the guard need only run on failure.
    // The scan itself expands nothing; bpmn-moddle never sees a refused text.
    const refused = refuseDoctype(text, lines) ?? malformed(text, file, lines, raw.problem);
    return failed(file, [...decoded.diagnostics, refused]);
  }
  return importChecked(file, text, lines, raw, decoded.diagnostics);
}

async function importChecked(
  file: string,
  text: string,
  lines: LineIndex,
  raw: RawScan,
  early: Diagnostic[],
): Promise<ParsedBpmn> {
  const imported = await importWithModdle(text);
  const context = { file, lines, positions: raw.positions };
  const warnings = imported.warnings.flatMap((w) => convertModdleWarning(w, context) ?? []);
  const base = {
    file,
    rawElements: raw.elements,
    rawCounts: countByKey(raw.elements),
    positions: raw.positions,
    extensionAttributes: raw.extensionAttributes,
  };
  if (!imported.ok) {
    // The scan found the XML well-formed; fast-xml-parser's validator may still say where saxen stumbled.
    const broken = checkWellFormed(text, file, lines);
    if (broken)
      return {
        ...base,
        definitions: undefined,
        importedCounts: undefined,
        diagnostics: sorted([...early, broken]),
      };
    const message = `the file is XML but not a BPMN 2.0 document: ${imported.message.replace(/\s+/g, ' ')}; a BPMN file has <definitions> in namespace "${BPMN_NAMESPACE}" as its root.`;
    const diagnostics = [
      ...early,
      ...warnings.map((w) => w.diagnostic),
      bpmnDiagnostic('bpmn-not-bpmn', message, { source: lines.sourceAt(0) }),
    ];
    return { ...base, definitions: undefined, importedCounts: undefined, diagnostics: sorted(diagnostics) };
  }
  const comparison = findDroppedElements(
    imported.definitions,
    imported.elementsById,
    raw.elements,
    raw.idsRepeat,
  );
  const dropped = reportDroppedElements(comparison.dropped, warnings, lines);
  const kept = warnings.filter((w: ConvertedWarning) => !dropped.absorbed.has(w)).map((w) => w.diagnostic);
  const diagnostics = sorted([...early, ...kept, ...dropped.diagnostics]);
  return {
    ...base,
    definitions: imported.definitions,
    importedCounts: comparison.importedCounts,
    diagnostics,
  };
}

/**
 * The diagnostic for XML the scan found malformed: fast-xml-parser's validator's, which names the rule
 * and the place as users of other XML tools know them, else the scan's own.
 */
function malformed(text: string, file: string, lines: LineIndex, problem: ScanProblem): Diagnostic {
  const validated = checkWellFormed(text, file, lines);
  if (validated) return validated;
  const message = `not well-formed XML: ${problem.message}; fix the XML (a modelling tool will not write this).`;
  return bpmnDiagnostic('bpmn-malformed-xml', message, { source: lines.sourceAt(problem.offset) });
}

function failed(file: string, diagnostics: Diagnostic[]): ParsedBpmn {
  return {
    file,
    definitions: undefined,
    rawElements: [],
    rawCounts: undefined,
    importedCounts: undefined,
    positions: new Map(),
    extensionAttributes: new Map(),
    diagnostics: sorted(diagnostics),
  };
}

function sorted(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(compareDiagnostics);
}
