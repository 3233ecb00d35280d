import type { z } from 'zod';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMeanSuffix } from '../diagnostics/did-you-mean.js';
import { BASE_FIELDS } from '../metamodel/base-fields.js';
import { elementFileSchema } from '../metamodel/element-schema.js';
import { describeEnds, type Metamodel } from '../metamodel/metamodel.js';
import type { AttributeValue, Element } from '../model/element.js';
import { fastCheckOf } from './element-fast-check.js';
import { checkElementSafety } from './element-safety.js';
import type { ModelFileContents, SchemaCache } from './model-drafts.js';
import { schemaIssueDiagnostics } from './schema-issue.js';
import {
  childNode,
  keyNode,
  type LocatableNode,
  type MapNode,
  positionOf,
  type YamlSource,
} from './yaml-position.js';

type Record_ = Record<string, unknown>;

/** No field failed its check. */
export const NOTHING_INVALID: ReadonlySet<string> = new Set();

/** The zod schema of a kind, built once per load. */
export function kindSchema(metamodel: Metamodel, kind: string, cache: SchemaCache): z.ZodObject {
  let schema = cache.kinds.get(kind);
  if (!schema) {
    schema = elementFileSchema(metamodel, metamodel.kinds.get(kind)!, { checkIdPattern: false });
    cache.kinds.set(kind, schema);
  }
  return schema;
}

/** The keys of an item that its kind's schema knows (with their values), and the others. */
export function classifyKeys(
  item: Record_,
  shape: Record<string, unknown>,
): { known: Record_; unknown: string[] } {
  const known: Record_ = {};
  const unknown: string[] = [];
  for (const key of Object.keys(item)) {
    if (Object.hasOwn(shape, key)) known[key] = item[key];
    else unknown.push(key);
  }
  return { known, unknown };
}

function unknownKeyDiagnostic(
  key: string,
  kind: string,
  id: string,
  node: MapNode,
  source: YamlSource,
  metamodel: Metamodel,
  shape: Record<string, unknown>,
): Diagnostic {
  const at = positionOf(source, keyNode(node, key));
  const subject = `${id} (${kind})`;
  const resolved = metamodel.relationNames.get(key);
  if (resolved) {
    const { type } = resolved;
    return {
      code: 'relation-not-allowed',
      severity: 'error',
      elementId: id,
      source: at,
      message: `${subject} cannot have "${key}": ${type.name} goes from ${describeEnds(type.from)} to ${describeEnds(type.to)}; move it to an element of an allowed kind or use another relation.`,
    };
  }
  const candidates = Object.keys(shape);
  const relationCandidates = candidates.filter((c) => metamodel.relationNames.has(c));
  const asRelation = didYouMeanSuffix(key, relationCandidates);
  const isRelation = asRelation !== '' && didYouMeanSuffix(key, candidates) === asRelation;
  const suggestion = isRelation
    ? asRelation
    : didYouMeanSuffix(key, candidates) || synonymSuffix(key, relationCandidates);
  return {
    code: isRelation ? 'unknown-relation' : 'unknown-field',
    severity: 'error',
    elementId: id,
    source: at,
    message: `unknown ${isRelation ? 'relation' : 'field'} "${key}" on ${subject}${suggestion || noMatchHint(kind, candidates, relationCandidates)}`,
  };
}

/** Words people write for a relation, and the relation they mean (`tests:` on a TestCase means `verifies`). */
const RELATION_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  verifies: ['tests', 'test', 'covers', 'checks', 'validates'],
  satisfies: ['implements', 'realises', 'realizes', 'fulfils', 'fulfills', 'meets'],
  partOf: ['parent', 'in', 'within', 'belongsTo', 'memberOf'],
  hasPart: ['children', 'parts', 'contains', 'steps'],
  documentedIn: ['documents', 'document', 'docs', 'specifiedIn', 'spec'],
  dependsOn: ['requires', 'needs', 'uses'],
  refines: ['derivedFrom', 'derives', 'details'],
  governedBy: ['principles', 'principle', 'compliesWith'],
  changes: ['affects', 'modifies', 'touches'],
};

function synonymSuffix(key: string, relationCandidates: readonly string[]): string {
  const lower = key.toLowerCase();
  for (const [relation, words] of Object.entries(RELATION_SYNONYMS))
    if (relationCandidates.includes(relation) && words.some((w) => w.toLowerCase() === lower))
      return `; did you mean "${relation}"?`;
  return '';
}

/** With no close name: what the kind can write, so the fix is one look away (`tracery metamodel` has the rest). */
function noMatchHint(
  kind: string,
  candidates: readonly string[],
  relationCandidates: readonly string[],
): string {
  const attributes = candidates.filter((c) => !relationCandidates.includes(c) && c !== 'id' && c !== 'kind');
  return `; ${kind} can have the fields ${attributes.join(', ')} and the relations ${relationCandidates.join(', ')} (see tracery metamodel)`;
}

