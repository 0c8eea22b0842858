import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { ictDate, vietnameseDay } from '../rounds/deadline.js';
import type { IndicatorSummary, Rollup } from '../schemas/rollup.js';
import {
  formatNumber,
  formatPercent,
  formatShare,
  isNational,
  LEVEL_TITLES,
  STATE_TITLES,
  scopeTitle,
  scopeWhere,
  unitNames as unitNamesOf,
} from './format.js';
import { ADDRESSEE_TITLES, distinctQuotes, THEME_TITLES } from './themes.js';

// Nghị định 30/2020/NĐ-CP, Phụ lục I: A4, Times New Roman 13–14, margins top/bottom 20 mm,
// left 30 mm, right 15 mm; the issuing body and the national motto side by side at the top.
const FONT = 'Times New Roman';
const SIZE = 28; // half-points: 14 pt
const MM = 56.7; // twips per millimetre
const QUOTES_PER_GROUP = 6;

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};

interface RunOpts {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}
const run = (text: string, o: RunOpts = {}) =>
  new TextRun({ text, font: FONT, size: o.size ?? SIZE, bold: o.bold, italics: o.italics });
const para = (
  text: string | TextRun[],
  o: RunOpts & {
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
    indent?: boolean;
    after?: number;
    before?: number;
  } = {},
) =>
  new Paragraph({
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    spacing: { before: o.before ?? 0, after: o.after ?? 120, line: 300 },
    indent: o.indent === false ? undefined : { firstLine: 10 * MM },
    children: typeof text === 'string' ? [run(text, o)] : text,
  });
const centered = (text: string, o: RunOpts = {}) =>
  para(text, { ...o, align: AlignmentType.CENTER, indent: false, after: 0 });
const heading = (text: string) => para(text, { bold: true, before: 200, after: 120 });

function cell(
  text: string,
  o: RunOpts & { width?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {},
) {
  return new TableCell({
    width: o.width ? { size: o.width, type: WidthType.PERCENTAGE } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: text.split('\n').map(
      (t) =>
        new Paragraph({
          alignment: o.align ?? AlignmentType.LEFT,
          children: [run(t, { size: o.size ?? 24, bold: o.bold, italics: o.italics })],
        }),
    ),
  });
}

function table(head: string[], rows: string[][], widths: number[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: head.map((h, i) =>
          cell(h, { bold: true, width: widths[i], align: AlignmentType.CENTER }),
        ),
      }),
      ...rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: r.map((c, i) =>
              cell(c, {
                width: widths[i],
                align: i === 0 ? AlignmentType.CENTER : AlignmentType.LEFT,
              }),
            ),
          }),
      ),
    ],
  });
}

function header(r: Rollup, province: string): Table {
  const today = ictDate(new Date(r.builtAt)).split('-').map(Number) as [number, number, number];
  const place = isNational(r) ? 'Hà Nội' : r.scopeName;
  const issuer = isNational(r)
    ? 'BỘ KHOA HỌC VÀ CÔNG NGHỆ'
    : `UBND ${province.toLocaleUpperCase('vi')}`;
  const body = isNational(r) ? '' : 'SỞ KHOA HỌC VÀ CÔNG NGHỆ';
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: 42, type: WidthType.PERCENTAGE },
            borders: NO_BORDERS,
            children: [
              centered(issuer, { size: 24 }),
              ...(body ? [centered(body, { bold: true, size: 24 })] : []),
              centered('―――――', { size: 20 }),
              centered('Số:      /BC-SKHCN', { size: 26 }),
            ],
          }),
          new TableCell({
            width: { size: 58, type: WidthType.PERCENTAGE },
            borders: NO_BORDERS,
            children: [
              centered('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 24 }),
              centered('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 26 }),
              centered('―――――――――――', { size: 20 }),
              centered(`${place}, ngày      tháng ${today[1]} năm ${today[0]}`, { italics: true }),
            ],
          }),
        ],
      }),
    ],
  });
}

function indicatorRow(i: IndicatorSummary, n: number): string[] {
  const figure =
    i.kind === 'count'
      ? `${formatNumber(i.total ?? 0)} ${i.unit}`
      : i.weighted
        ? `${formatPercent(i.weighted.value)}\n(${formatNumber(i.weighted.numerator)}/${formatNumber(i.weighted.denominator)}, ${i.weighted.units} đơn vị)`
        : '—';
  const s = i.spread;
  const spread = s
    ? `${formatNumber(s.min.value)} – ${formatNumber(s.median.value)} – ${formatNumber(s.max.value)}`
    : '';
  return [String(n), i.name, String(i.unitsReporting), figure, spread];
}

const UNITS_NAMED = 4;

