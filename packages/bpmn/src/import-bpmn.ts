import { compareDiagnostics, type Diagnostic } from '@tracery/core';
import { type BpmnMappingResult, type MapBpmnOptions, mapBpmn } from './map/map-bpmn.js';
import { type ParsedBpmn, parseBpmn } from './parse/parse-bpmn.js';

/** Options of {@link importBpmn}: the file name, and the options of {@link mapBpmn}. */
export type ImportBpmnOptions = MapBpmnOptions & { readonly file: string };

/** A diagram parsed and mapped: the mapping's elements and relations, with the diagnostics of both steps. */
export type ImportedBpmn = BpmnMappingResult & { readonly parsed: ParsedBpmn };

/**
 * Parses a BPMN file and maps it to the model in one call ({@link parseBpmn}, then {@link mapBpmn}),
 * with the diagnostics of both, sorted by position.
 *
 * @example
 * const { elements, relations, diagnostics } = await importBpmn(bytes, { file: 'bpmn/bp004.bpmn', model });
 */
export async function importBpmn(
  input: Uint8Array | string,
  options: ImportBpmnOptions,
): Promise<ImportedBpmn> {
  const parsed = await parseBpmn(input, { file: options.file });
  const mapped = mapBpmn(parsed, options);
  const diagnostics: Diagnostic[] = [...parsed.diagnostics, ...mapped.diagnostics].sort(compareDiagnostics);
  return { parsed, elements: mapped.elements, relations: mapped.relations, diagnostics, ids: mapped.ids };
}
