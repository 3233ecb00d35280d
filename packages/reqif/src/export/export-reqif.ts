import type { AttributeDef, Element, Metamodel, Model, Relation } from '@tracery/core';
import { fastXmlParser } from '../xml/fast-xml-parser.js';
import { markdownToXhtml } from './markdown-to-xhtml.js';

/** Options of {@link exportReqif}. */
export type ExportReqifOptions = {
  /** The kinds to export (default: every kind that has elements). */
  readonly kinds?: readonly string[];
  /** The document's title (default: "Tracery export"). */
  readonly title?: string;
  /** LAST-CHANGE and CREATION-TIME, as an ISO date-time; pass one for byte-identical output. */
  readonly time?: string;
};

type Node = Record<string, unknown>;
type Datatype = 'STRING' | 'XHTML' | 'INTEGER' | 'REAL' | 'BOOLEAN' | 'DATE' | 'ENUMERATION';

const BASE_STRING_FIELDS = ['status', 'owner', 'tranche', 'tags'] as const;
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Writes the model's elements as a ReqIF 1.2 document that validates against the OMG schema: one
 * SPEC-OBJECT-TYPE per kind (LONG-NAME the kind), one SPEC-OBJECT per element with ReqIF.ForeignID (its
 * id), ReqIF.Name, ReqIF.Text (the description as XHTML), its base fields and its kind's attributes; one
 * SPEC-RELATION per relation between exported elements (type LONG-NAME the relation name); and one
 * SPECIFICATION whose tree follows `partOf`. `importReqif` reads it back to the same elements and relations.
 *
 * @example
 * await writeFile('design.reqif', exportReqif(repo.model, { kinds: ['Requirement', 'TestCase'] }));
 */
export function exportReqif(model: Model, options: ExportReqifOptions = {}): string {
  const time = options.time ?? new Date().toISOString();
  const metamodel = model.metamodel;
  const wanted = options.kinds ? new Set(options.kinds) : undefined;
  const elements = [...model.elements()]
    .filter((e) => !wanted || wanted.has(e.kind))
    .sort((a, b) => compare(a.id, b.id));
  const exported = new Set(elements.map((e) => e.id));
  const relations = [...model.relations()]
    .filter((r) => exported.has(r.source) && exported.has(r.target))
    .sort((a, b) => compare(`${a.source} ${a.type} ${a.target}`, `${b.source} ${b.type} ${b.target}`));
  const kinds = [...new Set(elements.map((e) => e.kind))].sort(compare);
  const stamp = { '@_LAST-CHANGE': time };
  const datatypes = buildDatatypes(kinds, metamodel, stamp);
  const objectTypes = kinds.map((kind) => buildObjectType(kind, metamodel, stamp));
  const relationTypes = buildRelationTypes(relations, stamp);
  const doc: Node = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    'REQ-IF': {
      '@_xmlns': 'http://www.omg.org/spec/ReqIF/20110401/reqif.xsd',
      '@_xmlns:xhtml': 'http://www.w3.org/1999/xhtml',
      'THE-HEADER': {
        'REQ-IF-HEADER': {
          '@_IDENTIFIER': '_header',
          COMMENT: 'Exported by Tracery (tracery export reqif).',
          'CREATION-TIME': time,
          'REQ-IF-TOOL-ID': 'Tracery',
          'REQ-IF-VERSION': '1.0',
          'SOURCE-TOOL-ID': 'Tracery',
          TITLE: options.title ?? 'Tracery export',
        },
      },
      'CORE-CONTENT': {
        'REQ-IF-CONTENT': {
          DATATYPES: datatypes,
          'SPEC-TYPES': {
            'SPEC-OBJECT-TYPE': objectTypes,
            'SPEC-RELATION-TYPE': relationTypes.types,
            'SPECIFICATION-TYPE': [
              { '@_IDENTIFIER': '_spectype', '@_LONG-NAME': 'Tracery export', ...stamp },
            ],
          },
          'SPEC-OBJECTS': { 'SPEC-OBJECT': elements.map((e) => buildObject(e, metamodel, stamp)) },
          'SPEC-RELATIONS': {
            'SPEC-RELATION': relations.map((r, i) => buildRelation(r, i, relationTypes.attributes, stamp)),
          },
          SPECIFICATIONS: {
            SPECIFICATION: [
              {
                '@_IDENTIFIER': '_spec',
                '@_LONG-NAME': options.title ?? 'Tracery export',
                ...stamp,
                TYPE: { 'SPECIFICATION-TYPE-REF': '_spectype' },
                CHILDREN: { 'SPEC-HIERARCHY': buildHierarchy(elements, relations, stamp) },
              },
            ],
          },
        },
      },
    },
  };
  const builder = new (fastXmlParser().XMLBuilder)({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    format: true,
    indentBy: '  ',
    suppressEmptyNode: true,
    processEntities: true,
    // XHTML values are built (and escaped) by markdownToXhtml.
    stopNodes: ['*.THE-VALUE'],
  });
  return `${builder.build(doc) as string}`;
}

