import type { Diagnostic, Element, KindDef, Metamodel, Model, Relation } from '@tracery/core';
import {
  BASE_FIELDS,
  BASE_RELATION_FIELDS,
  createIdTemplateFiller,
  defaultIdTemplate,
  isRelationAllowed,
  type ReqifConfig,
  relationKey,
} from '@tracery/core/advanced';
import { ReqifConfigSchema } from '@tracery/core/schemas';
import { reqifDiagnostic } from '../diagnostics/reqif-diagnostic.js';
import type { ReqifDocument, ReqifHierarchy, ReqifSpecObject, ReqifValue } from '../parse/reqif-document.js';
import { attributeValue, fieldTarget, splitList, valueText } from './map-values.js';

/** Options of {@link mapReqif}. */
export type MapReqifOptions = {
  readonly metamodel: Metamodel;
  /** The repository's `reqif:` settings (defaults when absent). */
  readonly config?: Partial<ReqifConfig>;
  /** The repository's model: ids it holds are not given to new elements. */
  readonly existing?: Model;
  /** ReqIF identifier -> model id from an earlier import of the same file, so a re-import updates. */
  readonly previousIds?: ReadonlyMap<string, string>;
  /** Ids of the earlier import's elements, which this import replaces (free to reuse). */
  readonly replaces?: ReadonlySet<string>;
};

/** What a ReqIF file adds to the model. Elements and relations are sorted; ids maps each ReqIF identifier. */
export type MappedReqif = {
  readonly elements: readonly Element[];
  readonly relations: readonly Relation[];
  /** ReqIF SPEC-OBJECT identifier -> element id, sorted by identifier. */
  readonly ids: ReadonlyMap<string, string>;
  /** The specifications (documents) of the file, with how many spec objects each shows. */
  readonly specifications: readonly { readonly name: string; readonly objects: number }[];
  readonly diagnostics: readonly Diagnostic[];
};

type MutableElement = {
  id: string;
  kind: string;
  name: string;
  description?: string;
  status?: string;
  owner?: string;
  tranche?: string;
  tags?: string[];
  attributes: Record<string, Element['attributes'][string]>;
};
type Draft = { element: MutableElement; foreignId?: string; object: ReqifSpecObject; file: string };

/**
 * Maps ReqIF documents onto the metamodel: each SPEC-OBJECT becomes one element (its type's kind by the
 * `reqif.kinds` mapping or by name, default Requirement), attributes go to fields by `reqif.attributes`
 * and ReqIF's standard names, XHTML becomes Markdown, each SPECIFICATION tree becomes `partOf` relations
 * (child to parent), and each SPEC-RELATION a relation by `reqif.relations` (default `dependsOn`).
 * Ids come from the earlier import, else ReqIF.ForeignID when it fits the kind's id pattern, else
 * `reqif.ids` templates. Problems are returned as diagnostics; it never throws on the file's content.
 *
 * @example
 * const mapped = mapReqif([document], { metamodel: repo.metamodel, existing: repo.model });
 */
