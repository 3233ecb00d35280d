import type { RepositoryStats } from '@tracery/core';
import { DiagnosticSchema, FindingSchema } from '@tracery/core/schemas';
import { z } from 'zod';
import type { Described } from './deep-readonly.js';

const Counts = z.record(z.string(), z.number().int());
const SeverityCounts = z.object({
  error: z.number().int(),
  warning: z.number().int(),
  info: z.number().int(),
});

/** `tracery validate`: what loaded, and the problems by severity. */
export const ValidatePayloadSchema = z.object({
  files: z.number().int(),
  elements: z.number().int(),
  relations: z.number().int(),
  counts: SeverityCounts,
});

/** `tracery stats`: counts by kind, status, tranche, owner and relation type. */
export const StatsPayloadSchema = z.object({
  elements: z.number().int(),
  relations: z.number().int(),
  countsByKind: Counts,
  countsByStatus: Counts,
  countsByTranche: Counts,
  countsByOwner: Counts,
  countsByRelationType: Counts,
  diagnostics: SeverityCounts,
});

/** `tracery metamodel`: the kinds and relation types. */
export const MetamodelPayloadSchema = z.object({
  kinds: z.array(z.looseObject({ name: z.string() })),
  relationTypes: z.array(z.looseObject({ name: z.string(), inverse: z.string() })),
});

/** Commands that write files into a folder (`tracery schema`). */
export const FolderPayloadSchema = z.object({ folder: z.string(), files: z.array(z.string()) });

/** `tracery types`: the `.d.ts` written, and how many kinds and relation names (type and inverse) it types. */
export const TypesPayloadSchema = z.object({
  file: z.string(),
  kinds: z.number().int(),
  relationNames: z.number().int(),
});

/** `tracery check`: the rules that ran, the findings, those suppressed or accepted, and the counts. */
export const CheckPayloadSchema = z.object({
  rules: z.array(z.looseObject({ id: z.string(), severity: z.string(), findings: z.number().int() })),
  findings: z.array(FindingSchema),
  suppressed: z.array(FindingSchema.extend({ suppression: z.looseObject({}) })),
  counts: SeverityCounts.extend({ suppressed: z.number().int() }),
});

/** `tracery diff`: what changed between two states. */
export const DiffPayloadSchema = z.object({
  from: z.string(),
  to: z.string(),
  counts: Counts,
  diff: z.looseObject({ elements: z.looseObject({}), relations: z.looseObject({}) }),
});

/** `tracery baseline create`. */
export const BaselineCreatePayloadSchema = z.object({
  name: z.string(),
  file: z.string(),
  elements: z.number().int(),
  relations: z.number().int(),
});

/** `tracery baseline list`. */
export const BaselineListPayloadSchema = z.object({ baselines: z.array(z.string()) });

/** `tracery review`: the suspect links (`--list`), or the links it reviewed. */
export const ReviewPayloadSchema = z.union([
  z.object({ links: z.array(z.looseObject({})) }),
  z.object({ reviewed: z.array(z.looseObject({})) }),
]);

/** `tracery history ID`: the commits that changed an element. */
export const HistoryPayloadSchema = z.looseObject({
  id: z.string(),
  entries: z.array(z.looseObject({ commit: z.string(), date: z.string(), change: z.string() })),
});

/** `tracery import bpmn` and `tracery import reqif`: what an import reads, and whether it wrote. */
export const ImportPayloadSchema = z.looseObject({ ok: z.boolean() });

/** `tracery export neo4j` (the export's report, or the bulk-import files it wrote) and `export reqif`. */
export const ExportPayloadSchema = z.looseObject({});

/** Diagnostics as every command reports them (also the envelope's). */
export const PayloadDiagnosticsSchema = z.array(DiagnosticSchema);

// The stats schema describes core's stats: a renamed count is a compile error here.
({}) as RepositoryStats satisfies Described<typeof StatsPayloadSchema>;
