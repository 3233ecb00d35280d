import { isMap, isSeq, type ParsedNode, type YAMLMap } from 'yaml';
import type { z } from 'zod';
import type { Diagnostic, SourceRef } from '../diagnostics/diagnostic.js';
import { didYouMeanSuffix } from '../diagnostics/did-you-mean.js';
import { BASE_FIELDS } from '../metamodel/base-fields.js';
import { elementFileSchema, relationRowSchema } from '../metamodel/element-schema.js';
import { describeEnds, type Metamodel } from '../metamodel/metamodel.js';
import type { AttributeValue, Element } from '../model/element.js';
import type { ParsedYamlFile } from './parse-yaml-file.js';
import { schemaIssueDiagnostics } from './schema-issue.js';
import { keyNode, nodeAtPath, positionOf, type YamlSource } from './yaml-position.js';

/** An element read from a file, before references are resolved. */
export type ElementDraft = { readonly element: Element; readonly origin: SourceRef };

/** A relation read from a file, before its ends are resolved; `origin` points at the written reference. */
export type RelationDraft = {
  readonly type: string;
  readonly source: string;
  readonly target: string;
  readonly attributes: Readonly<Record<string, AttributeValue>>;
  readonly origin: SourceRef;
  /** The element that wrote the relation inline, if it was written inline. */
  readonly writtenBy?: string;
  /** The relation name as written (`sentBy`), for messages that echo the file. */
  readonly writtenAs?: string;
  /** Where each end's id was written, when the relation came from a `relations:` row. */
  readonly endOrigins?: { readonly source: SourceRef; readonly target: SourceRef };
};

/** What one model file holds. `brokenIds` are ids of elements too broken to load, so references to them are not reported twice. */
export type ModelFileContents = {
  readonly elements: ElementDraft[];
  readonly relations: RelationDraft[];
  readonly brokenIds: string[];
  readonly diagnostics: Diagnostic[];
};

const FILE_KEYS = ['$schema', 'elements', 'relations'];
type Record_ = Record<string, unknown>;

/** Reads the elements and relations of a parsed model file. */
export function readModelFile(
  parsed: ParsedYamlFile,
  metamodel: Metamodel,
  cache: SchemaCache,
): ModelFileContents {
  const out: ModelFileContents = { elements: [], relations: [], brokenIds: [], diagnostics: [] };
  const { source, document, value } = parsed;
  const root = document.contents;
  if (!isMap(root) || value === null || typeof value !== 'object' || Array.isArray(value)) {
    out.diagnostics.push(
      shapeProblem(
        source,
        root,
        'a model file must be a map with an "elements:" list (and optionally "relations:")',
      ),
    );
    return out;
  }
  const data = value as Record_;
  for (const key of Object.keys(data)) {
    if (!FILE_KEYS.includes(key)) {
      out.diagnostics.push(
        shapeProblem(
          source,
          keyNode(root, key),
          `unknown top-level key "${key}"${didYouMeanSuffix(key, FILE_KEYS).replace(/^; (.*)\?$/, ' ($1)')}: a model file holds "elements:" and "relations:"`,
        ),
      );
    }
  }
  readList(data.elements, root.get('elements', true), 'elements', source, out, (item, node) =>
    readElement(item, node, source, metamodel, cache, out),
  );
  readList(data.relations, root.get('relations', true), 'relations', source, out, (item, node) =>
    readRelationRow(item, node, source, metamodel, cache, out),
  );
  return out;
}

function shapeProblem(source: YamlSource, node: unknown, message: string): Diagnostic {
  return {
    code: 'invalid-file-shape',
    severity: 'error',
    message: `${message}.`,
    source: positionOf(source, node as ParsedNode),
  };
}

function readList(
  value: unknown,
  node: unknown,
  key: string,
  source: YamlSource,
  out: ModelFileContents,
  read: (item: Record_, node: YAMLMap.Parsed) => void,
): void {
  if (value === undefined || value === null) return;
  if (!Array.isArray(value) || !isSeq(node)) {
    out.diagnostics.push(shapeProblem(source, node, `"${key}:" must be a list`));
    return;
  }
  value.forEach((item, index) => {
    const itemNode = node.items[index];
    if (item === null || typeof item !== 'object' || Array.isArray(item) || !isMap(itemNode)) {
      out.diagnostics.push(shapeProblem(source, itemNode, `item ${index + 1} of "${key}:" must be a map`));
      return;
    }
    read(item as Record_, itemNode as YAMLMap.Parsed);
  });
}

