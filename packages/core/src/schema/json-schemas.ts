import { z } from 'zod';
import { modelFileSchema } from '../metamodel/element-schema.js';
import type { Metamodel } from '../metamodel/metamodel.js';
import { TraceryConfigSchema } from '../repository/repository-config.js';

/** A JSON Schema document, as plain data. */
export type JsonSchema = Record<string, unknown>;

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
  return {
    model: {
      ...model,
      title: 'Tracery model file',
      description: 'Elements and relations of a Tracery design repository.',
    },
    config: { ...config, title: 'Tracery repository config (tracery.yaml)' },
  };
}
