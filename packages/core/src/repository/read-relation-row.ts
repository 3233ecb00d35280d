import { didYouMeanSuffix } from '../diagnostics/did-you-mean.js';
import { BASE_RELATION_FIELDS } from '../metamodel/base-fields.js';
import { relationRowSchema } from '../metamodel/element-schema.js';
import type { Metamodel } from '../metamodel/metamodel.js';
import type { AttributeValue } from '../model/element.js';
import type { ModelFileContents, SchemaCache } from './model-drafts.js';
import { schemaIssueDiagnostics } from './schema-issue.js';
import { keyNode, type MapNode, positionOf, type YamlSource } from './yaml-position.js';

type Record_ = Record<string, unknown>;

/** Reads one row of a file's top-level `relations:` list into `out`. */
export function readRelationRow(
  item: Record_,
  node: MapNode,
  source: YamlSource,
  metamodel: Metamodel,
  cache: SchemaCache,
  out: ModelFileContents,
): void {
  cache.row ??= relationRowSchema(metamodel);
  const type = item.type;
  if (typeof type === 'string' && !metamodel.relationNames.has(type)) {
    out.diagnostics.push({
      code: 'unknown-relation',
      severity: 'error',
      source: positionOf(source, node.get('type', true)),
      message: `unknown relation "${type}" in the row from ${String(item.from)} to ${String(item.to)}${didYouMeanSuffix(type, metamodel.relationNames.keys())}`,
    });
    return;
  }
  // A row of exactly from, type and to, all text (the type a known name, checked above), is what zod
  // would give back unchanged: zod only for the others, where it may refuse and words why.
  let data: Record_ = item;
  if (!isPlainRow(item)) {
    const result = cache.row.safeParse(item);
    if (!result.success) {
      for (const issue of result.error.issues)
        out.diagnostics.push(
          ...schemaIssueDiagnostics(issue, { source, node, value: item, subject: 'a relations row' }),
        );
      return;
    }
    data = result.data as Record_;
  }
  const { from, to, type: name, ...rest } = data as Record_ & { from: string; to: string; type: string };
  const resolved = metamodel.relationNames.get(name)!;
  const declared = { ...resolved.type.attributes };
  const attributes: Record<string, AttributeValue> = {};
  for (const [k, v] of Object.entries(rest)) {
    if (v === undefined) continue;
    if (!Object.hasOwn(BASE_RELATION_FIELDS, k) && !Object.hasOwn(declared, k)) {
      out.diagnostics.push({
        code: 'unknown-field',
        severity: 'error',
        source: positionOf(source, keyNode(node, k)),
        message: `relation ${name} has no attribute "${k}"${didYouMeanSuffix(k, [...Object.keys(BASE_RELATION_FIELDS), ...Object.keys(declared)])}`,
      });
      continue;
    }
    attributes[k] = v as AttributeValue;
  }
  const fromAt = positionOf(source, node.get('from', true));
  const toAt = positionOf(source, node.get('to', true));
  const [s, t] = resolved.inverse ? [to, from] : [from, to];
  const endOrigins = resolved.inverse ? { source: toAt, target: fromAt } : { source: fromAt, target: toAt };
  out.relations.push({
    type: resolved.type.name,
    source: s,
    target: t,
    attributes,
    origin: toAt,
    writtenAs: name,
    endOrigins,
  });
}

/** True for a row of exactly `from`, `type` and `to`, each text. */
function isPlainRow(item: Record_): boolean {
  let keys = 0;
  for (const key in item) {
    if (key !== 'from' && key !== 'type' && key !== 'to') return false;
    if (typeof item[key] !== 'string') return false;
    keys++;
  }
  return keys === 3;
}