const ident = (...parts: string[]) => `_${parts.join('-').replace(/[^A-Za-z0-9_.-]/g, '_')}`;

function datatypeOf(def: AttributeDef): Datatype {
  switch (def.type) {
    case 'integer':
      return 'INTEGER';
    case 'number':
      return 'REAL';
    case 'boolean':
      return 'BOOLEAN';
    case 'date':
      return 'DATE';
    case 'enum':
      return 'ENUMERATION';
    default:
      return 'STRING';
  }
}

function buildDatatypes(kinds: readonly string[], metamodel: Metamodel, stamp: Node): Node {
  const enums: Node[] = [];
  for (const kind of kinds)
    for (const [name, def] of Object.entries(metamodel.kinds.get(kind)?.attributes ?? {}).sort(([a], [b]) =>
      compare(a, b),
    ))
      if (def.type === 'enum')
        enums.push({
          '@_IDENTIFIER': ident('dt', kind, name),
          '@_LONG-NAME': `${kind}.${name}`,
          ...stamp,
          'SPECIFIED-VALUES': {
            'ENUM-VALUE': (def.values ?? []).map((value, i) => ({
              '@_IDENTIFIER': ident('ev', kind, name, String(i)),
              '@_LONG-NAME': value,
              ...stamp,
              PROPERTIES: { 'EMBEDDED-VALUE': { '@_KEY': String(i), '@_OTHER-CONTENT': '' } },
            })),
          },
        });
  return {
    'DATATYPE-DEFINITION-BOOLEAN': { '@_IDENTIFIER': '_dt-boolean', '@_LONG-NAME': 'Boolean', ...stamp },
    'DATATYPE-DEFINITION-DATE': { '@_IDENTIFIER': '_dt-date', '@_LONG-NAME': 'Date', ...stamp },
    'DATATYPE-DEFINITION-ENUMERATION': enums,
    'DATATYPE-DEFINITION-INTEGER': {
      '@_IDENTIFIER': '_dt-integer',
      '@_LONG-NAME': 'Integer',
      '@_MIN': '-2147483648',
      '@_MAX': '2147483647',
      ...stamp,
    },
    'DATATYPE-DEFINITION-REAL': {
      '@_IDENTIFIER': '_dt-real',
      '@_LONG-NAME': 'Real',
      '@_ACCURACY': '10',
      '@_MIN': '-1e300',
      '@_MAX': '1e300',
      ...stamp,
    },
    'DATATYPE-DEFINITION-STRING': {
      '@_IDENTIFIER': '_dt-string',
      '@_LONG-NAME': 'String',
      '@_MAX-LENGTH': '1000000',
      ...stamp,
    },
    'DATATYPE-DEFINITION-XHTML': { '@_IDENTIFIER': '_dt-xhtml', '@_LONG-NAME': 'XHTML', ...stamp },
  };
}

