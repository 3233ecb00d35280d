import { z } from 'zod';
import {
  CommentExportPayloadSchema,
  CommentImportPayloadSchema,
  SheetExportPayloadSchema,
  SheetImportPayloadSchema,
  TrackerPayloadSchema,
} from './exchange-payloads.js';
import { AssessmentPayloadSchema, ComparisonPayloadSchema, ImpactPayloadSchema } from './impact-payloads.js';
import {
  BaselineCreatePayloadSchema,
  BaselineListPayloadSchema,
  CheckPayloadSchema,
  DiffPayloadSchema,
  ExportPayloadSchema,
  FolderPayloadSchema,
  HistoryPayloadSchema,
  ImportPayloadSchema,
  MetamodelPayloadSchema,
  ReviewPayloadSchema,
  StatsPayloadSchema,
  TypesPayloadSchema,
  ValidatePayloadSchema,
} from './repository-payloads.js';
import { TestTracePayloadSchema, TracePayloadSchema } from './trace-payloads.js';

/**
 * The payload of each command's `--json` envelope, by the envelope's `command`. The published schema
 * (`packages/cli/schema/output.schema.json`) holds each of them, so a consumer can check a payload
 * by its command; a command that failed before it had an answer gives `payload: null`.
 */
export const COMMAND_PAYLOADS: Readonly<Record<string, z.ZodType>> = {
  'baseline create': BaselineCreatePayloadSchema,
  'baseline list': BaselineListPayloadSchema,
  check: CheckPayloadSchema,
  diff: DiffPayloadSchema,
  'export comments': CommentExportPayloadSchema,
  'export csv': SheetExportPayloadSchema,
  'export neo4j': ExportPayloadSchema,
  'export reqif': ExportPayloadSchema,
  'export xlsx': SheetExportPayloadSchema,
  history: HistoryPayloadSchema,
  impact: z.union([ImpactPayloadSchema, AssessmentPayloadSchema, ComparisonPayloadSchema]),
  'import bpmn': ImportPayloadSchema,
  'import comments': CommentImportPayloadSchema,
  'import csv': SheetImportPayloadSchema,
  'import reqif': ImportPayloadSchema,
  'import xlsx': SheetImportPayloadSchema,
  metamodel: MetamodelPayloadSchema,
  review: ReviewPayloadSchema,
  schema: FolderPayloadSchema,
  stats: StatsPayloadSchema,
  trace: TracePayloadSchema,
  'trace report': TestTracePayloadSchema,
  tracker: TrackerPayloadSchema,
  types: TypesPayloadSchema,
  validate: ValidatePayloadSchema,
};

/**
 * The JSON Schema conditions that tie each command to its payload: `if command is X then payload is
 * X's payload or null`, one per command, for the envelope schema's `allOf`.
 */
export function payloadConditions(): Record<string, unknown>[] {
  return Object.entries(COMMAND_PAYLOADS).map(([command, schema]) => {
    const { $schema: _, ...payload } = z.toJSONSchema(schema, { target: 'draft-2020-12' });
    return {
      if: { properties: { command: { const: command } }, required: ['command'] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keywords
      then: { properties: { payload: { anyOf: [payload, { type: 'null' }] } } },
    };
  });
}
