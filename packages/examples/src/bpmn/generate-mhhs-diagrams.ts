import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diagramXml } from './build-diagram.js';
import { MHHS_DIAGRAMS } from './mhhs-diagrams.js';

/** Where the MHHS example keeps its diagrams. */
export const MHHS_BPMN_FOLDER = fileURLToPath(new URL('../../mhhs/bpmn', import.meta.url));

/**
 * Writes the MHHS example's BPMN diagrams (BP001, BP004, BP018) from their specs into mhhs/bpmn/.
 * Run it after changing a spec: `pnpm --filter @tracery/examples build && node packages/examples/dist/bpmn/generate-mhhs-diagrams.js`.
 */
export async function generateMhhsDiagrams(folder = MHHS_BPMN_FOLDER): Promise<string[]> {
  await mkdir(folder, { recursive: true });
  const written: string[] = [];
  for (const spec of MHHS_DIAGRAMS) {
    const path = join(folder, spec.file);
    await writeFile(path, await diagramXml(spec));
    written.push(path);
  }
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const path of await generateMhhsDiagrams()) process.stdout.write(`wrote ${path}\n`);
}
