import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreReport } from '../../scripts/generated-score.js';
import { docxFromText } from '../../scripts/report-files.js';
import type { Truth } from '../../scripts/report-generator.js';
import { bodyBlocks, withoutFieldCodes } from '../../shared/files/doc/doc-model.js';
import { CELL_PARAGRAPH } from '../../shared/files/doc/doc-worker.js';
import { FileProblem } from '../../shared/files/file-problem.js';
import { readFileContent } from '../../shared/files/read-file.js';
import { readReport } from '../../shared/reader/read-report.js';
import type { Table } from '../../shared/schemas/document.js';
import { fixturePath, registry2025 } from '../helpers/fixtures.js';

// Legacy Word files made once from generated reports by LibreOffice (scripts/make-doc-fixtures.ts).
const registry = registry2025();
const truths = JSON.parse(readFileSync(fixturePath('doc/truth.json'), 'utf8')) as Record<
  string,
  Truth
>;
const fixture = (name: string) => readFileSync(fixturePath(`doc/${name}.doc`));

async function readDoc(name: string, bytes: Uint8Array) {
  const content = await readFileContent(name, bytes);
  if (content.kind !== 'text' || !content.document) throw new Error('no document');
  return content;
}

/** The FileProblem a read ends in (a read that succeeds or throws anything else fails the test). */
async function problemOf(name: string, bytes: Uint8Array): Promise<FileProblem> {
  try {
    await readFileContent(name, bytes);
  } catch (e) {
    if (e instanceof FileProblem) return e;
    throw e;
  }
  throw new Error('read without a problem');
}

describe('legacy Word .doc files are read like the reports they were made from', () => {
  it.each(Object.keys(truths))('%s: every field of its truth, none wrong', async (name) => {
    const content = await readDoc(`${name}.doc`, fixture(name));
    const report = readReport(content.text, { registry, document: content.document });
    const score = scoreReport(report, truths[name]!);
    expect(score.problems).toEqual([]);
    expect(score.wrong).toBe(0);
    expect(score.indicators).toBe(score.indicatorTotal);
  });

  it("keeps a table's rows of cells and a footnote apart from its sentence", async () => {
    const { document, text } = await readDoc('a.doc', fixture('bang-chu-thich'));
    const tables = document!.blocks.filter((b): b is Table => b.kind === 'table');
    const figures = tables.find((t) => t.rows[0]?.cells[0]?.text === 'STT')!;
    expect(figures.rows[0]!.cells.map((c) => c.text)).toEqual([
      'STT',
      'Chỉ tiêu',
      'Đơn vị tính',
      'Kết quả thực hiện',
      'Kế hoạch',
      'Tỷ lệ (%)',
    ]);
    expect(figures.rows.every((r) => r.cells.length === 6)).toBe(true);
    // The header table: each cell's lines stay in their cell.
    const header = tables[0]!.rows[0]!.cells;
    expect(header).toHaveLength(2);
    expect(header[0]!.paragraphs.length).toBeGreaterThanOrEqual(2);
    expect(header[1]!.text).toMatch(/^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n/);
    expect(document!.notes).toEqual([expect.objectContaining({ mark: '1', endnote: false })]);
    const marked = document!.blocks.find((b) => b.kind === 'paragraph' && b.notes.length);
    expect(marked).toBeDefined();
    expect(text).not.toContain(document!.notes[0]!.text);
  });
});

/** A table as Word 97 writes it: "\x07" after each cell, the row's end mark (read as "\n"). */
const wordTable = (rows: string[][][]) =>
  rows.map((r) => `${r.map((cell) => `${cell.join(CELL_PARAGRAPH)}\x07`).join('')}\n`).join('');

const word = fc.stringMatching(/^[A-Za-zÀ-ỹ0-9.,%/ ]{1,12}$/).filter((s) => s.trim() === s && !!s);

describe('Word marks become paragraphs, rows and cells', () => {
  it('any table between paragraphs comes back cell for cell', () => {
    const table = fc
      .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 6 }))
      .chain(([cols, rows]) =>
        fc.array(
          fc.array(fc.array(word, { minLength: 1, maxLength: 3 }), {
            minLength: cols,
            maxLength: cols,
          }),
          {
            minLength: rows,
            maxLength: rows,
          },
        ),
      );
    fc.assert(
      fc.property(word, table, word, (before, rows, after) => {
        const { blocks } = bodyBlocks(`${before}\r${wordTable(rows)}${after}\r`);
        expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph']);
        const t = blocks[1] as Table;
        expect(t.rows.map((r) => r.cells.map((c) => c.paragraphs.map((p) => p.text)))).toEqual(
          rows,
        );
        expect(t.rows.map((r) => r.cells.map((c) => c.text))).toEqual(
          rows.map((r) => r.map((c) => c.join('\n'))),
        );
      }),
    );
  });

  it('footnote marks leave the sentence; fields keep their result; page breaks count pages', () => {
    const { blocks, notes } = bodyBlocks(
      'điện tử\x02 đạt\r\x13 PAGE \x14\x13 NUMPAGES \x142\x15\x15 trang\x0cTrang hai\r',
    );
    expect(notes).toBe(1);
    expect(blocks[0]).toMatchObject({ kind: 'paragraph', text: 'điện tử đạt', notes: ['1'] });
    expect(blocks[1]).toMatchObject({ kind: 'paragraph', text: '2 trang' });
    expect(blocks[2]).toMatchObject({ kind: 'pageBreak', at: { page: 2 } });
    expect(blocks[3]).toMatchObject({ kind: 'paragraph', text: 'Trang hai', at: { page: 2 } });
    expect(withoutFieldCodes('a\x13 HYPERLINK "x" \x14b\x15c')).toBe('abc');
  });
});

