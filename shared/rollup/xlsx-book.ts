import theme1 from 'exceljs/lib/xlsx/xml/theme1.js';
import { SheetWriter } from './xlsx-sheet.js';
import { type Column, MAIN_NS, MC_NS, REL_NS, Styles, XML_HEAD, xmlText } from './xlsx-xml.js';
import { type DeflatedPart, deflatedPart, zipParts } from './zip-parts.js';

/**
 * A workbook written as XML text: the sheet parts of exactly the workbook exceljs's streaming
 * writer made for the rollup (the same cells, styles, widths, heights, frozen header, filter and
 * print setup), without building a cell object, a style object and an XML node per value. The
 * sheets hold plain strings, numbers and dates: nothing here ever writes a formula.
 */

const CT = 'application/vnd.openxmlformats-officedocument';
const OFFICE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** The whole workbook: its sheets in order, then the package parts that list them. */
export class XlsxBook {
  private readonly styles = new Styles();
  private readonly sheets: SheetWriter[] = [];
  /** Each sheet's part, ended when the next sheet starts: rows are added to the last one only. */
  private readonly sheetParts: Array<Promise<DeflatedPart>> = [];

  constructor(
    private readonly creator: string,
    private readonly created: Date,
  ) {}

  /** A sheet with a frozen, filtered header row, printed on A4 one page wide. */
  sheet(name: string, columns: Column[], opts: { tallHeader?: boolean } = {}): SheetWriter {
    const last = this.sheets.at(-1);
    if (last) this.sheetParts.push(last.end());
    const part = `xl/worksheets/sheet${this.sheets.length + 1}.xml`;
    const ws = new SheetWriter(name, part, columns, this.styles, opts.tallHeader ?? false);
    this.sheets.push(ws);
    return ws;
  }

  /** The .xlsx file. */
  async bytes(): Promise<Uint8Array> {
    const last = this.sheets.at(-1);
    if (last) this.sheetParts.push(last.end());
    const parts: Array<[string, string]> = [
      ['[Content_Types].xml', this.contentTypes()],
      [
        '_rels/.rels',
        rels([
          [`${OFFICE_REL}/officeDocument`, 'xl/workbook.xml'],
          [`${PACKAGE_REL}/metadata/core-properties`, 'docProps/core.xml'],
          [`${OFFICE_REL}/extended-properties`, 'docProps/app.xml'],
        ]),
      ],
      ['docProps/app.xml', this.app()],
      ['docProps/core.xml', this.core()],
      ['xl/workbook.xml', this.workbook()],
      [
        'xl/_rels/workbook.xml.rels',
        rels([
          [`${OFFICE_REL}/styles`, 'styles.xml'],
          [`${OFFICE_REL}/theme`, 'theme/theme1.xml'],
          ...this.sheets.map((_, i): [string, string] => [
            `${OFFICE_REL}/worksheet`,
            `worksheets/sheet${i + 1}.xml`,
          ]),
        ]),
      ],
      ['xl/styles.xml', this.styles.xml()],
      ['xl/theme/theme1.xml', theme1],
    ];
    const deflated = await Promise.all([
      ...parts.map(([name, xml]) => deflatedPart(name, xml)),
      ...this.sheetParts,
    ]);
    return zipParts(deflated, this.created);
  }

  private contentTypes(): string {
    const override = (part: string, type: string) =>
      `<Override PartName="${part}" ContentType="${type}"/>`;
    return (
      `${XML_HEAD}\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      override('/xl/workbook.xml', `${CT}.spreadsheetml.sheet.main+xml`) +
      this.sheets
        .map((_, i) =>
          override(`/xl/worksheets/sheet${i + 1}.xml`, `${CT}.spreadsheetml.worksheet+xml`),
        )
        .join('') +
      override('/xl/theme/theme1.xml', `${CT}.theme+xml`) +
      override('/xl/styles.xml', `${CT}.spreadsheetml.styles+xml`) +
      `<Default Extension="vml" ContentType="${CT}.vmlDrawing"/>` +
      override('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
      override('/docProps/app.xml', `${CT}.extended-properties+xml`) +
      '</Types>'
    );
  }

  /** Sheets in order; each prints its header row on every page. */
  private workbook(): string {
    const sheets = this.sheets.map(
      (ws, i) =>
        `<sheet sheetId="${i + 1}" name="${xmlText(ws.name)}" state="visible" r:id="rId${i + 3}"/>`,
    );
    const titles = this.sheets.map(
      (ws, i) =>
        `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">` +
        `${xmlText(`'${ws.name.replaceAll("'", "''")}'!$1:$1`)}</definedName>`,
    );
    return (
      `${XML_HEAD}\n<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}" xmlns:mc="${MC_NS}" ` +
      'mc:Ignorable="x15" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main">' +
      '<fileVersion appName="xl" lastEdited="5" lowestEdited="5" rupBuild="9303"/>' +
      '<workbookPr defaultThemeVersion="164011" filterPrivacy="1"/>' +
      `<sheets>${sheets.join('')}</sheets><definedNames>${titles.join('')}</definedNames>` +
      '<calcPr calcId="171027"/></workbook>'
    );
  }

  private app(): string {
    const n = this.sheets.length;
    const names = this.sheets.map((ws) => `<vt:lpstr>${xmlText(ws.name)}</vt:lpstr>`).join('');
    return (
      `${XML_HEAD}\n<Properties xmlns="${OFFICE_NS}/extended-properties" xmlns:vt="${OFFICE_NS}/docPropsVTypes">` +
      '<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>' +
      '<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr>' +
      `</vt:variant><vt:variant><vt:i4>${n}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
      `<TitlesOfParts><vt:vector size="${n}" baseType="lpstr">${names}</vt:vector></TitlesOfParts>` +
      '<Company></Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>' +
      '<HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>'
    );
  }

  /** Author and dates: the build time for both (the file is the rollup as built). */
  private core(): string {
    const at = this.created.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const date = (tag: string) =>
      `<dcterms:${tag} xsi:type="dcterms:W3CDTF">${at}</dcterms:${tag}>`;
    return (
      `${XML_HEAD}\n<cp:coreProperties ` +
      'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
      'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      `<dc:creator>${xmlText(this.creator)}</dc:creator><cp:lastModifiedBy>${xmlText(this.creator)}` +
      `</cp:lastModifiedBy>${date('created')}${date('modified')}</cp:coreProperties>`
    );
  }
}

const OFFICE_NS = 'http://schemas.openxmlformats.org/officeDocument/2006';

function rels(list: Array<[type: string, target: string]>): string {
  const items = list.map(
    ([type, target], i) => `<Relationship Id="rId${i + 1}" Type="${type}" Target="${target}"/>`,
  );
  return `${XML_HEAD}\n<Relationships xmlns="${PACKAGE_REL}">${items.join('')}</Relationships>`;
}
