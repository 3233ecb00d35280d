import type { AttributeDef, AttributeValue, KindDef } from '@tracery/core';
import type { ReqifValue } from '../parse/reqif-document.js';
import { xhtmlToMarkdown } from './xhtml-to-markdown.js';

/** Where a ReqIF attribute goes on an element: a base field, an attribute of the kind, the id, or nowhere. */
export type FieldTarget =
  | { readonly field: 'id' | 'name' | 'description' | 'status' | 'owner' | 'tranche' | 'tags' }
  | { readonly attribute: string; readonly def: AttributeDef }
  | { readonly drop: true }
  | undefined;

const STANDARD: Readonly<Record<string, 'id' | 'name' | 'description'>> = {
  'ReqIF.ForeignID': 'id',
  'ReqIF.Name': 'name',
  'ReqIF.ChapterName': 'name',
  'ReqIF.Text': 'description',
  'ReqIF.Description': 'description',
};
const BASE = new Set(['id', 'name', 'description', 'status', 'owner', 'tranche', 'tags']);

/**
 * Where the ReqIF attribute `longName` goes for an element of `kind`: the repository's mapping first,
 * then ReqIF's standard names, then a base field or attribute of the same name.
 */
export function fieldTarget(
  longName: string,
  kind: KindDef,
  mapping: Readonly<Record<string, string>>,
): FieldTarget {
  const named = mapping[longName] ?? STANDARD[longName] ?? longName;
  if (named === '-') return { drop: true };
  if (BASE.has(named)) return { field: named as 'id' };
  const def = kind.attributes[named];
  return def ? { attribute: named, def } : undefined;
}

/** The text of a value: XHTML as Markdown, enumerations joined by ", ". */
export function valueText(value: ReqifValue): string {
  if (value.type === 'xhtml') return xhtmlToMarkdown(String(value.value));
  if (Array.isArray(value.value)) return value.value.join(', ');
  return String(value.value);
}

/** A value converted to what an attribute declares, or a reason it does not fit. */
export function attributeValue(
  value: ReqifValue,
  def: AttributeDef,
): AttributeValue | { readonly misfit: string } {
  const text = valueText(value).trim();
  switch (def.type) {
    case 'integer':
      return /^[-+]?\d+$/.test(text) ? Number(text) : { misfit: `"${text}" is not a whole number` };
    case 'number':
      return text !== '' && Number.isFinite(Number(text))
        ? Number(text)
        : { misfit: `"${text}" is not a number` };
    case 'boolean':
      return text === 'true' || text === 'false'
        ? text === 'true'
        : { misfit: `"${text}" is not true or false` };
    case 'date': {
      const date = /^(\d{4}-\d{2}-\d{2})/.exec(text)?.[1];
      return date ?? { misfit: `"${text}" is not a date (YYYY-MM-DD)` };
    }
    case 'string-list':
      return Array.isArray(value.value) ? [...value.value] : splitList(text);
    case 'enum': {
      const allowed = def.values ?? [];
      return allowed.includes(text) ? text : { misfit: `"${text}" is not one of ${allowed.join(', ')}` };
    }
    default:
      return text;
  }
}

/** A list written as text: items separated by commas or new lines. */
export function splitList(text: string): string[] {
  return text
    .split(/\s*[,\n]\s*/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
