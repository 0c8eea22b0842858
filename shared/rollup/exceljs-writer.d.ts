// exceljs's streaming writer by its own path: the package's main module also loads the reader,
// the in-memory workbook and unzipper (about half its load time), which a rollup never uses.
declare module 'exceljs/lib/stream/xlsx/workbook-writer.js' {
  import type ExcelJS from 'exceljs';

  const WorkbookWriter: typeof ExcelJS.stream.xlsx.WorkbookWriter;
  export default WorkbookWriter;
}
