import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { escapeControlCharacters, findControlCharacter } from '../report/escape-control-characters.js';
import { keyNode, type MapNode, nodeAtPath, positionOf, type YamlSource } from './yaml-position.js';

/** The fields that name things: a control character there (even a tab or line break) is an error. */
const NAMES = new Set(['id', 'name']);

/** A value as one line of a message: control characters escaped, line breaks and tabs shown as \\n and \\t. */
const show = (text: string) =>
  escapeControlCharacters(text.length > 60 ? `${text.slice(0, 60)}...` : text)
    .replaceAll('\t', '\\t')
    .replaceAll('\n', '\\n');

/**
 * Diagnostics for control characters in an element's text: in a name (or in a key) an error, since
 * names go to terminals, file names and pages; in other text (descriptions, attributes, relation
 * attributes) a warning, tabs and line breaks allowed. Each names the field, the character and where.
 */
export function textSafetyDiagnostics(
  item: Readonly<Record<string, unknown>>,
  id: string,
  node: MapNode,
  source: YamlSource,
): Diagnostic[] {
  const found: Diagnostic[] = [];
  // `path` is the path of the value's container and `segment` its key or index there; the value's own
  // path is made only for a diagnostic or to go deeper (most values are clean text).
  const visit = (value: unknown, path: readonly (string | number)[], segment: string | number): void => {
    if (typeof value === 'string') {
      const strict = path.length === 0 && NAMES.has(String(segment));
      const hit = findControlCharacter(value, { lineBreaks: !strict });
      if (hit) {
        const at = [...path, segment];
        found.push({
          code: 'control-character',
          severity: strict ? 'error' : 'warning',
          elementId: id,
          source: positionOf(source, nodeAtPath(node, at) ?? node),
          message: `${at.join('.')} of ${show(id)} holds the control character ${escapeControlCharacters(hit.char)} ("${show(value)}"); remove it${strict ? '' : ', or write the text without control characters'}.`,
        });
      }
    } else if (typeof value === 'object' && value !== null) visitContainer(value, [...path, segment]);
  };
  const visitContainer = (value: object, path: readonly (string | number)[]): void => {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) visit(value[i], path, i);
      return;
    }
    for (const key of Object.keys(value)) {
      checkKey(key, path);
      visit((value as Record<string, unknown>)[key], path, key);
    }
  };
  // The key's node is looked up only for a diagnostic: most keys are clean.
  const checkKey = (key: string, path: readonly (string | number)[]) => {
    const hit = findControlCharacter(key, { lineBreaks: false });
    if (hit)
      found.push({
        code: 'control-character',
        severity: 'error',
        elementId: id,
        source: positionOf(source, (path.length === 0 ? keyNode(node, key) : nodeAtPath(node, path)) ?? node),
        message: `the key "${show(key)}" on ${show(id)} holds the control character ${escapeControlCharacters(hit.char)}; remove it.`,
      });
  };
  visitContainer(item, []);
  return found;
}