/**
 * Per-kind zod schemas, built once per load, and the names a broken config declared (their uses are
 * not reported again).
 */
export type SchemaCache = {
  readonly kinds: Map<string, z.ZodObject>;
  row?: z.ZodType;
  tolerated?: ReadonlySet<string>;
};

function kindSchema(metamodel: Metamodel, kind: string, cache: SchemaCache): z.ZodObject {
  let schema = cache.kinds.get(kind);
  if (!schema) {
    schema = elementFileSchema(metamodel, metamodel.kinds.get(kind)!, { checkIdPattern: false });
    cache.kinds.set(kind, schema);
  }
  return schema;
}

function classifyKeys(item: Record_, shape: Record<string, unknown>): { known: Record_; unknown: string[] } {
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
  node: YAMLMap.Parsed,
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
  return {
    code: isRelation ? 'unknown-relation' : 'unknown-field',
    severity: 'error',
    elementId: id,
    source: at,
    message: `unknown ${isRelation ? 'relation' : 'field'} "${key}" on ${subject}${isRelation ? asRelation : didYouMeanSuffix(key, candidates)}`,
  };
}

function readElement(
  item: Record_,
  node: YAMLMap.Parsed,
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
  const result = schema.safeParse(known);
  const invalid = new Set<string>();
  if (!result.success) {
    for (const issue of result.error.issues) {
      const [field, index] = issue.path;
      // A bad item of a relation list drops that item only, not the whole list.
      const itemOfList =
        metamodel.relationNames.has(String(field)) &&
        typeof index === 'number' &&
        Array.isArray(known[String(field)]);
      invalid.add(itemOfList ? `${String(field)}.${index}` : String(field ?? ''));
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

function buildElement(
  known: Record_,
  id: string,
  kind: string,
  invalid: Set<string>,
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
  node: YAMLMap.Parsed,
  source: YamlSource,
  metamodel: Metamodel,
  invalid: Set<string>,
  out: ModelFileContents,
): void {
  for (const [key, value] of Object.entries(known)) {
    const resolved = metamodel.relationNames.get(key);
    if (!resolved || invalid.has(key) || value === undefined) continue;
    const items = Array.isArray(value) ? value : [value];
    items.forEach((entry, index) => {
      if (invalid.has(`${key}.${index}`)) return;
      const path = Array.isArray(value) ? [key, index] : [key];
      const isObject = typeof entry === 'object' && entry !== null;
      const other = isObject ? String((entry as Record_).id) : String(entry);
      const attributes: Record<string, AttributeValue> = {};
      if (isObject)
        for (const [k, v] of Object.entries(entry as Record_))
          if (k !== 'id' && v !== undefined) attributes[k] = v as AttributeValue;
      const at = positionOf(source, nodeAtPath(node, isObject ? [...path, 'id'] : path));
      const [from, to] = resolved.inverse ? [other, id] : [id, other];
      out.relations.push({
        type: resolved.type.name,
        source: from,
        target: to,
        attributes,
        origin: at,
        writtenBy: id,
        writtenAs: key,
      });
    });
  }
}

function readRelationRow(
  item: Record_,
  node: YAMLMap.Parsed,
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
  const result = cache.row.safeParse(item);
  if (!result.success) {
    for (const issue of result.error.issues)
      out.diagnostics.push(
        ...schemaIssueDiagnostics(issue, { source, node, value: item, subject: 'a relations row' }),
      );
    return;
  }
  const {
    from,
    to,
    type: name,
    ...rest
  } = result.data as Record_ & { from: string; to: string; type: string };
  const resolved = metamodel.relationNames.get(name)!;
  const declared = { ...resolved.type.attributes };
  const attributes: Record<string, AttributeValue> = {};
  for (const [k, v] of Object.entries(rest)) {
    if (v === undefined) continue;
    if (k !== 'note' && k !== 'reviewed' && !Object.hasOwn(declared, k)) {
      out.diagnostics.push({
        code: 'unknown-field',
        severity: 'error',
        source: positionOf(source, keyNode(node, k)),
        message: `relation ${name} has no attribute "${k}"${didYouMeanSuffix(k, ['note', 'reviewed', ...Object.keys(declared)])}`,
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
