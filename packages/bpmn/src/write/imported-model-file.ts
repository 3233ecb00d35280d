import { createRequire } from 'node:module';
import type { Element, Metamodel, Relation } from '@tracery/core';
import { ELEMENT_BASE_KEYS } from '@tracery/core/advanced';
import type * as Yaml from 'yaml';
import type { MappedElement, MappedRelation } from '../map/mapping-context.js';

/** Options of {@link importedModelFile}. */
export type ImportedModelFileOptions = {
  /** The metamodel, for the inverse names of relations written on their target. */
  readonly metamodel: Metamodel;
  /** Comment lines at the top of the file (without `#`). */
  readonly header?: readonly string[];
};

type Entry = string | Record<string, unknown>;

/**
 * yaml, loaded when a file is first rendered: a load of a repository with diagrams (every `tracery`
 * command on one) never renders one, and yaml's Node build is some seventy CommonJS files to resolve,
 * read and compile at start-up (core has its own copy bundled).
 */
let yaml: typeof Yaml | undefined;
const loadYaml = (): typeof Yaml => (yaml ??= createRequire(import.meta.url)('yaml') as typeof Yaml);

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Renders what a diagram adds as a model file: the new elements sorted by id, each relation inline on
 * its end in the file (on the source by its name, else on the target by the inverse name), and a
 * `relations:` row for each relation between elements written elsewhere. The same input gives the same
 * bytes, and the file loads back to the same elements and relations.
 *
 * @example
 * await writeFileAtomic('model/bpmn/bp010.yaml', importedModelFile(imported, { metamodel }));
 */
export function importedModelFile(
  added: { readonly elements: readonly MappedElement[]; readonly relations: readonly MappedRelation[] },
  options: ImportedModelFileOptions,
): string {
  const here = new Set(added.elements.map((e) => e.element.id));
  const inline = new Map<string, Map<string, Entry[]>>();
  const rows: Record<string, unknown>[] = [];
  const put = (holder: string, name: string, entry: Entry) => {
    const byName = inline.get(holder) ?? new Map<string, Entry[]>();
    inline.set(holder, byName);
    const group = byName.get(name);
    if (group) group.push(entry);
    else byName.set(name, [entry]);
  };
  for (const { relation } of added.relations) {
    if (here.has(relation.source)) put(relation.source, relation.type, entryOf(relation, relation.target));
    else if (here.has(relation.target)) {
      const inverse = options.metamodel.relationTypes.get(relation.type)?.inverse ?? relation.type;
      put(relation.target, inverse, entryOf(relation, relation.source));
    } else
      rows.push({ from: relation.source, type: relation.type, to: relation.target, ...relation.attributes });
  }
  const elements = [...added.elements]
    .map(({ element }) => element)
    .sort((a, b) => compare(a.id, b.id))
    .map((element) => fileObject(element, inline.get(element.id)));
  rows.sort(
    (a, b) =>
      compare(String(a.from), String(b.from)) ||
      compare(String(a.type), String(b.type)) ||
      compare(String(a.to), String(b.to)),
  );
  const body = loadYaml().stringify(
    { elements, ...(rows.length > 0 ? { relations: rows } : {}) },
    { lineWidth: 0, indentSeq: true, aliasDuplicateObjects: false },
  );
  return `${(options.header ?? []).map((line) => `# ${line}\n`).join('')}${body}`;
}

function entryOf(relation: Relation, other: string): Entry {
  const keys = Object.keys(relation.attributes).sort();
  if (keys.length === 0) return other;
  return Object.fromEntries([['id', other], ...keys.map((k) => [k, relation.attributes[k]])]);
}

function fileObject(
  element: Element,
  relations: ReadonlyMap<string, Entry[]> | undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = { id: element.id, kind: element.kind };
  for (const key of ELEMENT_BASE_KEYS) {
    const value = element[key];
    if (value !== undefined) out[key] = Array.isArray(value) ? [...value] : value;
  }
  for (const key of Object.keys(element.attributes).sort()) out[key] = element.attributes[key];
  for (const name of [...(relations?.keys() ?? [])].sort()) {
    const entries = relations?.get(name) ?? [];
    out[name] = [...entries].sort((a, b) =>
      compare(typeof a === 'string' ? a : String(a.id), typeof b === 'string' ? b : String(b.id)),
    );
  }
  return out;
}
