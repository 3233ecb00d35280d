export { type ColumnRead, readColumn, writeColumn } from './column-value.js';
export { isEmptyRow, type LocatedColumn, locateColumns } from './locate-columns.js';
export { cellPlace, columnLetter, type SheetData, type SheetRow, type SheetTable } from './sheet-table.js';
export {
  BUILT_IN_MAPPINGS,
  type ColumnSpec,
  ColumnSpecSchema,
  columnOf,
  findMapping,
  mappingNames,
  type SpreadsheetMapping,
  SpreadsheetMappingSchema,
  type SpreadsheetsConfig,
  SpreadsheetsConfigSchema,
} from './spreadsheet-mapping.js';