/** Reads one element of a model file, with its inline relations, into `out`. */
export function readElement(
  item: Record_,
  node: MapNode,
  source: YamlSource,
  metamodel: Metamodel,
  cache: SchemaCache,
  out: ModelFileContents,
): void {
  const origin = positionOf(source, node);
  const id = item.id;
  if (typeof id !== 'string' || id.trim() === '') {
    out.diagnostics.push({
      code: id === undefined ? 'missing-field' : 'invalid-value',
      severity: 'error',
      source: positionOf(source, node.get('id', true) ?? node),
      message:
        id === undefined
          ? `an element${typeof item.name === 'string' ? ` named "${item.name}"` : ''} has no "id"; give it a unique id such as IF-021.`
          : `"id" is ${String(id)}; an id is non-empty text such as IF-021.`,
    });
    return;
  }
  if (!checkElementSafety(item, id, node, source, cache, out)) return;
  const kind = item.kind;
  if (typeof kind !== 'string' || !metamodel.kinds.has(kind)) {
    out.brokenIds.push(id);
    if (typeof kind === 'string' && cache.tolerated?.has(kind)) return;
    const kinds = [...metamodel.kinds.keys()];
    out.diagnostics.push({
      code: kind === undefined ? 'missing-field' : 'unknown-kind',
      severity: 'error',
      elementId: id,
      source: positionOf(source, node.get('kind', true) ?? node),
      message:
        kind === undefined
          ? `${id} has no "kind"; add one of ${kinds.sort().join(', ')}.`
          : `unknown kind ${typeof kind === 'string' ? `"${kind}"` : String(kind)} on ${id}${didYouMeanSuffix(String(kind), kinds)}${typeof kind === 'string' && didYouMeanSuffix(kind, kinds) === '' ? `; the kinds are ${kinds.sort().join(', ')}, or add it under metamodel.kinds in tracery.yaml` : ''}`,
    });
    return;
  }
  const schema = kindSchema(metamodel, kind, cache);
  const { known, unknown } = classifyKeys(item, schema.shape);
  for (const key of unknown) {
    if (!cache.tolerated?.has(key))
      out.diagnostics.push(unknownKeyDiagnostic(key, kind, id, node, source, metamodel, schema.shape));
  }
  // zod only when the fast check does not vouch for the element: it words the diagnostics.
  const plain = fastCheckOf(metamodel, metamodel.kinds.get(kind)!, schema)(known);
  const result = plain ? undefined : schema.safeParse(known);
  let invalid = NOTHING_INVALID;
  if (result !== undefined && !result.success) {
    const found = new Set<string>();
    invalid = found;
    for (const issue of result.error.issues) {
      const [field, index] = issue.path;
      // A bad item of a relation list drops that item only, not the whole list.
      const itemOfList =
        metamodel.relationNames.has(String(field)) &&
        typeof index === 'number' &&
        Array.isArray(known[String(field)]);
      found.add(itemOfList ? `${String(field)}.${index}` : String(field ?? ''));
      out.diagnostics.push(
        ...schemaIssueDiagnostics(issue, {
          source,
          node,
          value: known,
          subject: `${id} (${kind})`,
          elementId: id,
        }),
      );
    }
    if (invalid.has('name')) out.brokenIds.push(id);
    if (invalid.has('name')) return;
  }
  const element = buildElement(known, id, kind, invalid, metamodel);
  out.elements.push({ element, origin });
  collectInlineRelations(known, id, node, source, metamodel, invalid, out);
}

/** The element an item makes, without the fields that failed their check (`invalid`). */
export function buildElement(
  known: Record_,
  id: string,
  kind: string,
  invalid: ReadonlySet<string>,
  metamodel: Metamodel,
): Element {
  const element: Record_ = { id, kind, name: known.name };
  const attributes: Record<string, AttributeValue> = {};
  const kindAttributes = metamodel.kinds.get(kind)!.attributes;
  for (const [key, value] of Object.entries(known)) {
    if (invalid.has(key) || key === 'id' || key === 'kind' || key === 'name' || value === undefined) continue;
    if (Object.hasOwn(BASE_FIELDS, key)) element[key] = value;
    else if (Object.hasOwn(kindAttributes, key)) attributes[key] = value as AttributeValue;
  }
  element.attributes = attributes;
  return element as Element;
}

function collectInlineRelations(
  known: Record_,
  id: string,
  node: MapNode,
  source: YamlSource,
  metamodel: Metamodel,
  invalid: ReadonlySet<string>,
  out: ModelFileContents,
): void {
  for (const key in known) {
    const value = known[key];
    const resolved = metamodel.relationNames.get(key);
    if (!resolved || value === undefined || invalid.has(key)) continue;
    const list = Array.isArray(value);
    const items: readonly unknown[] = list ? value : [value];
    // The node of the key's value, looked up once for all its items (what nodeAtPath walks first).
    const valueNode = childNode(node, key);
    for (let index = 0; index < items.length; index++) {
      if (invalid.size > 0 && invalid.has(`${key}.${index}`)) continue;
      const entry = items[index];
      const isObject = typeof entry === 'object' && entry !== null;
      const other = isObject ? String((entry as Record_).id) : String(entry);
      const attributes: Record<string, AttributeValue> = {};
      if (isObject)
        for (const [k, v] of Object.entries(entry as Record_))
          if (k !== 'id' && v !== undefined) attributes[k] = v as AttributeValue;
      const at = positionOf(source, entryNode(node, valueNode, list ? index : undefined, isObject));
      out.relations.push({
        type: resolved.type.name,
        source: resolved.inverse ? other : id,
        target: resolved.inverse ? id : other,
        attributes,
        origin: at,
        writtenBy: id,
        writtenAs: key,
      });
    }
  }
}

/**
 * Where a relation entry is written: exactly `nodeAtPath(node, [key, index?, 'id'?])`, the deepest
 * node of that path that exists, from the key's value node found once.
 */
function entryNode(
  node: MapNode,
  valueNode: LocatableNode | undefined,
  index: number | undefined,
  isObject: boolean,
): LocatableNode | undefined {
  if (valueNode === undefined) return node;
  let current = valueNode;
  if (index !== undefined) {
    const item = childNode(current, index);
    if (item === undefined) return current;
    current = item;
  }
  return isObject ? (childNode(current, 'id') ?? current) : current;
}