/** The attribute definitions of a kind: standard ReqIF names first, then base fields, then the kind's attributes. */
function definitionsOf(
  kind: string,
  metamodel: Metamodel,
): { name: string; longName: string; type: Datatype; datatype: string }[] {
  const defs = [
    { name: 'id', longName: 'ReqIF.ForeignID', type: 'STRING' as Datatype, datatype: '_dt-string' },
    { name: 'name', longName: 'ReqIF.Name', type: 'STRING' as Datatype, datatype: '_dt-string' },
    { name: 'description', longName: 'ReqIF.Text', type: 'XHTML' as Datatype, datatype: '_dt-xhtml' },
    ...BASE_STRING_FIELDS.map((f) => ({
      name: f,
      longName: f,
      type: 'STRING' as Datatype,
      datatype: '_dt-string',
    })),
  ];
  for (const [name, def] of Object.entries(metamodel.kinds.get(kind)?.attributes ?? {}).sort(([a], [b]) =>
    compare(a, b),
  )) {
    const type = datatypeOf(def);
    defs.push({
      name,
      longName: name,
      type,
      datatype: type === 'ENUMERATION' ? ident('dt', kind, name) : `_dt-${type.toLowerCase()}`,
    });
  }
  return defs;
}

function buildObjectType(kind: string, metamodel: Metamodel, stamp: Node): Node {
  const byType = new Map<Datatype, Node[]>();
  for (const def of definitionsOf(kind, metamodel)) {
    const node: Node = {
      '@_IDENTIFIER': ident('ad', kind, def.name),
      '@_LONG-NAME': def.longName,
      ...stamp,
      ...(def.type === 'ENUMERATION' ? { '@_MULTI-VALUED': 'false' } : {}),
      TYPE: { [`DATATYPE-DEFINITION-${def.type}-REF`]: def.datatype },
    };
    const group = byType.get(def.type);
    if (group) group.push(node);
    else byType.set(def.type, [node]);
  }
  const attributes: Node = {};
  for (const [type, nodes] of [...byType.entries()].sort(([a], [b]) => compare(a, b)))
    attributes[`ATTRIBUTE-DEFINITION-${type}`] = nodes;
  return {
    '@_IDENTIFIER': ident('type', kind),
    '@_LONG-NAME': kind,
    ...stamp,
    'SPEC-ATTRIBUTES': attributes,
  };
}

function buildObject(element: Element, metamodel: Metamodel, stamp: Node): Node {
  const values = new Map<Datatype, Node[]>();
  const put = (type: Datatype, node: Node) => {
    const group = values.get(type);
    if (group) group.push(node);
    else values.set(type, [node]);
  };
  for (const def of definitionsOf(element.kind, metamodel)) {
    const raw =
      def.name === 'id'
        ? element.id
        : def.name in element.attributes
          ? element.attributes[def.name]
          : (element as Record<string, unknown>)[def.name];
    if (raw === undefined || raw === '') continue;
    const ref = { [`ATTRIBUTE-DEFINITION-${def.type}-REF`]: ident('ad', element.kind, def.name) };
    if (def.type === 'XHTML') put(def.type, { DEFINITION: ref, 'THE-VALUE': markdownToXhtml(String(raw)) });
    else if (def.type === 'ENUMERATION') {
      const values = metamodel.kinds.get(element.kind)?.attributes[def.name]?.values ?? [];
      const index = values.indexOf(String(raw));
      if (index !== -1)
        put(def.type, {
          DEFINITION: ref,
          VALUES: { 'ENUM-VALUE-REF': ident('ev', element.kind, def.name, String(index)) },
        });
    } else {
      const text = Array.isArray(raw)
        ? raw.join(', ')
        : def.type === 'DATE'
          ? `${String(raw)}T00:00:00Z`
          : String(raw);
      put(def.type, { '@_THE-VALUE': text, DEFINITION: ref });
    }
  }
  const node: Node = {
    '@_IDENTIFIER': ident('obj', element.id),
    ...stamp,
    TYPE: { 'SPEC-OBJECT-TYPE-REF': ident('type', element.kind) },
  };
  const valuesNode: Node = {};
  for (const [type, nodes] of [...values.entries()].sort(([a], [b]) => compare(a, b)))
    valuesNode[`ATTRIBUTE-VALUE-${type}`] = nodes;
  node.VALUES = valuesNode;
  return node;
}

