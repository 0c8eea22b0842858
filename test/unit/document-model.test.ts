import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentText, layoutDocument } from '../../shared/files/document-text.js';
import {
  type Block,
  type Cell,
  Document,
  type Paragraph,
  plainParagraph,
} from '../../shared/schemas/document.js';

const at = { page: 1, line: 1 };
const para = (text: string, extra: Partial<Paragraph> = {}): Paragraph => ({
  ...plainParagraph(text, at),
  ...extra,
});
const cell = (...texts: string[]): Cell => ({
  text: texts.join('\n'),
  paragraphs: texts.map((t) => para(t)),
  span: 1,
  continued: false,
});

describe('the document model', () => {
  it('a document of every block kind is valid, and a stray kind or a missing provenance is not', () => {
    const doc: Document = {
      format: 'docx',
      blocks: [
        para('KẾT QUẢ THỰC HIỆN', { label: 'I.', level: 0, bold: true }),
        {
          kind: 'table',
          caption: null,
          rows: [{ header: true, cells: [cell('Chỉ tiêu'), cell('Kết quả')] }],
          at,
        },
        { kind: 'pageBreak', at: { page: 2, line: 1, box: { x0: 0, y0: 0, x1: 1, y1: 1 } } },
      ],
      notes: [{ kind: 'footnote', mark: '1', endnote: false, text: 'Theo số liệu quý III', at }],
      margins: [],
    };
    expect(Document.parse(doc)).toEqual(doc);
    expect(Document.safeParse({ ...doc, blocks: [{ kind: 'image', at }] }).success).toBe(false);
    const { at: _dropped, ...noProvenance } = para('x');
    expect(Document.safeParse({ ...doc, blocks: [noProvenance] }).success).toBe(false);
    expect(
      Document.safeParse({ ...doc, blocks: [para('x', { at: { page: 0, line: 1 } })] }).success,
    ).toBe(false);
  });

  it('a label is shown before its text, caps formatting shows capitals, footnotes stay out of the body', () => {
    const doc: Document = {
      format: 'docx',
      blocks: [para('kết quả', { label: 'I.', caps: true, notes: ['1'] }), para('Nội dung')],
      notes: [{ kind: 'footnote', mark: '1', endnote: false, text: 'Chú thích', at }],
      margins: [para('Trang 1')],
    };
    expect(documentText(doc)).toBe('I. KẾT QUẢ\nNội dung');
  });

  it('a table row of one-line cells is one line apart by tabs; a multi-line cell row goes cell by cell', () => {
    const header: Block = {
      kind: 'table',
      caption: null,
      rows: [{ header: false, cells: [cell('ỦY BAN NHÂN DÂN', 'XÃ AN BÌNH'), cell('CỘNG HÒA')] }],
      at,
    };
    const figures: Block = {
      kind: 'table',
      caption: null,
      rows: [
        { header: true, cells: [cell('Chỉ tiêu'), cell('Đơn vị'), cell('Kết quả')] },
        {
          header: false,
          cells: [cell('Hồ sơ trực tuyến'), { ...cell('hồ sơ'), continued: true }, cell('1.234')],
        },
      ],
      at,
    };
    const { text, document } = layoutDocument({
      format: 'docx',
      blocks: [header, para('Kính gửi'), figures],
      notes: [],
      margins: [],
    });
    expect(text.split('\n')).toEqual([
      'ỦY BAN NHÂN DÂN',
      'XÃ AN BÌNH',
      'CỘNG HÒA',
      'Kính gửi',
      'Chỉ tiêu\tĐơn vị\tKết quả',
      'Hồ sơ trực tuyến\t\t1.234',
    ]);
    const table = document.blocks[2];
    expect(table?.kind === 'table' && table.rows[1]?.cells[2]?.paragraphs[0]?.at.line).toBe(6);
  });

  it('every block starts on the line it is laid out on, and a declared line is honoured', () => {
    const lineText = fc.stringMatching(/^[a-zđ ]{1,12}$/);
    fc.assert(
      fc.property(fc.array(fc.tuple(lineText, fc.nat({ max: 3 })), { maxLength: 30 }), (items) => {
        let declared = 0;
        const blocks = items.map(([text, gap]) => {
          declared += 1 + gap;
          return para(text, { at: { page: 1, line: declared } });
        });
        const { text, document } = layoutDocument({
          format: 'txt',
          blocks,
          notes: [],
          margins: [],
        });
        const lines = text.split('\n');
        for (const b of document.blocks) {
          if (b.kind !== 'paragraph') continue;
          expect(lines[b.at.line - 1]).toBe(b.text);
        }
        expect(document.blocks.map((b) => b.at.line)).toEqual(blocks.map((b) => b.at.line));
      }),
    );
  });
});
