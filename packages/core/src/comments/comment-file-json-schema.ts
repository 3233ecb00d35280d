import { z } from 'zod';
import type { JsonSchema } from '../schema/json-schemas.js';
import { CommentEntrySchema, CommentFileSchema } from './comment.js';
import type { CommentStatusDef } from './comments-config.js';

type SchemaNode = { properties?: Record<string, SchemaNode>; items?: SchemaNode } & Record<string, unknown>;

const TO_JSON = { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' } as const;

/**
 * The JSON Schema of a comment file (`comments/**\/*.yaml`), for editors: the file's artefact and
 * round, and each comment with its fields and the repository's statuses (names and aliases, as the
 * loader accepts them). Generated from the zod schemas the loader validates with, so the editor and
 * `tracery validate` cannot disagree on the shape; ids of artefacts and elements are checked by the
 * loader only, because they change with the model.
 *
 * @example
 * const schema = commentFileJsonSchema(commentStatuses(config.comments));
 */
export function commentFileJsonSchema(statuses: readonly CommentStatusDef[]): JsonSchema {
  const file = z.toJSONSchema(CommentFileSchema, TO_JSON) as SchemaNode;
  const entry = z.toJSONSchema(CommentEntrySchema, TO_JSON) as SchemaNode;
  delete entry.$schema;
  const status = entry.properties?.status;
  if (status) {
    const written = statuses.flatMap((s) => [s.name, ...s.aliases]);
    status.enum = [...new Set(written)];
    status.description = `${statuses.map((s) => (s.meaning ? `${s.name}: ${s.meaning}` : s.name)).join(' ')}`;
  }
  const comments = file.properties?.comments;
  if (comments) comments.items = entry;
  return {
    ...file,
    title: 'Tracery review-comment file',
    description: 'The review comments on one artefact in one review round (one file per artefact and round).',
  };
}
