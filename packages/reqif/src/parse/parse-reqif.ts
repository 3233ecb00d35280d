import type { Diagnostic, SourceRef } from '@tracery/core';
import { findMarkupDeclaration } from '@tracery/core/advanced';
import type { XMLParser } from 'fast-xml-parser';
import { reqifDiagnostic } from '../diagnostics/reqif-diagnostic.js';
import { fastXmlParser } from '../xml/fast-xml-parser.js';
import type {
  ReqifAttributeDefinition,
  ReqifDocument,
  ReqifHierarchy,
  ReqifSpecification,
  ReqifSpecObject,
  ReqifSpecRelation,
  ReqifSpecType,
  ReqifValue,
  ReqifValueType,
} from './reqif-document.js';

/** What {@link parseReqif} gives: the document when it could be read, and every problem found. */
export type ParsedReqif = { readonly document?: ReqifDocument; readonly diagnostics: readonly Diagnostic[] };

type Node = Record<string, unknown>;

const VALUE_TYPES: Readonly<Record<string, ReqifValueType>> = {
  STRING: 'string',
  XHTML: 'xhtml',
  ENUMERATION: 'enumeration',
  DATE: 'date',
  INTEGER: 'integer',
  REAL: 'real',
  BOOLEAN: 'boolean',
};

const LISTS = new Set([
  'SPEC-OBJECT',
  'SPEC-RELATION',
  'SPECIFICATION',
  'SPEC-HIERARCHY',
  'SPEC-OBJECT-TYPE',
  'SPEC-RELATION-TYPE',
  'SPECIFICATION-TYPE',
  'RELATION-GROUP-TYPE',
  'ENUM-VALUE',
  'ENUM-VALUE-REF',
  'DATATYPE-DEFINITION-ENUMERATION',
  ...Object.keys(VALUE_TYPES).flatMap((t) => [`ATTRIBUTE-DEFINITION-${t}`, `ATTRIBUTE-VALUE-${t}`]),
]);

/** The parser, made on first use so that importing this package loads no XML code (see fastXmlParser). */
let parser: XMLParser | undefined;
const reqifParser = (): XMLParser =>
  (parser ??= new (fastXmlParser().XMLParser)({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    // XHTML values are kept as their source text, to be turned into Markdown.
    stopNodes: ['*.THE-VALUE', '*.THE-ORIGINAL-VALUE'],
    isArray: (name) => LISTS.has(name),
  }));

/**
 * Reads a ReqIF 1.2 document (the XML of a `.reqif` file) into plain data. Never throws on bad input:
 * a DOCTYPE is refused (no entity is ever expanded), malformed XML is reported with its line, and
 * references to undefined types or objects are reported and left out.
 *
 * @example
 * const { document, diagnostics } = parseReqif(text, 'requirements/doors.reqif');
 */
