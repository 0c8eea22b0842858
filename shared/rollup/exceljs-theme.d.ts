// exceljs's Office theme by its own path: the rollup's workbook carries the theme exceljs wrote,
// without loading the package's main module (the reader, the in-memory workbook, unzipper).
declare module 'exceljs/lib/xlsx/xml/theme1.js' {
  const theme1: string;
  export default theme1;
}
