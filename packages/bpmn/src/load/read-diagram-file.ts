import { readFile, stat } from 'node:fs/promises';
import type { Diagnostic } from '@tracery/core';
import { bpmnDiagnostic } from '../diagnostics/bpmn-diagnostic.js';

/** The bytes of a diagram, or the diagnostic that says why they could not be read. */
export type DiagramBytes = { readonly bytes: Uint8Array } | { readonly diagnostic: Diagnostic };

/**
 * Reads a diagram's bytes (undecoded: the parser decodes them as the XML declaration says), refusing
 * a file over `maxBytes` before reading it.
 */
export async function readDiagramFile(path: string, file: string, maxBytes: number): Promise<DiagramBytes> {
  const source = { file, line: 1, column: 1 };
  try {
    const { size } = await stat(path);
    if (size > maxBytes) {
      const message = `"${file}" is ${size} bytes, over the limit of ${maxBytes}; split the diagram or raise limits.maxFileBytes in tracery.yaml.`;
      return { diagnostic: bpmnDiagnostic('bpmn-file-unreadable', message, { source }) };
    }
    return { bytes: await readFile(path) };
  } catch (error) {
    const message = `"${file}" could not be read: ${error instanceof Error ? error.message : String(error)}`;
    return { diagnostic: bpmnDiagnostic('bpmn-file-unreadable', message, { source }) };
  }
}
