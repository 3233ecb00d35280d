import { z } from 'zod';
import { modelFileSchema } from '../metamodel/element-schema.js';
import type { Metamodel } from '../metamodel/metamodel.js';
import { TraceryConfigSchema } from '../repository/repository-config.js';

/** A JSON Schema document, as plain data. */
export type JsonSchema = Record<string, unknown>;

type SchemaNode = { properties?: Record<string, SchemaNode> } & Record<string, unknown>;

/**
 * Narrows the names of the `impact:` section to the metamodel's: relation types for `effects`,
 * relation names for `followUps` and `skipTypes`, kinds for `stopAtKinds`.
 */
function namesInImpact(config: JsonSchema, metamodel: Metamodel): void {
  const impact = (config as SchemaNode).properties?.impact?.properties;
  if (!impact) return;
  const types = [...metamodel.relationTypes.keys()].sort();
  const names = [...metamodel.relationNames.keys()].sort();
  const kinds = [...metamodel.kinds.keys()].sort();
  if (impact.effects) impact.effects.propertyNames = { type: 'string', enum: types };
  for (const [key, values] of [
    ['followUps', names],
    ['skipTypes', names],
    ['stopAtKinds', kinds],
  ] as const)
    if (impact[key]) impact[key].items = { type: 'string', enum: values };
}

/**
 * The JSON Schemas that editors use to validate and complete a repository's files as they are typed
 * (yaml-language-server reads them from a `# yaml-language-server: $schema=...` comment). Both are
 * generated from the zod schemas that the loader validates with, so they cannot disagree with it;
 * the model schema includes the repository's own kinds, attributes and relations.
 *
 * @example
 * const { model, config } = jsonSchemas(loaded.metamodel);
 */
export function jsonSchemas(metamodel: Metamodel): { model: JsonSchema; config: JsonSchema } {
  const model = z.toJSONSchema(modelFileSchema(metamodel), {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema;
  const config = z.toJSONSchema(TraceryConfigSchema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema;
  namesInImpact(config, metamodel);
  return {
    model: {
      ...model,
      title: 'Tracery model file',
      description: 'Elements and relations of a Tracery design repository.',
    },
    config: { ...config, title: 'Tracery repository config (tracery.yaml)' },
  };
}
