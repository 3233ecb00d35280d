import * as crypto from 'node:crypto';
import { canonicalElement } from '../model/canonical-model.js';
import type { Element, Relation } from '../model/element.js';

/** Node's one-shot hash, where it has one (20.12 and later): quicker than a Hash object for short texts. */
const oneShot = (crypto as Partial<typeof crypto>).hash;

/** The sha256 of a text, in hex (the one-shot hash where Node has it, else a Hash object: the same digest). */
export function sha256(text: string): string {
  return oneShot ? oneShot('sha256', text, 'hex') : crypto.createHash('sha256').update(text).digest('hex');
}

function sortedAttributes(attributes: Relation['attributes']): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(attributes).sort()) out[key] = attributes[key];
  return out;
}

/**
 * The content hash of an element: sha256 (hex) of its canonical JSON (id, kind, fields, sorted
 * attributes). Its relations are not part of it, so linking an element does not change its hash.
 *
 * @example
 * elementHash(model.getElement('IF-021')) // '3f2a…' (64 hex digits)
 */
export function elementHash(element: Element): string {
  return sha256(JSON.stringify(canonicalElement(element)));
}

/** A relation in canonical form: type, source, target, attributes sorted. */
export function canonicalRelation(relation: Relation): Relation {
  return {
    type: relation.type,
    source: relation.source,
    target: relation.target,
    attributes: sortedAttributes(relation.attributes) as Relation['attributes'],
  };
}

/**
 * The content hash of a relation: sha256 (hex) of its canonical JSON.
 *
 * @example
 * relationHash({ type: 'carries', source: 'IF-021', target: 'MB-M0', attributes: {} })
 */
export function relationHash(relation: Relation): string {
  return sha256(JSON.stringify(canonicalRelation(relation)));
}