export function mapReqif(documents: readonly ReqifDocument[], options: MapReqifOptions): MappedReqif {
  const config = ReqifConfigSchema.parse(options.config ?? {});
  const diagnostics: Diagnostic[] = [];
  const unmapped = new Set<string>();
  const drafts: Draft[] = [];
  for (const document of documents)
    for (const object of document.specObjects) {
      const draft = draftElement(object, document, options.metamodel, config, diagnostics, unmapped);
      if (draft) drafts.push(draft);
    }
  const ids = assignIds(drafts, options, config, diagnostics);
  const elements = drafts
    .map((d) => Object.freeze({ ...d.element, attributes: d.element.attributes }) as Element)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const kindOf = new Map(elements.map((e) => [e.id, e.kind]));
  const kindOfAny = (id: string) => kindOf.get(id) ?? options.existing?.findElement(id)?.kind;
  const relations = new Map<string, Relation>();
  const add: AddRelation = (name, source, target, where, values = []) => {
    const resolved = options.metamodel.relationNames.get(name);
    if (!resolved) {
      diagnostics.push(
        reqifDiagnostic(
          'reqif-relation-not-allowed',
          `${where.file}:${where.line}: relation "${name}" is not in the metamodel; set reqif.relations in tracery.yaml.`,
          { source: { file: where.file, line: where.line, column: 1 } },
        ),
      );
      return;
    }
    const [from, to] = resolved.inverse ? [target, source] : [source, target];
    const type = resolved.type;
    const fromKind = kindOfAny(from);
    const toKind = kindOfAny(to);
    if (!fromKind || !toKind || !isRelationAllowed(options.metamodel, type.name, fromKind, toKind)) {
      diagnostics.push(
        reqifDiagnostic(
          'reqif-relation-not-allowed',
          `${where.file}:${where.line}: ${from} (${fromKind}) -${type.name}-> ${to} (${toKind}) is not allowed by the metamodel; it was left out. Map the ReqIF relation type to another relation in reqif.relations.`,
          { source: { file: where.file, line: where.line, column: 1 } },
        ),
      );
      return;
    }
    const attributes: Record<string, Relation['attributes'][string]> = {};
    for (const { longName, value } of values) {
      const def = type.attributes[longName] ?? BASE_RELATION_FIELDS[longName];
      if (!def) continue;
      const converted = attributeValue(value, def);
      if (typeof converted !== 'object' || Array.isArray(converted)) attributes[longName] = converted;
    }
    const relation: Relation = { type: type.name, source: from, target: to, attributes };
    relations.set(relationKey(relation), relation);
  };
  const specifications: { name: string; objects: number }[] = [];
  for (const document of documents) {
    const spec = mapDocumentLinks(document, ids, { config, metamodel: options.metamodel }, add, diagnostics);
    specifications.push(...spec);
  }
  if (unmapped.size > 0)
    diagnostics.push(
      reqifDiagnostic(
        'reqif-unmapped-attribute',
        `attributes with no place in their kind were not imported: ${[...unmapped].sort().join('; ')}. Map them in reqif.attributes (to a field or an attribute the repository declares) or to "-" to drop them quietly.`,
      ),
    );
  return {
    elements,
    relations: [...relations.values()].sort((a, b) =>
      relationKey(a) < relationKey(b) ? -1 : relationKey(a) > relationKey(b) ? 1 : 0,
    ),
    ids: new Map([...ids.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    specifications,
    diagnostics,
  };
}

function draftElement(
  object: ReqifSpecObject,
  document: ReqifDocument,
  metamodel: Metamodel,
  config: ReqifConfig,
  diagnostics: Diagnostic[],
  unmapped: Set<string>,
): Draft | undefined {
  const source = { file: document.file, line: object.line, column: 1 };
  const type = document.specTypes.get(object.type);
  if (!type)
    diagnostics.push(
      reqifDiagnostic(
        'reqif-unknown-type',
        `${document.file}:${object.line}: spec object ${object.identifier} names type "${object.type}", which the file does not define; it was read as ${config.defaultKind}.`,
        { source },
      ),
    );
  const typeName = type?.longName ?? '';
  const kindName = config.kinds[typeName] ?? (metamodel.kinds.has(typeName) ? typeName : config.defaultKind);
  const kind: KindDef | undefined = metamodel.kinds.get(kindName);
  if (!kind) {
    diagnostics.push(
      reqifDiagnostic(
        'reqif-unknown-type',
        `${document.file}:${object.line}: kind "${kindName}" (for spec object type "${typeName}") is not in the metamodel; set reqif.kinds or reqif.defaultKind in tracery.yaml.`,
        { source },
      ),
    );
    return undefined;
  }
  const element: Draft['element'] = { id: '', kind: kind.name, name: '', attributes: {} };
  let foreignId: string | undefined;
  let firstText: string | undefined;
  for (const value of object.values) {
    const def = type?.attributes.get(value.definition) ?? findDefinition(document, value.definition);
    const longName = def?.longName ?? value.definition;
    const target = fieldTarget(longName, kind, config.attributes);
    if (target === undefined) {
      if (firstText === undefined && (value.type === 'string' || value.type === 'xhtml'))
        firstText = valueText(value).trim() || undefined;
      unmapped.add(`${kind.name}: "${longName}"`);
      continue;
    }
    if ('drop' in target) continue;
    if ('attribute' in target) {
      const converted = attributeValue(value, target.def);
      if (typeof converted === 'object' && !Array.isArray(converted))
        diagnostics.push(
          reqifDiagnostic(
            'reqif-bad-value',
            `${document.file}:${object.line}: "${longName}" of ${object.identifier}: ${converted.misfit} for ${kind.name}.${target.attribute}; left out.`,
            { source },
          ),
        );
      else element.attributes[target.attribute] = converted;
      continue;
    }
    const text = valueText(value).trim();
    if (text === '') continue;
    if (target.field === 'id') foreignId = text;
    else if (target.field === 'tags') element.tags = splitList(text);
    else if (target.field === 'status') {
      const allowed = BASE_FIELDS.status?.values ?? [];
      const status = allowed.find((s) => s === text.toLowerCase().replace(/\s+/g, '-'));
      if (status) element.status = status;
      else
        diagnostics.push(
          reqifDiagnostic(
            'reqif-bad-value',
            `${document.file}:${object.line}: status "${text}" of ${object.identifier} is not one of ${allowed.join(', ')}; left out (map it with reqif.attributes).`,
            { source },
          ),
        );
    } else if (target.field === 'name') element.name ||= firstLine(text);
    else element[target.field] = text;
  }
  // A tool that names its text attribute its own way (FUNC-REQ-TXT) still gives the element its text.
  if (!element.description && firstText) element.description = firstText;
  if (!element.name) element.name = object.longName ?? firstLine(element.description ?? '');
  if (!element.name) {
    element.name = object.identifier;
    diagnostics.push(
      reqifDiagnostic(
        'reqif-unnamed-object',
        `${document.file}:${object.line}: spec object ${object.identifier} has no name, title or text; it was named after its identifier.`,
        { source },
      ),
    );
  }
  return { element, object, file: document.file, ...(foreignId === undefined ? {} : { foreignId }) };
}

function findDefinition(document: ReqifDocument, identifier: string) {
  for (const type of document.specTypes.values()) {
    const def = type.attributes.get(identifier);
    if (def) return def;
  }
  return undefined;
}

const firstLine = (text: string) => {
  const line = text.split('\n')[0]!.trim();
  return line.length > 120 ? `${line.slice(0, 117)}...` : line;
};

const SAFE_ID = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

function assignIds(
  drafts: Draft[],
  options: MapReqifOptions,
  config: ReqifConfig,
  diagnostics: Diagnostic[],
): Map<string, string> {
  const taken = new Set<string>();
  if (options.existing)
    for (const e of options.existing.elements()) if (!options.replaces?.has(e.id)) taken.add(e.id);
  const nextId = createIdTemplateFiller((id) => taken.has(id));
  const ids = new Map<string, string>();
  const fits = (id: string, kind: string) => {
    const pattern = options.metamodel.kinds.get(kind)?.idPattern;
    return SAFE_ID.test(id) && (pattern ? new RegExp(pattern).test(id) : /[A-Za-z]/.test(id));
  };
  const give = (d: Draft, id: string) => {
    d.element.id = id;
    taken.add(id);
    ids.set(d.object.identifier, id);
  };
  const pending: Draft[] = [];
  for (const d of drafts) {
    const previous = options.previousIds?.get(d.object.identifier);
    const wanted =
      previous ?? (d.foreignId !== undefined && fits(d.foreignId, d.element.kind) ? d.foreignId : undefined);
    if (wanted !== undefined && !taken.has(wanted)) give(d, wanted);
    else {
      if (
        wanted !== undefined &&
        previous === undefined &&
        options.existing?.hasElement(wanted) &&
        !options.replaces?.has(wanted)
      )
        diagnostics.push(
          reqifDiagnostic(
            'reqif-id-conflict',
            `${d.file}:${d.object.line}: ReqIF.ForeignID "${wanted}" of ${d.object.identifier} is already an element of the repository; a new id was given instead. If it is the same requirement, import into the file that holds it.`,
            { source: { file: d.file, line: d.object.line, column: 1 } },
          ),
        );
      pending.push(d);
    }
  }
  for (const d of pending) {
    const template = config.ids[d.element.kind] ?? defaultIdTemplate(d.element.kind);
    const id = nextId(template);
    if (!fits(id, d.element.kind))
      diagnostics.push(
        reqifDiagnostic(
          'reqif-id-conflict',
          `${d.file}:${d.object.line}: the id "${id}" made from template "${template}" does not match the id pattern of ${d.element.kind} (${options.metamodel.kinds.get(d.element.kind)?.idPattern ?? 'letters, digits, - _ .'}); set reqif.ids.${d.element.kind} in tracery.yaml to a template that fits, such as "REQ-IMP-{n:3}".`,
          { source: { file: d.file, line: d.object.line, column: 1 } },
        ),
      );
    give(d, id);
  }
  return ids;
}

type AddRelation = (
  name: string,
  source: string,
  target: string,
  where: { file: string; line: number },
  values?: readonly { readonly longName: string; readonly value: ReqifValue }[],
) => void;

function mapDocumentLinks(
  document: ReqifDocument,
  ids: ReadonlyMap<string, string>,
  { config, metamodel }: { readonly config: ReqifConfig; readonly metamodel: Metamodel },
  add: AddRelation,
  diagnostics: Diagnostic[],
): { name: string; objects: number }[] {
  const missing = (what: string, ref: string, line: number) =>
    diagnostics.push(
      reqifDiagnostic(
        'reqif-unresolved-reference',
        `${document.file}:${line}: ${what} names spec object "${ref}", which the file does not hold; the link was left out.`,
        { source: { file: document.file, line, column: 1 } },
      ),
    );
  for (const relation of document.specRelations) {
    const source = ids.get(relation.source);
    const target = ids.get(relation.target);
    if (!source || !target) {
      missing(
        `spec relation ${relation.identifier}`,
        source ? relation.target : relation.source,
        relation.line,
      );
      continue;
    }
    const typeName = document.specTypes.get(relation.type)?.longName ?? relation.longName ?? relation.type;
    const name =
      config.relations[typeName] ??
      (metamodel.relationNames.has(typeName)
        ? typeName
        : (relationByWord(typeName, metamodel) ?? config.defaultRelation));
    const relationType = document.specTypes.get(relation.type);
    const values = relation.values.map((value) => ({
      longName: relationType?.attributes.get(value.definition)?.longName ?? value.definition,
      value,
    }));
    add(name, source, target, { file: document.file, line: relation.line }, values);
  }
  const specifications: { name: string; objects: number }[] = [];
  for (const spec of document.specifications) {
    let objects = 0;
    const stack: { node: ReqifHierarchy; parent?: string }[] = spec.children.map((node) => ({ node }));
    while (stack.length > 0) {
      const { node, parent } = stack.pop()!;
      objects++;
      const id = ids.get(node.object);
      if (!id) missing(`specification "${spec.longName ?? spec.identifier}"`, node.object, spec.line);
      else if (parent && config.hierarchy !== 'none')
        add(config.hierarchy, id, parent, { file: document.file, line: spec.line });
      for (const child of node.children) stack.push({ node: child, ...(id ? { parent: id } : {}) });
    }
    specifications.push({ name: spec.longName ?? spec.identifier, objects });
  }
  return specifications;
}

/** ReqIF tools name their link types in words ("Derive Requirement Relationship", "satisfies"): read the usual ones. */
const WORDS: readonly (readonly [RegExp, string])[] = [
  [/deriv|refine/i, 'refines'],
  [/satisf/i, 'satisfies'],
  [/verif|test/i, 'verifiedBy'],
  [/part of|parent|contain/i, 'partOf'],
];

function relationByWord(typeName: string, metamodel: Metamodel): string | undefined {
  for (const [pattern, name] of WORDS)
    if (pattern.test(typeName) && metamodel.relationNames.has(name)) return name;
  return undefined;
}
