import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import type { Element } from '../model/element.js';
import type { Model } from '../model/model.js';
import { elementToFileObject, relationEntry, renderModelFile } from './canonical-yaml.js';
import { CONFIG_FILE } from './load-config.js';
import type { TraceryConfig } from './repository-config.js';
import { writeFileAtomic } from './write-file-atomic.js';

/** Options for {@link saveRepository}. */
export type SaveOptions = {
  /** Also write tracery.yaml from this config. */
  readonly config?: TraceryConfig;
  /** The repository path an element is written to; by default where it was loaded from, else model/<kind>.yaml. */
  readonly fileOf?: (element: Element) => string;
};

const MODEL_FILE = /\.(ya?ml|json)$/;

function kebab(kind: string): string {
  return kind.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

async function headerOf(path: string): Promise<string[]> {
  const text = await readFile(path, 'utf8').catch(() => '');
  const header: string[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('#')) break;
    header.push(line);
  }
  return header;
}

/** Which file each element goes to; elements that came from other sources (diagrams) are not written. */
function planFiles(model: Model, options: SaveOptions): Map<string, Element[]> {
  const files = new Map<string, Element[]>();
  for (const element of model.elements()) {
    const origin = model.originOfElement(element.id)?.file;
    if (origin !== undefined && !MODEL_FILE.test(origin)) continue;
    const file = options.fileOf?.(element) ?? origin ?? `model/${kebab(element.kind)}.yaml`;
    const list = files.get(file) ?? [];
    list.push(element);
    files.set(file, list);
  }
  return files;
}

/**
 * Writes a model as canonical files: each element in its file, sorted by id, its relations inline
 * on their source under the forward name (on the target, by the inverse name, when the source is not
 * written). Every write is atomic. Load -> save -> load gives an equal model.
 *
 * @example
 * await saveRepository('my-repo', model);
 */
export async function saveRepository(
  dir: string,
  model: Model,
  options: SaveOptions = {},
): Promise<{ written: string[] }> {
  const root = resolve(dir);
  const plan = planFiles(model, options);
  const written = new Set<string>();
  for (const elements of plan.values()) for (const element of elements) written.add(element.id);
  const inline = new Map<string, Map<string, (string | Record<string, unknown>)[]>>();
  const add = (holder: string, name: string, entry: string | Record<string, unknown>) => {
    const byName = inline.get(holder) ?? new Map();
    inline.set(holder, byName);
    byName.set(name, [...(byName.get(name) ?? []), entry]);
  };
  for (const relation of model.relations()) {
    if (written.has(relation.source))
      add(relation.source, relation.type, relationEntry(relation, relation.target));
    else if (written.has(relation.target)) {
      const inverse = model.metamodel.relationTypes.get(relation.type)?.inverse ?? relation.type;
      add(relation.target, inverse, relationEntry(relation, relation.source));
    }
  }
  const files = [...plan.keys()].sort();
  for (const file of files) {
    const path = join(root, file);
    const objects = plan
      .get(file)!
      .map((element) => elementToFileObject(element, inline.get(element.id) ?? new Map()));
    await writeFileAtomic(path, renderModelFile(objects, await headerOf(path), file.endsWith('.json')));
  }
  if (options.config) {
    const path = join(root, CONFIG_FILE);
    const header = await headerOf(path);
    await writeFileAtomic(
      path,
      `${header.map((l) => `${l}\n`).join('')}${stringify(options.config, { lineWidth: 0 })}`,
    );
    files.push(CONFIG_FILE);
  }
  return { written: files };
}
