export { type ColumnRead, readColumn, writeColumn } from './column-value.js';
export { elementsToTable } from './elements-to-table.js';
export { isEmptyRow, type LocatedColumn, locateColumns } from './locate-columns.js';
export { type ElementImportPlan, planElementImport } from './plan-element-import.js';
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
export { type RowElement, tableToElements } from './table-to-elements.js';
