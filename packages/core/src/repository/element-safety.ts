import { escapeControlCharacters } from '../report/escape-control-characters.js';
import { idRule, unsafeIdReason } from './id-safety.js';
import type { ModelFileContents, SchemaCache } from './model-drafts.js';
import { textSafetyDiagnostics } from './text-safety.js';
import { type MapNode, positionOf, type YamlSource } from './yaml-position.js';

/**
 * The safety checks of one element as read (the element reader's one hook): an id outside the safe
 * characters is an error and the element is not loaded (ids become file names and URLs); control
 * characters in its text are diagnostics. Returns false when the element must be dropped.
 */
export function checkElementSafety(
  item: Readonly<Record<string, unknown>>,
  id: string,
  node: MapNode,
  source: YamlSource,
  cache: SchemaCache,
  out: ModelFileContents,
): boolean {
  const rule = cache.ids ?? idRule();
  const reason = unsafeIdReason(id, rule);
  if (reason !== undefined) {
    out.brokenIds.push(id);
    out.diagnostics.push({
      code: 'unsafe-id',
      severity: 'error',
      elementId: id,
      source: positionOf(source, node.get('id', true) ?? node),
      message: `the id "${escapeControlCharacters(id)}" is not a safe id: ${reason}; rename it, or allow more characters with ids.extraCharacters in tracery.yaml.`,
    });
    return false;
  }
  for (const diagnostic of textSafetyDiagnostics(item, id, node, source)) out.diagnostics.push(diagnostic);
  return true;
}
