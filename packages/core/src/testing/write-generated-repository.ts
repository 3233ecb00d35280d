import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Element } from '../model/element.js';
import type { Model } from '../model/model.js';
import { saveRepository } from '../repository/save-repository.js';
import { writeFileAtomic } from '../repository/write-file-atomic.js';
import { GENERATED_ID_PATTERNS } from './generate-model.js';

const kebab = (kind: string) => kind.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

/**
 * Writes a (generated) model as a repository: tracery.yaml with the generated id patterns, and model
 * files of at most `elementsPerFile` elements each, grouped by kind.
 *
 * @example
 * await writeGeneratedRepository('/tmp/repo', generateModel({ elements: 1000 }));
 */
export async function writeGeneratedRepository(
  dir: string,
  model: Model,
  elementsPerFile = 2000,
): Promise<void> {
  const config = {
    name: `Generated repository of ${model.elementCount} elements`,
    metamodel: { idPatterns: GENERATED_ID_PATTERNS },
  };
  await writeFileAtomic(join(dir, 'tracery.yaml'), stringify(config));
  const positions = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const element of model.elements()) {
    const index = seen.get(element.kind) ?? 0;
    seen.set(element.kind, index + 1);
    positions.set(element.id, index);
  }
  const fileOf = (element: Element) =>
    `model/${kebab(element.kind)}/${kebab(element.kind)}-${String(Math.floor((positions.get(element.id) ?? 0) / elementsPerFile) + 1).padStart(3, '0')}.yaml`;
  await saveRepository(dir, model, { fileOf });
}
