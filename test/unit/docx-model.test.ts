import {
  AlignmentType,
  DeletedTextRun,
  Document,
  FootnoteReferenceRun,
  type ILevelsOptions,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  SimpleField,
  Table,
  TableCell,
  TableRow,
  Textbox,
  TextRun,
  VerticalMergeType,
} from 'docx';
import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../shared/files/decode-docx.js';
import { documentText } from '../../shared/files/document-text.js';
import { formatNumber } from '../../shared/files/word-numbering.js';
import {
  Document as DocumentModel,
  type Paragraph as ModelParagraph,
} from '../../shared/schemas/document.js';

const pack = (doc: Document) => Packer.toBuffer(doc);
const paragraphsOf = (m: DocumentModel) =>
  m.blocks.filter((b): b is ModelParagraph => b.kind === 'paragraph');

const FORMATS = [
  ['upperRoman', LevelFormat.UPPER_ROMAN],
  ['lowerRoman', LevelFormat.LOWER_ROMAN],
  ['decimal', LevelFormat.DECIMAL],
  ['upperLetter', LevelFormat.UPPER_LETTER],
  ['lowerLetter', LevelFormat.LOWER_LETTER],
] as const;
const TEMPLATES = ['%1.', '%1)', 'Phần %1', '(%1)', 'Mục %1:'];

/** Nested numbering as any reader of the printed page counts it: a level restarts under its parent. */
function expectedLabels(
  levels: number[],
  fmt: (l: number) => string,
  text: (l: number) => string,
): string[] {
  const counts: number[] = [];
  return levels.map((l) => {
    counts[l] = (counts[l] ?? 0) + 1;
    counts.length = l + 1;
    return text(l).replace(/%(\d)/g, (_, n: string) =>
      formatNumber(counts[Number(n) - 1] ?? 1, fmt(Number(n) - 1)),
    );
  });
}

describe('DOCX numbering is read as Word shows it', () => {
  it('every format × label template × nesting gives the labels a reader counts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...FORMATS),
        fc.constantFrom(...FORMATS),
        fc.constantFrom(...TEMPLATES),
        fc.array(fc.nat({ max: 1 }), { minLength: 1, maxLength: 12 }),
        async ([f0, lf0], [f1, lf1], template, raw) => {
          const levels = raw.map((l, i) => (i === 0 ? 0 : l));
          const text = (l: number) => (l === 0 ? template : '%1.%2.');
          const defs: ILevelsOptions[] = [
            { level: 0, format: lf0, text: text(0), alignment: AlignmentType.START },
            { level: 1, format: lf1, text: text(1), alignment: AlignmentType.START },
          ];
          const bytes = await pack(
            new Document({
              numbering: { config: [{ reference: 'parts', levels: defs }] },
              sections: [
                {
                  children: levels.map(
                    (level, i) =>
                      new Paragraph({
                        text: `Mục số ${i}`,
                        numbering: { reference: 'parts', level },
                      }),
                  ),
                },
              ],
            }),
          );
          const model = await readDocx(bytes);
          const fmt = (l: number) => (l === 0 ? f0 : f1);
          expect(paragraphsOf(model).map((p) => p.label)).toEqual(
            expectedLabels(levels, fmt, text),
          );
          expect(paragraphsOf(model).map((p) => p.numbering?.level)).toEqual(levels);
          expect(paragraphsOf(model).map((p) => p.text)).toEqual(
            levels.map((_, i) => `Mục số ${i}`),
          );
        },
      ),
      { numRuns: 25 },
    );
  });

  it('a new instance of a list starts again; the same instance counts on after other paragraphs', async () => {
    const level = {
      level: 0,
      format: LevelFormat.DECIMAL,
      text: '%1.',
      alignment: AlignmentType.START,
    };
    const item = (text: string, instance: number) =>
      new Paragraph({ text, numbering: { reference: 'items', level: 0, instance } });
    const bytes = await pack(
      new Document({
        numbering: { config: [{ reference: 'items', levels: [level] }] },
        sections: [
          {
            children: [
              item('a', 1),
              item('b', 1),
              new Paragraph('giữa'),
              item('c', 1),
              item('d', 2),
              item('e', 2),
            ],
          },
        ],
      }),
    );
    const labels = paragraphsOf(await readDocx(bytes)).map((p) => p.label);
    expect(labels).toEqual(['1.', '2.', null, '3.', '1.', '2.']);
  });

  it('a heading style that carries the numbering numbers its paragraphs, through basedOn', async () => {
    const bytes = await pack(
      new Document({
        numbering: {
          config: [
            {
              reference: 'heads',
              levels: [
                {
                  level: 0,
                  format: LevelFormat.UPPER_ROMAN,
                  text: '%1.',
                  alignment: AlignmentType.START,
                },
              ],
            },
          ],
        },
        styles: {
          paragraphStyles: [
            {
              id: 'PartBase',
              name: 'Part Base',
              run: { bold: true, allCaps: true },
              paragraph: { numbering: { reference: 'heads', level: 0 }, outlineLevel: 0 },
            },
            { id: 'Part', name: 'Part', basedOn: 'PartBase' },
          ],
        },
        sections: [
          {
            children: [
              new Paragraph({ text: 'kết quả thực hiện', style: 'Part' }),
              new Paragraph('Nội dung.'),
              new Paragraph({ text: 'khó khăn, vướng mắc', style: 'Part' }),
            ],
          },
        ],
      }),
    );
    const model = await readDocx(bytes);
    const [first, body, second] = paragraphsOf(model);
    expect([first?.label, body?.label, second?.label]).toEqual(['I.', null, 'II.']);
    expect(first).toMatchObject({ level: 0, bold: true, caps: true, style: 'Part' });
    expect(documentText(model)).toContain('II. KHÓ KHĂN, VƯỚNG MẮC');
  });
});