function buildRelationTypes(relations: readonly Relation[], stamp: Node) {
  const attributes = new Map<string, string[]>();
  for (const r of relations) {
    const keys = attributes.get(r.type) ?? [];
    for (const key of Object.keys(r.attributes)) if (!keys.includes(key)) keys.push(key);
    attributes.set(r.type, keys);
  }
  const types = [...attributes.entries()]
    .sort(([a], [b]) => compare(a, b))
    .map(([type, keys]) => ({
      '@_IDENTIFIER': ident('reltype', type),
      '@_LONG-NAME': type,
      ...stamp,
      ...(keys.length === 0
        ? {}
        : {
            'SPEC-ATTRIBUTES': {
              'ATTRIBUTE-DEFINITION-STRING': keys.sort(compare).map((key) => ({
                '@_IDENTIFIER': ident('rad', type, key),
                '@_LONG-NAME': key,
                ...stamp,
                TYPE: { 'DATATYPE-DEFINITION-STRING-REF': '_dt-string' },
              })),
            },
          }),
    }));
  return { types, attributes };
}

function buildRelation(
  relation: Relation,
  index: number,
  _attributes: ReadonlyMap<string, string[]>,
  stamp: Node,
): Node {
  const keys = Object.keys(relation.attributes).sort(compare);
  return {
    '@_IDENTIFIER': ident('rel', String(index + 1)),
    ...stamp,
    ...(keys.length === 0
      ? {}
      : {
          VALUES: {
            'ATTRIBUTE-VALUE-STRING': keys.map((key) => ({
              '@_THE-VALUE': String(relation.attributes[key]),
              DEFINITION: { 'ATTRIBUTE-DEFINITION-STRING-REF': ident('rad', relation.type, key) },
            })),
          },
        }),
    TYPE: { 'SPEC-RELATION-TYPE-REF': ident('reltype', relation.type) },
    SOURCE: { 'SPEC-OBJECT-REF': ident('obj', relation.source) },
    TARGET: { 'SPEC-OBJECT-REF': ident('obj', relation.target) },
  };
}

/** The specification tree: each element under the whole it is `partOf` (its first, by id), roots sorted by id. */
function buildHierarchy(elements: readonly Element[], relations: readonly Relation[], stamp: Node): Node[] {
  const parent = new Map<string, string>();
  for (const r of relations)
    if (r.type === 'partOf' && !parent.has(r.source) && r.source !== r.target) parent.set(r.source, r.target);
  // A cycle of partOf would make a tree without roots: break it at the element first by id.
  for (const e of elements) {
    const seen = new Set<string>();
    for (let at: string | undefined = e.id; at !== undefined; at = parent.get(at)) {
      if (seen.has(at)) {
        parent.delete(at);
        break;
      }
      seen.add(at);
    }
  }
  const children = new Map<string, string[]>();
  for (const e of elements) {
    const p = parent.get(e.id) ?? '';
    const group = children.get(p);
    if (group) group.push(e.id);
    else children.set(p, [e.id]);
  }
  const build = (id: string): Node => {
    const kids = children.get(id) ?? [];
    return {
      '@_IDENTIFIER': ident('h', id),
      ...stamp,
      OBJECT: { 'SPEC-OBJECT-REF': ident('obj', id) },
      ...(kids.length === 0 ? {} : { CHILDREN: { 'SPEC-HIERARCHY': kids.map(build) } }),
    };
  };
  return (children.get('') ?? []).map(build);
}
