import { z } from 'zod';

/**
 * How one field is read from a column: the header, and optionally a template that turns the cell into an
 * id (`ADO-{}`), a table of values (`Active: in-review`), and a separator for lists.
 */
export const ColumnSpecSchema = z.union([
  z.string().min(1),
  z
    .object({
      column: z.string().min(1).describe('The column header.'),
      template: z
        .string()
        .regex(/\{\}/, 'a template holds "{}" where the cell goes, such as "ADO-{}"')
        .optional()
        .describe('Turns a cell into the value: "ADO-{}" makes 1234 into ADO-1234 (and back on export).'),
      values: z
        .record(z.string(), z.string())
        .optional()
        .describe('Cell value -> model value ("Active: in-review"); a cell not listed is an error.'),
      split: z.string().min(1).optional().describe('Separator of a list in one cell (";" or ",").'),
    })
    .strict(),
]);
export type ColumnSpec = z.infer<typeof ColumnSpecSchema>;

/** A column mapping: what it imports (comments or elements), which sheet, and field -> column. */
export const SpreadsheetMappingSchema = z
  .object({
    target: z
      .enum(['comments', 'elements'])
      .describe('What a row becomes: a review comment or a model element.'),
    sheet: z.string().min(1).optional().describe('The worksheet to read (XLSX); default the first.'),
    headerRow: z.number().int().positive().default(1).describe('The row that holds the headers.'),
    kind: z.string().min(1).optional().describe('The kind of every element, when no column gives it.'),
    file: z
      .string()
      .min(1)
      .optional()
      .describe('The model file imported elements are written to (default model/imported/<mapping>.yaml).'),
    columns: z
      .record(z.string(), ColumnSpecSchema)
      .describe(
        'Field -> column. Comments: id, artefact, element, section, round, organisation, constituency, date, text, status, response, resolution.changeRequest, resolution.commit, resolution.version. Elements: id, kind, name, the base fields, attributes and relation names.',
      ),
  })
  .strict();
export type SpreadsheetMapping = z.infer<typeof SpreadsheetMappingSchema>;

/** The `spreadsheets:` section of tracery.yaml: named column mappings. */
export const SpreadsheetsConfigSchema = z.record(
  z.string().regex(/^[a-z][a-z0-9-]*$/),
  SpreadsheetMappingSchema,
);
export type SpreadsheetsConfig = z.infer<typeof SpreadsheetsConfigSchema>;

/** The header and read options of a column spec, whichever way it is written. */
export function columnOf(spec: ColumnSpec): Exclude<ColumnSpec, string> {
  return typeof spec === 'string' ? { column: spec } : spec;
}

/** The mappings Tracery knows without any config; tracery.yaml's mappings of the same name replace them. */
export const BUILT_IN_MAPPINGS: Readonly<Record<string, SpreadsheetMapping>> = {
  comments: {
    target: 'comments',
    headerRow: 1,
    columns: {
      id: 'ID',
      artefact: 'Artefact',
      round: 'Round',
      element: 'Element',
      section: 'Section',
      organisation: 'Organisation',
      constituency: 'Constituency',
      date: 'Date',
      text: 'Comment',
      status: 'Status',
      response: 'Response',
      'resolution.changeRequest': 'Change request',
      'resolution.commit': 'Commit',
      'resolution.version': 'Resolved in version',
    },
  },
  elements: {
    target: 'elements',
    headerRow: 1,
    columns: {
      id: 'id',
      kind: 'kind',
      name: 'name',
      description: 'description',
      status: 'status',
      owner: 'owner',
      tranche: 'tranche',
      tags: { column: 'tags', split: ';' },
    },
  },
  'azure-devops': {
    target: 'elements',
    headerRow: 1,
    columns: {
      id: { column: 'ID', template: 'ADO-{}' },
      kind: {
        column: 'Work Item Type',
        values: {
          Epic: 'Requirement',
          Feature: 'Requirement',
          'User Story': 'Requirement',
          'Product Backlog Item': 'Requirement',
          Requirement: 'Requirement',
          'Test Case': 'TestCase',
        },
      },
      name: 'Title',
      status: {
        column: 'State',
        values: {
          New: 'draft',
          Proposed: 'draft',
          Active: 'in-review',
          Committed: 'in-review',
          Resolved: 'approved',
          Closed: 'baselined',
          Done: 'baselined',
          Removed: 'withdrawn',
        },
      },
      partOf: { column: 'Parent', template: 'ADO-{}' },
      verifies: { column: 'Tests', template: 'ADO-{}', split: ';' },
      tags: { column: 'Tags', split: ';' },
    },
  },
};

/**
 * The mapping of a name: tracery.yaml's `spreadsheets.<name>`, else a built-in (`comments`, `elements`,
 * `azure-devops`); undefined when neither has it.
 *
 * @example
 * findMapping(undefined, 'comments')?.target // 'comments'
 */
export function findMapping(
  config: SpreadsheetsConfig | undefined,
  name: string,
): SpreadsheetMapping | undefined {
  if (config && Object.hasOwn(config, name)) return config[name];
  return Object.hasOwn(BUILT_IN_MAPPINGS, name) ? BUILT_IN_MAPPINGS[name] : undefined;
}

/** Every mapping name a repository can use, sorted. */
export function mappingNames(config: SpreadsheetsConfig | undefined): string[] {
  return [...new Set([...Object.keys(BUILT_IN_MAPPINGS), ...Object.keys(config ?? {})])].sort();
}
