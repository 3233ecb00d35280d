import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import { InvalidArgumentError } from '../errors/tracery-error.js';
import type { Element } from '../model/element.js';
import type { Model } from '../model/model.js';
import { elementToFileObject, relationEntry, renderModelFile } from './canonical-yaml.js';
import { CONFIG_FILE } from './load-config.js';
import type { LoadedRepository } from './load-repository.js';
import type { TraceryConfig } from './repository-config.js';
import { writeFileAtomic } from './write-file-atomic.js';

/** Options for {@link saveRepository}. */
export type SaveOptions = {
  /** Also write tracery.yaml from this config. */
  readonly config?: TraceryConfig;
  /** The repository path an element is written to; by default where it was loaded from, else model/<kind>.yaml. */
  readonly fileOf?: (element: Element) => string;
  /**
   * Given a loaded repository with load errors, save anyway, but never a file that had an error:
   * rewriting it from what loaded would delete what failed to load. Default false: refuse, writing
   * nothing.
   */
  readonly allowErrors?: boolean;
};

/**
 * The model to save, and the files never to write: with a loaded repository that has load errors,
 * refuses (nothing is written) unless `allowErrors`, and then keeps every file that had an error.
 */
function modelToSave(
  source: Model | LoadedRepository,
  options: SaveOptions,
): { model: Model; keep: ReadonlySet<string> } {
  if (!('diagnostics' in source)) return { model: source, keep: new Set() };
  const errors = source.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 && !options.allowErrors)
    throw new InvalidArgumentError(
      `the repository has ${errors.length} load error(s), the first ${formatDiagnostic(errors[0]!)}; saving what loaded would delete what failed to load, so nothing was written. Fix them, or pass allowErrors to save only the files without errors.`,
    );
  return {
    model: source.model,
    keep: new Set(errors.flatMap((d) => (d.source ? [d.source.file] : []))),
  };
}

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
 * Given the loaded repository rather than its model, a repository with load errors is refused before
 * anything is written (an `InvalidArgumentError`), unless `allowErrors`, which still never rewrites a
 * file that had an error.
 *
 * @example
 * await saveRepository('my-repo', await loadRepository('my-repo'));
 */
export async function saveRepository(
  dir: string,
  source: Model | LoadedRepository,
  options: SaveOptions = {},
): Promise<{ written: string[] }> {
  const root = resolve(dir);
  const { model, keep } = modelToSave(source, options);
  const plan = planFiles(model, options);
  const written = new Set<string>();
  for (const elements of plan.values()) for (const element of elements) written.add(element.id);
  const inline = new Map<string, Map<string, (string | Record<string, unknown>)[]>>();
  const add = (holder: string, name: string, entry: string | Record<string, unknown>) => {
    const byName = inline.get(holder) ?? new Map();
    inline.set(holder, byName);
    const group = byName.get(name);
    if (group) group.push(entry);
    else byName.set(name, [entry]);
  };
  for (const relation of model.relations()) {
    if (written.has(relation.source))
      add(relation.source, relation.type, relationEntry(relation, relation.target));
    else if (written.has(relation.target)) {
      const inverse = model.metamodel.relationTypes.get(relation.type)?.inverse ?? relation.type;
      add(relation.target, inverse, relationEntry(relation, relation.source));
    }
  }
  const files = [...plan.keys()].filter((file) => !keep.has(file)).sort();
  for (const file of files) {
    const path = join(root, file);
    const objects = plan
      .get(file)!
      .map((element) => elementToFileObject(element, inline.get(element.id) ?? new Map()));
    await writeFileAtomic(path, renderModelFile(objects, await headerOf(path), file.endsWith('.json')));
  }
  if (options.config && !keep.has(CONFIG_FILE)) {
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