function whoSaid(codes: string[], unitNames: Map<string, string>): string {
  const named = codes.slice(0, UNITS_NAMED).map((c) => unitNames.get(c) ?? c);
  return codes.length > UNITS_NAMED
    ? `${named.join(', ')} và ${codes.length - UNITS_NAMED} đơn vị khác`
    : named.join(', ');
}

function groupParagraphs(
  groups: Array<{ title: string; units: number; quotes: Rollup['difficulties'][number]['quotes'] }>,
  unitNames: Map<string, string>,
): Paragraph[] {
  return groups.flatMap((g, gi) => {
    const quotes = distinctQuotes(g.quotes);
    return [
      para([run(`${gi + 1}. ${g.title}: `, { bold: true }), run(`${g.units} đơn vị nêu.`)], {
        before: 60,
      }),
      ...quotes
        .slice(0, QUOTES_PER_GROUP)
        .map((q) =>
          para(
            [run(`- “${q.text}” `), run(`(${whoSaid(q.unitCodes, unitNames)})`, { italics: true })],
            { after: 60 },
          ),
        ),
      ...(quotes.length > QUOTES_PER_GROUP
        ? [
            para(
              `(và ${quotes.length - QUOTES_PER_GROUP} ý kiến khác, chi tiết tại tệp Excel kèm theo)`,
              { italics: true },
            ),
          ]
        : []),
    ];
  });
}