export function parseReqif(text: string, file: string): ParsedReqif {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = lineStarts(body);
  const at = (offset: number): SourceRef => sourceAt(file, lines, offset);
  if (body.trim() === '')
    return {
      diagnostics: [
        reqifDiagnostic(
          'reqif-empty-file',
          `${file}: the file is empty; export it again from the requirements tool.`,
          { source: { file, line: 1, column: 1 } },
        ),
      ],
    };
  const doctype = findMarkupDeclaration(body)?.offset;
  if (doctype !== undefined)
    return {
      diagnostics: [
        reqifDiagnostic(
          'reqif-doctype-refused',
          `${file}: the file has a DOCTYPE; it was refused and nothing was read, because entities can read local files (XXE) or expand without bound. ReqIF needs no DOCTYPE: remove it.`,
          { source: at(doctype) },
        ),
      ],
    };
  const valid = fastXmlParser().XMLValidator.validate(body);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    return {
      diagnostics: [
        reqifDiagnostic(
          'reqif-malformed-xml',
          `${file}:${line}:${col}: the file is not well-formed XML: ${msg}`,
          {
            source: { file, line: Math.max(1, line), column: Math.max(1, col) },
          },
        ),
      ],
    };
  }
  const root = (reqifParser().parse(body) as Node)['REQ-IF'] as Node | undefined;
  const content = child(child(root, 'CORE-CONTENT'), 'REQ-IF-CONTENT');
  if (!root || !content)
    return {
      diagnostics: [
        reqifDiagnostic(
          'reqif-not-reqif',
          `${file}: the XML is not a ReqIF document: it has no REQ-IF root with CORE-CONTENT/REQ-IF-CONTENT.`,
          { source: { file, line: 1, column: 1 } },
        ),
      ],
    };
  const diagnostics: Diagnostic[] = [];
  const lineOf = (identifier: string) => {
    const offset = body.indexOf(`IDENTIFIER="${identifier}"`);
    return offset === -1 ? 1 : sourceAt(file, lines, offset).line;
  };
  const enums = readEnumerations(child(content, 'DATATYPES'));
  const specTypes = readSpecTypes(child(content, 'SPEC-TYPES'), enums);
  const header = child(child(root, 'THE-HEADER'), 'REQ-IF-HEADER');
  const document: ReqifDocument = {
    file,
    ...optional('title', text0(child(header, 'TITLE'))),
    ...optional('sourceTool', text0(child(header, 'SOURCE-TOOL-ID'))),
    specTypes,
    specObjects: list(child(content, 'SPEC-OBJECTS'), 'SPEC-OBJECT').map((node): ReqifSpecObject => {
      const identifier = attr(node, 'IDENTIFIER');
      return {
        identifier,
        ...optional('longName', attr(node, 'LONG-NAME') || undefined),
        type: ref(child(node, 'TYPE'), 'SPEC-OBJECT-TYPE-REF'),
        values: readValues(child(node, 'VALUES'), specTypes),
        line: lineOf(identifier),
      };
    }),
    specRelations: list(child(content, 'SPEC-RELATIONS'), 'SPEC-RELATION').map((node): ReqifSpecRelation => {
      const identifier = attr(node, 'IDENTIFIER');
      return {
        identifier,
        ...optional('longName', attr(node, 'LONG-NAME') || undefined),
        type: ref(child(node, 'TYPE'), 'SPEC-RELATION-TYPE-REF'),
        source: ref(child(node, 'SOURCE'), 'SPEC-OBJECT-REF'),
        target: ref(child(node, 'TARGET'), 'SPEC-OBJECT-REF'),
        values: readValues(child(node, 'VALUES'), specTypes),
        line: lineOf(identifier),
      };
    }),
    specifications: list(child(content, 'SPECIFICATIONS'), 'SPECIFICATION').map(
      (node): ReqifSpecification => {
        const identifier = attr(node, 'IDENTIFIER');
        return {
          identifier,
          ...optional('longName', attr(node, 'LONG-NAME') || undefined),
          type: ref(child(node, 'TYPE'), 'SPECIFICATION-TYPE-REF'),
          values: readValues(child(node, 'VALUES'), specTypes),
          children: readHierarchy(child(node, 'CHILDREN')),
          line: lineOf(identifier),
        };
      },
    ),
  };
  return { document, diagnostics };
}

function readEnumerations(datatypes: Node | undefined): Map<string, Map<string, string>> {
  const enums = new Map<string, Map<string, string>>();
  for (const node of list(datatypes, 'DATATYPE-DEFINITION-ENUMERATION')) {
    const values = new Map<string, string>();
    for (const value of list(child(node, 'SPECIFIED-VALUES'), 'ENUM-VALUE'))
      values.set(attr(value, 'IDENTIFIER'), attr(value, 'LONG-NAME') || attr(value, 'IDENTIFIER'));
    enums.set(attr(node, 'IDENTIFIER'), values);
  }
  return enums;
}

const ROLES = [
  ['SPEC-OBJECT-TYPE', 'object'],
  ['SPEC-RELATION-TYPE', 'relation'],
  ['SPECIFICATION-TYPE', 'specification'],
  ['RELATION-GROUP-TYPE', 'group'],
] as const;

