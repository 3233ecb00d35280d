import { createRequire } from 'node:module';
import type { Element, Relation } from '@tracery/core';
import { ELEMENT_BASE_KEYS } from '@tracery/core/advanced';
import type * as Yaml from 'yaml';

/**
 * yaml, loaded when a file is first written or an id map read: `tracery export reqif` needs neither,
 * and yaml's Node build is some seventy CommonJS files to resolve, read and compile when this package
 * is imported (core has its own copy bundled).
 */
let yaml: typeof Yaml | undefined;
const loadYaml = (): typeof Yaml => (yaml ??= createRequire(import.meta.url)('yaml') as typeof Yaml);

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A model file for what a ReqIF import adds: elements sorted by id, each relation written on its
 * source by its forward name when the source is in the file, else as a `relations:` row. Relation
 * attributes are kept (an entry `{ id, ...attributes }`). The same input gives the same bytes.
 *
 * @example
 * await writeFileAtomic('model/reqif/doors.yaml', reqifModelFile(imported.mapped, ['Imported from doors.reqif']));
 */
export function reqifModelFile(
  added: { readonly elements: readonly Element[]; readonly relations: readonly Relation[] },
  header: readonly string[],
): string {
  const here = new Set(added.elements.map((e) => e.id));
  const inline = new Map<string, Map<string, unknown[]>>();
  const rows: Record<string, unknown>[] = [];
  for (const r of [...added.relations].sort((a, b) =>
    compare(`${a.source} ${a.type} ${a.target}`, `${b.source} ${b.type} ${b.target}`),
  )) {
    const keys = Object.keys(r.attributes).sort(compare);
    const attributes = Object.fromEntries(keys.map((k) => [k, r.attributes[k]]));
    if (here.has(r.source)) {
      const byName = inline.get(r.source) ?? new Map<string, unknown[]>();
      inline.set(r.source, byName);
      byName.set(r.type, [
        ...(byName.get(r.type) ?? []),
        keys.length === 0 ? r.target : { id: r.target, ...attributes },
      ]);
    } else rows.push({ from: r.source, type: r.type, to: r.target, ...attributes });
  }
  const elements = [...added.elements]
    .sort((a, b) => compare(a.id, b.id))
    .map((e) => {
      const out: Record<string, unknown> = { id: e.id, kind: e.kind };
      for (const key of ELEMENT_BASE_KEYS)
        if (e[key] !== undefined) out[key] = Array.isArray(e[key]) ? [...(e[key] as string[])] : e[key];
      for (const key of Object.keys(e.attributes).sort(compare)) out[key] = e.attributes[key];
      for (const [name, entries] of [...(inline.get(e.id) ?? new Map<string, unknown[]>()).entries()].sort(
        ([a], [b]) => compare(a, b),
      ))
        out[name] = entries;
      return out;
    });
  const body = loadYaml().stringify(rows.length === 0 ? { elements } : { elements, relations: rows }, {
    lineWidth: 0,
    indentSeq: true,
    aliasDuplicateObjects: false,
  });
  return `${header.map((line) => `# ${line}\n`).join('')}${body}`;
}

/** The id map file kept beside an import: ReqIF SPEC-OBJECT identifier -> element id, sorted. */
export function reqifIdMapFile(source: string, ids: ReadonlyMap<string, string>): string {
  const entries = Object.fromEntries([...ids.entries()].sort(([a], [b]) => compare(a, b)));
  return `# ReqIF identifiers -> element ids of the import of ${source}, so a re-import updates rather than duplicates.\n# Written by tracery import reqif --write; keep it in git.\n${loadYaml().stringify({ source, ids: entries }, { lineWidth: 0 })}`;
}

/** Reads an id map file back; anything unreadable gives an empty map (the import then matches by ReqIF.ForeignID). */
export function parseReqifIdMap(text: string): Map<string, string> {
  try {
    const data = loadYaml().parse(text, { maxAliasCount: 0 }) as { ids?: Record<string, unknown> } | null;
    const ids = new Map<string, string>();
    for (const [key, value] of Object.entries(data?.ids ?? {}))
      if (typeof value === 'string') ids.set(key, value);
    return ids;
  } catch {
    return new Map();
  }
}