describe('DOCX text: words whole, notes apart, only what Word shows', () => {
  it('split runs join into words; a footnote mark never lands in a word; deleted text is gone', async () => {
    const bytes = await pack(
      new Document({
        footnotes: { 1: { children: [new Paragraph('Số liệu đến ngày 30/9/2025.')] } },
        sections: [
          {
            children: [
              new Paragraph({
                children: [
                  new TextRun({ text: 'Chuyển đ', bold: true }),
                  new TextRun({ text: 'ổi số', italics: true }),
                  new TextRun(' và chính quyền điện tử'),
                  new FootnoteReferenceRun(1),
                  new DeletedTextRun({
                    text: ' bỏ đi',
                    id: 1,
                    author: 'A',
                    date: '2025-01-01T00:00:00Z',
                  }),
                  new InsertedTextRun({
                    text: ' thêm vào',
                    id: 2,
                    author: 'A',
                    date: '2025-01-01T00:00:00Z',
                  }),
                  new TextRun('.'),
                ],
              }),
            ],
          },
        ],
      }),
    );
    const model = await readDocx(bytes);
    const [p] = paragraphsOf(model);
    expect(p?.text).toBe('Chuyển đổi số và chính quyền điện tử thêm vào.');
    expect(p?.notes).toEqual(['1']);
    expect(model.notes).toEqual([
      expect.objectContaining({ mark: '1', endnote: false, text: 'Số liệu đến ngày 30/9/2025.' }),
    ]);
    expect(documentText(model)).not.toMatch(/tử1|Số liệu đến/);
  });

  it('a text box is read after the paragraph that anchors it; a field keeps its result', async () => {
    const bytes = await pack(
      new Document({
        sections: [
          {
            children: [
              new Paragraph({
                children: [
                  new TextRun('Trước hộp'),
                  new Textbox({
                    children: [new Paragraph('DỰ THẢO')],
                    style: { width: '2in', height: '1in' },
                  }),
                ],
              }),
              new Paragraph({ children: [new TextRun('Trang '), new SimpleField('PAGE', '3')] }),
            ],
          },
        ],
      }),
    );
    const texts = paragraphsOf(await readDocx(bytes)).map((p) => p.text);
    expect(texts).toEqual(['Trước hộp', 'DỰ THẢO', 'Trang 3']);
  });

  it('table cells keep their text, spans and vertical merges', async () => {
    const cell = (text: string, extra = {}) =>
      new TableCell({ children: [new Paragraph(text)], ...extra });
    const bytes = await pack(
      new Document({
        sections: [
          {
            children: [
              new Table({
                rows: [
                  new TableRow({
                    tableHeader: true,
                    children: [cell('Chỉ tiêu'), cell('Kết quả', { columnSpan: 2 })],
                  }),
                  new TableRow({
                    children: [
                      cell('Hồ sơ', { verticalMerge: VerticalMergeType.RESTART }),
                      cell('12'),
                      cell('15'),
                    ],
                  }),
                  new TableRow({
                    children: [
                      cell('', { verticalMerge: VerticalMergeType.CONTINUE }),
                      cell('3'),
                      cell('4'),
                    ],
                  }),
                ],
              }),
            ],
          },
        ],
      }),
    );
    const model = DocumentModel.parse(await readDocx(bytes));
    const table = model.blocks[0];
    if (table?.kind !== 'table') throw new Error('no table');
    expect(table.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['Chỉ tiêu', 'Kết quả'],
      ['Hồ sơ', '12', '15'],
      ['', '3', '4'],
    ]);
    expect(table.rows[0]?.header).toBe(true);
    expect(table.rows[0]?.cells[1]?.span).toBe(2);
    expect(table.rows[2]?.cells[0]?.continued).toBe(true);
  });
});

