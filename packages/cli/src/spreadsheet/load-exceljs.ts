import type ExcelJS from 'exceljs';

/**
 * exceljs, imported when a spreadsheet is first read or written: it takes a quarter of a second to
 * import, which every other command would otherwise pay at start-up (issue 17).
 */
export async function loadExcelJs(): Promise<typeof ExcelJS> {
  // exceljs is CommonJS: its module.exports is the default export of an import (as in a static
  // `import ExcelJS from 'exceljs'`), which TypeScript's type of a dynamic import does not show.
  const module = (await import('exceljs')) as unknown as { default: typeof ExcelJS };
  return module.default;
}