/** A draft consolidated report in the Nghị định 30 layout, for the Department to edit and sign. */
export async function rollupDocx(r: Rollup): Promise<Uint8Array> {
  const province = scopeTitle(r);
  const unitNames = unitNamesOf(r);
  const s = r.status;
  const deadline = vietnameseDay(ictDate(new Date(r.round.deadline)));
  const asOf = vietnameseDay(ictDate(new Date(r.builtAt)));
  const notAccepted = r.units.filter((u) => u.state !== 'on_time' && u.state !== 'late');

  const children: Array<Paragraph | Table> = [
    header(r, province),
    new Paragraph({ spacing: { after: 240 }, children: [] }),
    centered('BÁO CÁO', { bold: true }),
    centered(`Tổng hợp kết quả thực hiện khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số`, {
      bold: true,
    }),
    centered(`của các xã, phường, đặc khu ${scopeWhere(r)} — ${r.round.title}`, { bold: true }),
    ...(r.beforeDeadline
      ? [centered(`(DỰ THẢO — số liệu đến ${asOf}, trước hạn nộp)`, { italics: true })]
      : [centered(`(Dự thảo do tonghop lập ngày ${asOf})`, { italics: true })]),
    new Paragraph({ spacing: { after: 200 }, children: [] }),
    centered(
      isNational(r)
        ? 'Kính gửi: Bộ Khoa học và Công nghệ.'
        : `Kính gửi: Ủy ban nhân dân ${province}.`,
    ),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
    para(
      `Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia${r.round.requests.length ? `, ${r.round.requests.map((q) => `Văn bản số ${q}`).join(', ')}` : ''}, trên cơ sở báo cáo của các xã, phường, đặc khu (hạn nộp ${deadline}), Sở Khoa học và Công nghệ tổng hợp kết quả như sau:`,
    ),

    heading('I. TÌNH HÌNH NỘP BÁO CÁO'),
    para(
      `Tổng số đơn vị phải báo cáo: ${s.expected}. Đã nộp báo cáo hợp lệ: ${s.reported} đơn vị (${formatShare(s.reportingRate)}), trong đó đúng hạn ${s.onTime} đơn vị (${formatShare(s.timelinessRate)} tổng số), muộn ${s.late} đơn vị${s.approvedByStaff ? ` (${s.approvedByStaff} báo cáo do Sở duyệt)` : ''}. Báo cáo cần xem lại: ${s.needsReview}; trả lại để sửa: ${s.returned}; bị từ chối: ${s.rejected}; chưa nộp: ${s.missing} đơn vị.`,
    ),
    table(
      [
        'Loại đơn vị',
        'Phải nộp',
        'Đúng hạn',
        'Muộn',
        'Cần xem lại / trả lại / từ chối',
        'Chưa nộp',
        'Tỷ lệ đã nộp',
      ],
      [
        ...s.byLevel.map((l) => ({ ...l, title: LEVEL_TITLES[l.level] })),
        { ...s, title: 'Tổng số' },
      ].map((l) => [
        l.title,
        String(l.expected),
        String(l.onTime),
        String(l.late),
        String(l.needsReview + l.returned + l.rejected),
        String(l.missing),
        formatShare(l.reportingRate),
      ]),
      [18, 12, 12, 10, 18, 12, 18],
    ),
    para(
      notAccepted.length
        ? `Danh sách ${notAccepted.length} đơn vị chưa có báo cáo hợp lệ tại Phụ lục kèm theo.`
        : 'Tất cả các đơn vị đã nộp báo cáo hợp lệ.',
      { italics: true, before: 120 },
    ),

    heading('II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU'),
    para(
      'Số liệu cộng từ báo cáo hợp lệ của các đơn vị; tỷ lệ toàn tỉnh tính bằng tổng tử số chia tổng mẫu số của các đơn vị có số liệu gốc (không lấy trung bình các tỷ lệ). Cột cuối ghi giá trị nhỏ nhất – trung vị – lớn nhất giữa các đơn vị.',
    ),
    table(
      ['TT', 'Chỉ tiêu', 'Số đơn vị báo cáo', 'Tổng hợp', 'Nhỏ nhất – trung vị – lớn nhất'],
      r.indicators.filter((i) => i.unitsReporting > 0).map((i, n) => indicatorRow(i, n + 1)),
      [6, 40, 12, 22, 20],
    ),

    para(
      'Số liệu chi tiết của từng đơn vị và nguồn của từng số liệu (tệp, phiên bản, dòng) tại tệp Excel kèm theo.',
      { italics: true, before: 120 },
    ),

    heading('III. KHÓ KHĂN, VƯỚNG MẮC'),
    ...(r.difficulties.length
      ? groupParagraphs(r.difficulties, unitNames)
      : [para('Các đơn vị không nêu khó khăn, vướng mắc.')]),

    heading('IV. ĐỀ XUẤT, KIẾN NGHỊ'),
    ...(r.proposalsByAddressee.length
      ? groupParagraphs(
          r.proposalsByAddressee.map((g) => ({
            ...g,
            title: `Đối với ${ADDRESSEE_TITLES[g.addressee]}`,
          })),
          unitNames,
        )
      : [para('Các đơn vị không có đề xuất, kiến nghị.')]),
    ...(r.proposals.length
      ? [
          para(
            `Theo lĩnh vực: ${r.proposals.map((t) => `${THEME_TITLES[t.theme].toLocaleLowerCase('vi')} (${t.units} đơn vị)`).join('; ')}.`,
            { italics: true },
          ),
        ]
      : []),

    para(
      `Trên đây là báo cáo tổng hợp kết quả ${r.round.title.toLocaleLowerCase('vi')} của các xã, phường, đặc khu, Sở Khoa học và Công nghệ kính báo cáo./.`,
    ),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: NO_BORDERS,
      rows: [
        new TableRow({
          children: [
            new TableCell({
              width: { size: 50, type: WidthType.PERCENTAGE },
              borders: NO_BORDERS,
              children: [
                para('Nơi nhận:', { bold: true, italics: true, size: 24, indent: false, after: 0 }),
                ...[
                  '- Như trên;',
                  '- Giám đốc, các Phó Giám đốc Sở;',
                  '- Các xã, phường, đặc khu;',
                  '- Lưu: VT.',
                ].map((t) => para(t, { size: 22, indent: false, after: 0 })),
              ],
            }),
            new TableCell({
              width: { size: 50, type: WidthType.PERCENTAGE },
              borders: NO_BORDERS,
              children: [
                centered('GIÁM ĐỐC', { bold: true }),
                new Paragraph({ spacing: { after: 1200 }, children: [] }),
                centered('(Ký, ghi rõ họ tên, đóng dấu)', { italics: true, size: 24 }),
              ],
            }),
          ],
        }),
      ],
    }),
  ];

  const appendix: Array<Paragraph | Table> = notAccepted.length
    ? [
        centered('PHỤ LỤC', { bold: true }),
        centered('Các đơn vị chưa có báo cáo hợp lệ', { bold: true }),
        centered(`(Kèm theo Báo cáo tổng hợp ${r.round.title}; số liệu đến ${asOf})`, {
          italics: true,
        }),
        new Paragraph({ spacing: { after: 120 }, children: [] }),
        table(
          ['TT', 'Mã', 'Đơn vị', 'Tình trạng', 'Ghi chú'],
          notAccepted.map((u, n) => [
            String(n + 1),
            u.unitCode,
            unitNames.get(u.unitCode)!,
            STATE_TITLES[u.state],
            u.problems.join('; '),
          ]),
          [7, 11, 32, 15, 35],
        ),
      ]
    : [];

  const page = {
    size: { width: 210 * MM, height: 297 * MM },
    margin: { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM },
  };
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 22 })],
      }),
    ],
  });
  const doc = new Document({
    creator: 'tonghop',
    title: `Báo cáo tổng hợp ${r.round.title} — ${province}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      { properties: { page }, footers: { default: footer }, children },
      ...(appendix.length
        ? [{ properties: { page }, footers: { default: footer }, children: appendix }]
        : []),
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