function readSpecTypes(
  node: Node | undefined,
  enums: Map<string, Map<string, string>>,
): Map<string, ReqifSpecType> {
  const types = new Map<string, ReqifSpecType>();
  for (const [tag, role] of ROLES)
    for (const typeNode of list(node, tag)) {
      const attributes = new Map<string, ReqifAttributeDefinition>();
      const specAttributes = child(typeNode, 'SPEC-ATTRIBUTES');
      for (const [suffix, type] of Object.entries(VALUE_TYPES))
        for (const def of list(specAttributes, `ATTRIBUTE-DEFINITION-${suffix}`)) {
          const identifier = attr(def, 'IDENTIFIER');
          const datatype = ref(child(def, 'TYPE'), `DATATYPE-DEFINITION-${suffix}-REF`);
          const enumValues = type === 'enumeration' ? enums.get(datatype) : undefined;
          attributes.set(identifier, {
            identifier,
            longName: attr(def, 'LONG-NAME') || identifier,
            type,
            ...optional('enumValues', enumValues),
          });
        }
      const identifier = attr(typeNode, 'IDENTIFIER');
      types.set(identifier, {
        identifier,
        longName: attr(typeNode, 'LONG-NAME') || identifier,
        role,
        attributes,
      });
    }
  return types;
}

function readValues(node: Node | undefined, specTypes: ReadonlyMap<string, ReqifSpecType>): ReqifValue[] {
  const values: ReqifValue[] = [];
  for (const [suffix, type] of Object.entries(VALUE_TYPES))
    for (const value of list(node, `ATTRIBUTE-VALUE-${suffix}`)) {
      const definition = ref(child(value, 'DEFINITION'), `ATTRIBUTE-DEFINITION-${suffix}-REF`);
      if (type === 'enumeration') {
        const refs = child(value, 'VALUES')?.['ENUM-VALUE-REF'];
        const chosen = (Array.isArray(refs) ? refs : []).map((r) => textOf(r).trim());
        const names = enumNames(definition, specTypes);
        values.push({ definition, type, value: chosen.map((id) => names?.get(id) ?? id) });
      } else if (type === 'xhtml') {
        values.push({ definition, type, value: textOf(value['THE-VALUE']) });
      } else values.push({ definition, type, value: attr(value, 'THE-VALUE') });
    }
  return values;
}

function enumNames(definition: string, specTypes: ReadonlyMap<string, ReqifSpecType>) {
  for (const type of specTypes.values()) {
    const def = type.attributes.get(definition);
    if (def) return def.enumValues;
  }
  return undefined;
}

/** The tree under a CHILDREN node, read without recursion so that deep trees cannot overflow the stack. */
function readHierarchy(children: Node | undefined): ReqifHierarchy[] {
  type Mutable = { identifier: string; object: string; children: Mutable[] };
  const roots: Mutable[] = [];
  const stack: { node: Node | undefined; into: Mutable[] }[] = [{ node: children, into: roots }];
  while (stack.length > 0) {
    const { node, into } = stack.pop()!;
    for (const h of list(node, 'SPEC-HIERARCHY')) {
      const entry: Mutable = {
        identifier: attr(h, 'IDENTIFIER'),
        object: ref(child(h, 'OBJECT'), 'SPEC-OBJECT-REF'),
        children: [],
      };
      into.push(entry);
      stack.push({ node: child(h, 'CHILDREN'), into: entry.children });
    }
  }
  return roots;
}

function child(node: unknown, name: string): Node | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  const value = (node as Node)[name];
  if (Array.isArray(value)) return value[0] as Node | undefined;
  return value !== null && typeof value === 'object' ? (value as Node) : value === '' ? {} : undefined;
}

function list(node: Node | undefined, name: string): Node[] {
  const value = node?.[name];
  if (!Array.isArray(value)) return [];
  return value.map((v) => (v !== null && typeof v === 'object' ? (v as Node) : {}));
}

function attr(node: Node | undefined, name: string): string {
  const value = node?.[name];
  return typeof value === 'string' ? value : '';
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object' && typeof (value as Node)['#text'] === 'string')
    return (value as Node)['#text'] as string;
  return '';
}

function text0(node: Node | undefined): string | undefined {
  const text = node === undefined ? undefined : textOf(node['#text'] ?? '');
  return text ? text : undefined;
}

function ref(node: Node | undefined, name: string): string {
  const value = node?.[name];
  return textOf(Array.isArray(value) ? value[0] : value).trim();
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function sourceAt(file: string, starts: readonly number[], offset: number): SourceRef {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { file, line: lo + 1, column: offset - starts[lo]! + 1 };
}
