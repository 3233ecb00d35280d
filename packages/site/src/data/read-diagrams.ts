import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseBpmn } from '@tracery/bpmn';
import type { LoadedRepository } from '@tracery/core';

/** A BPMN diagram of the repository and the model elements its shapes stand for. */
export type DiagramInfo = {
  /** The repository path of the .bpmn file. */
  readonly file: string;
  /** The diagram's file name in the site's `d/` folder. */
  readonly siteFile: string;
  /** The model id of each shape that carries one (`tracery:id`), by the shape's BPMN id. */
  readonly links: ReadonlyMap<string, string>;
};

/** A site file name for a repository path: its characters other than letters, digits, `.`, `_`, `-` become `_`. */
function siteName(file: string): string {
  return file.replace(/[^A-Za-z0-9._-]/g, '_');
}

/**
 * Reads the BPMN diagrams among the repository's files with the BPMN package's parser, and which
 * model element each shape stands for. Diagrams that do not parse are left out (loading reported them).
 */
export async function readDiagrams(loaded: LoadedRepository): Promise<DiagramInfo[]> {
  const diagrams: DiagramInfo[] = [];
  for (const file of loaded.files.filter((f) => f.endsWith('.bpmn'))) {
    const parsed = await parseBpmn(await readFile(join(loaded.root, file)), { file });
    if (!parsed.definitions) continue;
    const links = new Map<string, string>();
    for (const [bpmnId, attributes] of parsed.extensionAttributes) {
      const id = attributes.id;
      if (id !== undefined && loaded.model.hasElement(id)) links.set(bpmnId, id);
    }
    diagrams.push({ file, siteFile: siteName(file.replace(/\.bpmn$/, '')), links });
  }
  return diagrams;
}
