import type { AttributeType } from '@tracery/core';
import neo4j, { type Integer } from 'neo4j-driver';

/** A value as it is sent to Neo4j: integers as 64-bit `Integer`, other numbers as floats. */
export type PropertyValue = string | number | boolean | Integer | readonly string[];

/** A value encoded for Neo4j, and whether it had to go as a JSON string. */
export type EncodedValue = { readonly value: PropertyValue; readonly json: boolean };

/**
 * Encodes an attribute value for a property. Whole numbers become `Integer` (the driver would send
 * a JS number as a float) unless the attribute is declared `number`; strings, booleans and lists of
 * strings go as they are; anything else (nested objects, mixed lists) goes as a JSON string.
 *
 * @example
 * encodeValue(3, 'integer') // { value: Integer(3), json: false }
 */
export function encodeValue(value: unknown, declared?: AttributeType): EncodedValue | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'boolean') return { value, json: false };
  if (typeof value === 'number') {
    const whole = Number.isSafeInteger(value) && !Object.is(value, -0);
    return { value: whole && declared !== 'number' ? neo4j.int(value) : value, json: false };
  }
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return { value: [...value] as string[], json: false };
  }
  return { value: JSON.stringify(value), json: true };
}

/** A property value read back from Neo4j, or undefined when it cannot be an attribute value. */
export function decodeValue(value: unknown, json: boolean): unknown {
  if (json) return parseJson(value);
  if (neo4j.isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) {
    const items = value.map((item) => decodeValue(item, false));
    return items.includes(undefined) ? undefined : items;
  }
  if (isTemporal(value)) return String(value);
  return undefined;
}

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

function isTemporal(value: unknown): boolean {
  return (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isDuration(value)
  );
}

/**
 * A canonical text for a property value that tells integers from floats, so that two values
 * have the same text exactly when Neo4j stores the same thing.
 */
export function canonicalValue(value: unknown): string {
  // Strings first: most values are (an Integer is an object, so the order changes no answer).
  if (typeof value === 'string') return JSON.stringify(value);
  if (neo4j.isInt(value)) return `i${value.toString()}`;
  if (typeof value === 'number') return `f${Object.is(value, -0) ? '-0' : String(value)}`;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map(canonicalValue).join(',')}]`;
  return `o${String(value)}`;
}

/** A canonical text for a map of properties: keys sorted with `<`, each with its canonical value. */
export function canonicalProperties(properties: Readonly<Record<string, unknown>>, skip?: string): string {
  const keys = Object.keys(properties);
  // Most property maps come with their keys already in order (a plan adds them so): sort only if not.
  let sorted = true;
  for (let i = 1; i < keys.length && sorted; i++) sorted = keys[i - 1]! < keys[i]!;
  if (!sorted) keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  // One text built by appending (an export hashes every row it plans: no array per map).
  let text = '{';
  for (const key of keys) {
    if (key === skip) continue;
    if (text.length > 1) text += ',';
    text += `${quotedKey(key)}:${canonicalValue(properties[key])}`;
  }
  return `${text}}`;
}

/** `JSON.stringify` of a property key, remembered: a model has few keys and many rows. */
function quotedKey(key: string): string {
  let quoted = QUOTED_KEYS.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    if (QUOTED_KEYS.size < 10_000) QUOTED_KEYS.set(key, quoted);
  }
  return quoted;
}

const QUOTED_KEYS = new Map<string, string>();