/** A generated document with its document.xml changed by hand (what docx cannot write). */
async function patched(change: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(
    await pack(new Document({ sections: [{ children: [new Paragraph('MARK')] }] })),
  );
  const xml = await zip.file('word/document.xml')!.async('string');
  zip.file('word/document.xml', change(xml));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe('DOCX XML is read safely', () => {
  it('a part with a DOCTYPE (entity declarations) is refused, never expanded', async () => {
    const bytes = await patched((xml) =>
      xml
        .replace(/^(<\?xml[^>]*\?>)?/, '$1<!DOCTYPE w:document [<!ENTITY x "AAAAAAAAAA">]>')
        .replace('MARK', '&x;'),
    );
    await expect(readDocx(bytes)).rejects.toMatchObject({
      diagnostic: { code: 'file.docxDamaged' },
    });
  });

  it('a complex field shows its result, never its instruction', async () => {
    const field =
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>' +
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r>' +
      '<w:r><w:fldChar w:fldCharType="end"/></w:r>';
    const bytes = await patched((xml) =>
      xml.replace(/<w:r>(?:(?!<w:r>).)*MARK.*?<\/w:r>/s, `<w:r><w:t>Trang </w:t></w:r>${field}`),
    );
    expect(paragraphsOf(await readDocx(bytes)).map((p) => p.text)).toEqual(['Trang 7']);
  });

  it('a table row deleted with tracked changes is not read, whatever its runs say', async () => {
    const cell = (t: string) => `<w:tc><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
    const row = (del: string, ...cells: string[]) =>
      `<w:tr>${del ? `<w:trPr>${del}</w:trPr>` : ''}${cells.map(cell).join('')}</w:tr>`;
    for (const del of [
      '<w:del w:id="5" w:author="A" w:date="2026-06-01T00:00:00Z"/>',
      '<w:cantSplit/><w:del w:id="6" w:author="A"></w:del>',
    ]) {
      const rows = [
        row('', 'Chỉ tiêu', 'Kết quả'),
        row(del, 'Máy tính', '88'),
        row('', 'Máy tính', '15'),
      ];
      const table = `<w:tbl>${rows.join('')}</w:tbl>`;
      const bytes = await patched((xml) =>
        xml.replace(/<w:p>(?:(?!<w:p>).)*MARK.*?<\/w:p>/s, table),
      );
      const model = await readDocx(bytes);
      const t = model.blocks.find((b) => b.kind === 'table');
      expect(t && t.kind === 'table' && t.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
        ['Chỉ tiêu', 'Kết quả'],
        ['Máy tính', '15'],
      ]);
    }
  });

  it('a body held only in altChunk parts is refused saying so; with text of its own it is read', async () => {
    const chunk = '<w:altChunk r:id="rIdA"/>';
    const only = await patched((xml) => xml.replace(/<w:p>(?:(?!<w:p>).)*MARK.*?<\/w:p>/s, chunk));
    await expect(readDocx(only)).rejects.toMatchObject({
      diagnostic: { code: 'file.docxAltChunk', message: expect.stringMatching(/lưu lại/) },
    });
    const both = await patched((xml) =>
      xml.replace(/(<w:p>(?:(?!<w:p>).)*MARK.*?<\/w:p>)/s, `$1${chunk}`),
    );
    expect(paragraphsOf(await readDocx(both)).map((p) => p.text)).toEqual(['MARK']);
  });
});
