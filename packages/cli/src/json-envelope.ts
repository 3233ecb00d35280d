import { DiagnosticSchema } from '@tracery/core/schemas';
import { z } from 'zod';
import { payloadConditions } from './payloads/command-payloads.js';

/**
 * The version of the `--json` output: it changes when the envelope's shape, or a payload's, changes
 * in a way a reader of the previous version would misread (2: one path-step shape, one name for counts).
 */
export const ENVELOPE_SCHEMA_VERSION = 2;

/** The repository a command worked on: its root folder and the name tracery.yaml gives it. */
export const EnvelopeRepositorySchema = z.object({
  root: z.string(),
  name: z.string().optional(),
});

/**
 * What every `tracery <command> --json` prints: one shape for every command. `payload` is the
 * command's own answer (null when it failed before it had one); `diagnostics` are the problems met
 * on the way (load diagnostics, unknown ids, bad usage), in the shape of every Tracery diagnostic.
 */
export const JsonEnvelopeSchema = z.object({
  schemaVersion: z.literal(ENVELOPE_SCHEMA_VERSION),
  command: z.string().regex(/^[a-z][a-z0-9-]*( [a-z][a-z0-9-]*)*$/),
  ok: z.boolean(),
  repository: EnvelopeRepositorySchema.nullable(),
  payload: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown()), z.null()]),
  diagnostics: z.array(DiagnosticSchema),
});

/** The `--json` envelope (see {@link JsonEnvelopeSchema}). */
export type JsonEnvelope = z.infer<typeof JsonEnvelopeSchema>;

/**
 * Builds the envelope of a command's JSON output.
 *
 * @example
 * jsonEnvelope({ command: 'stats', ok: true, repository: { root: '/r' }, payload: { elements: 3 } })
 */
export function jsonEnvelope(parts: {
  readonly command: string;
  readonly ok: boolean;
  readonly repository?: JsonEnvelope['repository'] | undefined;
  readonly payload: JsonEnvelope['payload'] | object;
  readonly diagnostics?: JsonEnvelope['diagnostics'] | undefined;
}): JsonEnvelope {
  return {
    schemaVersion: ENVELOPE_SCHEMA_VERSION,
    command: parts.command,
    ok: parts.ok,
    repository: parts.repository ?? null,
    payload: parts.payload as JsonEnvelope['payload'],
    diagnostics: [...(parts.diagnostics ?? [])],
  };
}

/** The envelope as the JSON text a command prints (two-space indented, with a final newline). */
export function renderEnvelope(envelope: JsonEnvelope): string {
  return `${JSON.stringify(envelope, null, 2)}\n`;
}

/**
 * The JSON Schema (draft 2020-12) of the envelope and of each command's payload (chosen by `command`),
 * as `tracery schema` writes it and
 * `packages/cli/schema/output.schema.json` publishes it.
 */
export function envelopeJsonSchema(): Record<string, unknown> {
  return {
    title: 'tracery --json output',
    ...z.toJSONSchema(JsonEnvelopeSchema, { target: 'draft-2020-12' }),
    // each command's payload, by the envelope's `command` (COMMAND_PAYLOADS)
    allOf: payloadConditions(),
  };
}