/** The FIB of the WordDocument stream: its magic at a sector boundary. */
function fibOffset(bytes: Buffer): number {
  for (let at = 512; at < bytes.length; at += 512)
    if (bytes[at] === 0xec && bytes[at + 1] === 0xa5) return at;
  throw new Error('no FIB');
}

describe('a .doc that cannot be read is rejected with one plain reason', () => {
  it('truncated anywhere, or bytes overwritten with garbage: rejected, never a crash', async () => {
    const bytes = fixture('muc-con');
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 8, max: bytes.length - 1 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        async (cut, seed) => {
          const damaged = Buffer.from(bytes.subarray(0, cut));
          let s = seed;
          for (let i = 512; i < damaged.length; i += 97) {
            s = (s * 1103515245 + 12345) % 2 ** 31;
            if (s % 3 === 0) damaged[i] = s & 0xff;
          }
          try {
            const c = await readFileContent('x.doc', damaged);
            expect(c.kind).toBe('text');
          } catch (e) {
            expect(e).toBeInstanceOf(FileProblem);
            const p = e as FileProblem;
            expect(p.status).toBe('rejected');
            expect(p.diagnostic.message).toMatch(/^Tệp/);
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);

  it('a sector chain that loops is rejected at once, and the next file reads', async () => {
    const bytes = Buffer.from(fixture('dong-so-lieu'));
    const satSector = bytes.readInt32LE(76);
    const dirSector = bytes.readInt32LE(48);
    const sat = (satSector + 1) * 512;
    // The directory's chain: its sector points to the next, which points back.
    bytes.writeInt32LE(dirSector + 1, sat + dirSector * 4);
    bytes.writeInt32LE(dirSector, sat + (dirSector + 1) * 4);
    const p = await problemOf('vong.doc', bytes);
    expect(p.diagnostic.code).toBe('file.docDamaged');
    const again = await readDoc('b.doc', fixture('dong-so-lieu'));
    expect(again.text).toContain('BÁO CÁO');
  }, 60_000);

  it('an encrypted .doc asks for the password to be removed', async () => {
    const bytes = Buffer.from(fixture('tcvn3'));
    const fib = fibOffset(bytes);
    bytes[fib + 0xb] = bytes[fib + 0xb]! | 0x01;
    const p = await problemOf('mat-khau.doc', bytes);
    expect(p.diagnostic.message).toMatch(/mật khẩu/);
  });

  it('a WordDocument stream without the FIB magic is damaged, whatever its flag bits say', async () => {
    const bytes = fixture('tcvn3');
    const fib = fibOffset(Buffer.from(bytes));
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 0xffff }).filter((w) => w !== 0xa5ec),
        fc.integer({ min: 0, max: 0xffff }),
        async (magic, flags) => {
          const b = Buffer.from(bytes);
          b.writeUInt16LE(magic, fib);
          b.writeUInt16LE(flags, fib + 0xa);
          const p = await problemOf('hong.doc', b);
          expect(p.diagnostic.code).toBe('file.docDamaged');
          expect(p.diagnostic.message).not.toMatch(/mật khẩu/);
        },
      ),
      { numRuns: 6 },
    );
  }, 60_000);

  it('RTF or a web page saved as .doc is refused by what it is; a .docx named .doc is read', async () => {
    expect(
      (await problemOf('a.doc', Buffer.from('{\\rtf1\\ansi Bao cao}'))).diagnostic.message,
    ).toMatch(/RTF/);
    expect(
      (await problemOf('a.doc', Buffer.from('<html><body>x</body></html>'))).diagnostic.message,
    ).toMatch(/trang web/);
    const docx = await docxFromText('BÁO CÁO\nKết quả chuyển đổi số');
    expect((await readDoc('that-ra-docx.doc', docx)).text).toContain('Kết quả chuyển đổi số');
    // And the other way: a Word 97 file renamed .docx is read as the .doc it is.
    const renamed = await readDoc('doi-ten.docx', fixture('dong-so-lieu'));
    expect(renamed.document!.format).toBe('doc');
    expect(renamed.text).toContain('BÁO CÁO');
    // An OLE file that is no Word 97 document (an encrypted .docx is one) asks for the password.
    const ole = Buffer.alloc(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await problemOf('mat-khau.docx', ole)).diagnostic.code).toBe('file.docxEncrypted');
  });
});

describe('a .doc table whose row merged cells (word-extractor gives no widths)', () => {
  it('gives no figure from that row rather than one from the wrong column', async () => {
    // o-gop.doc: "Số hồ sơ nộp trực tuyến" spans the label and unit columns (120 | 150 | 80),
    // the next row is whole; generated with the docx package and saved as .doc by LibreOffice.
    const content = await readFileContent('o-gop.doc', fixture('o-gop'));
    if (content.kind !== 'text') throw new Error('no text');
    const report = readReport(content.text, { registry, document: content.document });
    expect(report.indicators.map((i) => [i.label, i.value, i.unit])).toEqual([
      ['Tổ công nghệ số cộng đồng', 80, '%'],
    ]);
    // The row's text is kept as typed; only its figures are left out.
    expect(content.text).toContain('Số hồ sơ nộp trực tuyến\t120\t150\t80');
  });
});
