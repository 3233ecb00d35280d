import type { TrackerMovement, TrackerReport } from '@tracery/core/advanced';
import { z } from 'zod';
import type { Described } from './deep-readonly.js';

const StatusCounts = z.object({ byStatus: z.record(z.string(), z.number().int()), total: z.number().int() });

/** `tracery tracker`: the Design Artefact Tracker, and with `--since` what moved. */
export const TrackerPayloadSchema = z.object({
  statuses: z.array(z.string()),
  tranche: z.string().optional(),
  tranches: z.array(z.looseObject({ tranche: z.string(), comments: StatusCounts })),
  artefacts: z.array(z.looseObject({ id: z.string(), name: z.string(), comments: StatusCounts })),
  interfaces: z.array(z.looseObject({ id: z.string(), comments: StatusCounts })),
  constituencies: z.array(z.looseObject({ constituency: z.string(), comments: StatusCounts })),
  totals: z.object({
    artefacts: z.number().int(),
    comments: StatusCounts,
    organisations: z.number().int(),
    constituencies: z.number().int(),
  }),
  movement: z.looseObject({ since: z.string(), artefacts: z.array(z.looseObject({})) }).optional(),
});

/** `tracery import comments`: the comments a log adds or updates, and the files written (or to write). */
export const CommentImportPayloadSchema = z.object({
  file: z.string(),
  written: z.boolean(),
  rows: z.number().int(),
  added: z.array(z.string()),
  updated: z.array(z.string()),
  unchanged: z.number().int(),
  files: z.array(z.string()),
});

/** `tracery import csv|xlsx`: the elements a sheet adds or updates in the import's model file. */
export const SheetImportPayloadSchema = z.object({
  sheet: z.string(),
  file: z.string(),
  added: z.array(z.string()),
  updated: z.array(z.string()),
  unchanged: z.number().int(),
  written: z.boolean(),
  changed: z.boolean(),
});

/** `tracery export comments`: the comment log written per artefact. */
export const CommentExportPayloadSchema = z.object({
  folder: z.string(),
  files: z.array(z.object({ artefact: z.string(), file: z.string(), comments: z.number().int() })),
});

/** `tracery export csv|xlsx`: the sheet written. */
export const SheetExportPayloadSchema = z.object({
  file: z.string(),
  elements: z.number().int(),
  kinds: z.array(z.string()),
});

({}) as TrackerReport & { movement?: TrackerMovement } satisfies Described<typeof TrackerPayloadSchema>;
