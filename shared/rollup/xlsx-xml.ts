// The XML of the rollup's workbook: escaping, namespaces and the cell formats (styles.xml).

/** How a column's numbers or dates show, or its text wrapped. */
export type Format = 'int' | 'dec' | 'pct' | 'date' | 'wrap';
/** A column: header, key, width and format. */
export type Column = [header: string, key: string, width: number, format?: Format];
export type CellValue = string | number | Date | null | undefined;

export const NUM_FMT: Record<Exclude<Format, 'wrap'>, string> = {
  int: '#,##0',
  dec: '#,##0.##',
  pct: '0.00%',
  date: 'dd/mm/yyyy hh:mm',
};
/** Excel's built-in number formats among ours (their ids are fixed; others are numbered from 164). */
const BUILT_IN: Record<string, number> = { '#,##0': 3, '0.00%': 10 };

// Characters XML 1.0 cannot carry (C0 controls but tab, line feed and carriage return; DEL,
// U+FFFE, U+FFFF) are dropped; the five markup characters are escaped.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are dropped
const UNSAFE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f"&'<>\ufffe\uffff]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');
const ENTITY: Record<string, string> = {
  '"': '&quot;',
  '&': '&amp;',
  "'": '&apos;',
  '<': '&lt;',
  '>': '&gt;',
};
/** Text as XML character data or an attribute value. */
export function xmlText(text: string): string {
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, (c) => ENTITY[c] ?? '') : text;
}

/** A1-style column letters of 1-based column `n`. */
export function columnLetters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26))
    s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
export const X14AC_NS = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The cell formats of a workbook, numbered in the order first used (as the parts refer to them). */
export class Styles {
  private readonly ids = new Map<string, number>();
  private readonly xfs: string[] = [
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
  ];
  private readonly numFmts: string[] = [];
  private readonly numFmtIds = new Map<string, number>();
  private bold = false;

  /** The id of the format: number format (or none), bold or not, wrapped or not; top-aligned. */
  id(numFmt: string | undefined, bold: boolean, wrap: boolean): number {
    const key = `${numFmt ?? ''}|${bold ? 1 : 0}|${wrap ? 1 : 0}`;
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const fmt = numFmt ? this.numFmtId(numFmt) : 0;
    if (bold) this.bold = true;
    const id = this.xfs.length;
    this.xfs.push(
      `<xf numFmtId="${fmt}" fontId="${bold ? 1 : 0}" fillId="0" borderId="0" xfId="0"` +
        `${fmt ? ' applyNumberFormat="1"' : ''}${bold ? ' applyFont="1"' : ''} applyAlignment="1">` +
        `<alignment vertical="top"${wrap ? ' wrapText="1"' : ''}/></xf>`,
    );
    this.ids.set(key, id);
    return id;
  }

  private numFmtId(code: string): number {
    const id = BUILT_IN[code] ?? this.numFmtIds.get(code) ?? 164 + this.numFmts.length;
    if (!(code in BUILT_IN) && !this.numFmtIds.has(code)) {
      this.numFmtIds.set(code, id);
      this.numFmts.push(`<numFmt numFmtId="${id}" formatCode="${xmlText(code)}"/>`);
    }
    return id;
  }

  xml(): string {
    const numFmts = this.numFmts.length
      ? `<numFmts count="${this.numFmts.length}">${this.numFmts.join('')}</numFmts>`
      : '';
    const fonts = [
      '<font><color theme="1"/><family val="2"/><scheme val="minor"/><sz val="11"/>' +
        '<name val="Calibri"/></font>',
      ...(this.bold ? ['<font><b/></font>'] : []),
    ];
    return (
      `${XML_HEAD}\n<styleSheet xmlns="${MAIN_NS}" xmlns:mc="${MC_NS}" mc:Ignorable="x14ac x16r2" ` +
      `xmlns:x14ac="${X14AC_NS}" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main">` +
      `${numFmts}<fonts count="${fonts.length}" x14ac:knownFonts="1">${fonts.join('')}</fonts>` +
      '<fills count="2"><fill><patternFill patternType="none"/></fill>' +
      '<fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" ' +
      'defaultPivotStyle="PivotStyleLight16"/><extLst>' +
      '<ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" ' +
      'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">' +
      '<x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext>' +
      '<ext uri="{9260A510-F301-46a8-8635-F512D64BE5F5}" ' +
      'xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main">' +
      '<x15:timelineStyles defaultTimelineStyle="TimeSlicerStyleLight1"/></ext></extLst></styleSheet>'
    );
  }
}
