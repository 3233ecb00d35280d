import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Node,
  parseDocument,
  type Scalar,
  visit,
  type YAMLMap,
} from 'yaml';
import { TraceryError } from '../errors/tracery-error.js';

/** An edit of a text: replace `[start, end)` with `text`. */
type Splice = { readonly start: number; readonly end: number; readonly text: string };

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return -1;
    offset = next + 1;
  }
  return offset + column - 1;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** JSON's double-quoted strings read the same in YAML and JSON. */
const quote = (value: string) => JSON.stringify(value);

/** Review fields to record on one relation, in the order they are written: `[['reviewed', stamp], ...]`. */
type Fields = readonly (readonly [string, string])[];

/** The splices that record `fields` in the map that holds a relation's reference (`id`, `from` or `to`). */
function splicesInMap(text: string, holder: YAMLMap, fields: Fields, json: boolean): Splice[] {
  const key = (k: string) => (json ? JSON.stringify(k) : k);
  const splices: Splice[] = [];
  const missing: (readonly [string, string])[] = [];
  for (const [name, value] of fields) {
    const existing = holder.items.find((p) => isScalar(p.key) && p.key.value === name);
    const node = existing?.value as Node | null | undefined;
    if (node?.range) splices.push({ start: node.range[0], end: node.range[1], text: quote(value) });
    else missing.push([name, value]);
  }
  if (missing.length === 0) return splices;
  const last = holder.items[holder.items.length - 1]!;
  const after = (last.value as Node | null)?.range?.[1] ?? (last.key as Node).range![1];
  if (holder.flow) {
    const added = missing.map(([name, value]) => `, ${key(name)}: ${quote(value)}`).join('');
    return [...splices, { start: after, end: after, text: added }];
  }
  // After the last value's line, trailing comment included, at the indentation of the map's keys.
  const indent = ' '.repeat(columnOf(text, holder.range![0]));
  const lines = missing.map(([name, value]) => `${indent}${name}: ${quote(value)}`).join('\n');
  if (text[after - 1] === '\n') return [...splices, { start: after, end: after, text: `${lines}\n` }];
  const eol = text.indexOf('\n', after);
  const at = eol < 0 ? text.length : eol;
  return [...splices, { start: at, end: at, text: `\n${lines}` }];
}

/** The splices that record `fields` on the relation whose reference is the scalar `node`. */
function splicesFor(
  text: string,
  node: Scalar,
  parents: readonly unknown[],
  fields: Fields,
  json: boolean,
): Splice[] {
  const [start, end] = node.range!;
  const parent = parents[parents.length - 1];
  const holder = parents[parents.length - 2];
  if (
    isPair(parent) &&
    isScalar(parent.key) &&
    ['id', 'from', 'to'].includes(String(parent.key.value)) &&
    isMap(holder)
  )
    return splicesInMap(text, holder, fields, json);
  if (isSeq(parent) || isPair(parent)) {
    const key = (k: string) => (json ? JSON.stringify(k) : k);
    const id = text.slice(start, end);
    const rest = fields.map(([name, value]) => `, ${key(name)}: ${quote(value)}`).join('');
    return [{ start, end, text: `{ ${key('id')}: ${id}${rest} }` }];
  }
  throw new TraceryError(
    `cannot record a review at offset ${start}: the reference is not in a list or a map.`,
  );
}

/**
 * Records a review stamp on one relation in a model file's text, at the place the relation is written
 * (`line`, `column`: where the reference to the other end is). The document is parsed with yaml's
 * Document API to find the node, and only that node's text is changed, so comments, quoting and layout
 * elsewhere stay byte for byte: a plain reference becomes `{ id: X, reviewed: "…" }`, a reference that
 * is already a map gets (or updates) its `reviewed` key.
 *
 * @example
 * stampRelationInYaml(text, { line: 12, column: 14 }, '3f2a…/9a8b…', false)
 */
export function stampRelationInYaml(
  text: string,
  at: { readonly line: number; readonly column: number },
  stamp: string,
  json: boolean,
): string {
  return stampRelationsInYaml(text, [{ ...at, fields: [['reviewed', stamp]] }], json);
}

/**
 * Records several reviews in one file's text (see {@link stampRelationInYaml}): for each relation, the
 * review fields in order (`reviewed`, then `reviewedBy` and `reviewedAt` when known); a field the
 * reference already has is replaced in place.
 */
export function stampRelationsInYaml(
  text: string,
  stamps: readonly { readonly line: number; readonly column: number; readonly fields: Fields }[],
  json: boolean,
): string {
  const document = parseDocument(text, { uniqueKeys: false });
  const wanted = new Map(stamps.map((s) => [offsetOf(text, s.line, s.column), s.fields] as const));
  const splices: Splice[] = [];
  visit(document, {
    Scalar(key, node, path) {
      if (key === 'key' || !node.range) return;
      const fields = wanted.get(node.range[0]);
      if (fields === undefined) return;
      wanted.delete(node.range[0]);
      splices.push(...splicesFor(text, node, path, fields, json));
    },
  });
  if (wanted.size > 0)
    throw new TraceryError(
      `no relation reference at offset ${[...wanted.keys()].join(', ')}; reload the repository and try again.`,
    );
  let out = text;
  for (const s of splices.sort((a, b) => b.start - a.start))
    out = out.slice(0, s.start) + s.text + out.slice(s.end);
  const check = parseDocument(out);
  if (check.errors.length > 0)
    throw new TraceryError(`recording the review would break the file: ${check.errors[0]!.message}`);
  return out;
}
