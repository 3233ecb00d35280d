import { z } from 'zod';

/**
 * How `tracery import bpmn` treats diagrams that follow no naming convention: what it may create, and
 * the id templates it fills (`{n}` or `{n:3}` a number; `{process}` the business process's id).
 */
export const BpmnImportConfigSchema = z
  .object({
    createMissing: z
      .object({
        processes: z
          .boolean()
          .optional()
          .describe('Give a process or pool that names no business process an id from ids.businessProcess.'),
        performers: z
          .string()
          .optional()
          .describe('The kind (Role or Service) to create for a lane or pool that matches nothing.'),
        data: z
          .boolean()
          .optional()
          .describe('Create a data element for a data object or store that matches nothing.'),
      })
      .strict()
      .optional()
      .describe(
        'What --create-missing creates (default with the flag: processes, performers as Role, data).',
      ),
    ids: z
      .record(z.string(), z.string())
      .optional()
      .describe(
        'Id templates: businessProcess (default BP{n:3}), step (used when BP004.Activity_1 would break the step id pattern; default {process}-{n:2}), and by kind (Role, Service, DataEntity ...) for created lanes, pools and data.',
      ),
  })
  .strict();
export type BpmnImportConfig = z.infer<typeof BpmnImportConfigSchema>;
