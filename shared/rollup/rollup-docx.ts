import {
  AlignmentType,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  type Table,
  TextRun,
} from 'docx';
import { ictDate } from '../rounds/deadline.js';
import type { Rollup, Theme } from '../schemas/rollup.js';
import type { Department } from '../schemas/unit.js';
import { centered, FONT, MM, para, SIZE, sideBySide, space, table } from './docx-blocks.js';
import { checksNote } from './docx-checks.js';
import { indicatorsPart, opening, quoteGroups, submissionStatus } from './docx-sections.js';
import {
  formalDate,
  isNational,
  periodOf,
  problemNote,
  STATE_TITLES,
  scopeTitle,
  unitNames as unitNamesOf,
  unitsWhere,
} from './format.js';
import { NAME_LINE, signatureBlock } from './signature-block.js';
import { themeOf } from './theme-patterns.js';
import { ADDRESSEE_TITLES, foldedQuote, THEME_TITLES } from './themes.js';

type Block = Paragraph | Table;

/** What the Department's settings give the document: its name and who signs. */
export type DocxSettings = Pick<Department, 'name' | 'signer'> | null;

const NUMBER_PLACEHOLDER = 'Số:        /BC-SKHCN';

function letterhead(r: Rollup, today: number[]): Table {
  const place = isNational(r) ? 'Hà Nội' : r.scopeName;
  const issuer = isNational(r) ? '' : `UBND ${scopeTitle(r).toLocaleUpperCase('vi')}`;
  const body = isNational(r) ? 'BỘ KHOA HỌC VÀ CÔNG NGHỆ' : 'SỞ KHOA HỌC VÀ CÔNG NGHỆ';
  return sideBySide(
    [
      ...(issuer ? [centered(issuer, { size: 24 })] : []),
      centered(body, { bold: true, size: 24 }),
      centered('―――――――', { size: 20 }),
      centered(NUMBER_PLACEHOLDER, { size: 26 }),
    ],
    [
      centered('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 24 }),
      centered('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 26 }),
      centered('――――――――――――――', { size: 20 }),
      centered(`${place}, ngày      tháng ${today[1]} năm ${today[0]}`, { italics: true }),
    ],
    [42, 58],
  );
}

function title(r: Rollup): Block[] {
  const asOf = formalDate(ictDate(new Date(r.builtAt)));
  return [
    space(240),
    centered('BÁO CÁO', { bold: true }),
    centered(
      `Tổng hợp kết quả thực hiện khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số ` +
        `${periodOf(r)} ${unitsWhere(r)}`,
      { bold: true },
    ),
    ...(r.beforeDeadline
      ? [centered(`(Dự thảo: số liệu đến ngày ${asOf}, trước hạn nộp báo cáo)`, { italics: true })]
      : []),
    centered('―――――――', { size: 20 }),
    space(120),
    centered(
      isNational(r)
        ? 'Kính gửi: Bộ Khoa học và Công nghệ.'
        : `Kính gửi: Ủy ban nhân dân ${scopeTitle(r)}.`,
    ),
    space(120),
  ];
}

function difficultiesPart(r: Rollup): Block[] {
  return [
    para('III. KHÓ KHĂN, VƯỚNG MẮC', { bold: true, before: 200, keepNext: true }),
    ...(r.difficulties.length
      ? quoteGroups(r, r.difficulties)
      : [para('Các đơn vị không nêu khó khăn, vướng mắc.')]),
  ];
}

/**
 * The units' proposals to others than the Department, as the Department passes them on; those
 * addressed to the Department itself are its own work, said in one sentence, never a
 * recommendation in a report the Department signs.
 */
function proposalsPart(r: Rollup): Block[] {
  const toOthers = r.proposalsByAddressee.filter((g) => g.addressee !== 'science_department');
  const toUs = r.proposalsByAddressee.find((g) => g.addressee === 'science_department');
  const themes = themesByUnits(toUs?.quotes ?? []).map((t) =>
    THEME_TITLES[t].toLocaleLowerCase('vi'),
  );
  return [
    para('IV. KIẾN NGHỊ, ĐỀ XUẤT CỦA CÁC ĐƠN VỊ', {
      bold: true,
      before: 200,
      keepNext: true,
    }),
    ...(toOthers.length
      ? quoteGroups(
          r,
          toOthers.map((g) => ({
            ...g,
            title:
              g.addressee === 'unspecified'
                ? 'Kiến nghị chung'
                : `Đối với ${ADDRESSEE_TITLES[g.addressee]}`,
          })),
        )
      : [para('Các đơn vị không có kiến nghị gửi cấp trên.')]),
    ...(toUs
      ? [
          para(
            `Đối với các nội dung ${toUs.units} đơn vị kiến nghị Sở Khoa học và Công nghệ` +
              `${themes.length ? ` (${themes.slice(0, 3).join('; ')})` : ''}, ` +
              'Sở tiếp thu và giải quyết theo thẩm quyền.',
          ),
        ]
      : []),
  ];
}

/** The themes of some quotes, the one most units raise first. */
function themesByUnits(quotes: Rollup['proposals'][number]['quotes']): Theme[] {
  const units = new Map<Theme, Set<string>>();
  for (const q of quotes) {
    const t = themeOf(q.text, foldedQuote(q));
    units.set(t, (units.get(t) ?? new Set()).add(q.unitCode));
  }
  return [...units].sort((a, b) => b[1].size - a[1].size).map(([t]) => t);
}

function signature(r: Rollup, settings: DocxSettings): Block[] {
  const { titles, name } = signatureBlock(settings?.signer);
  return [
    para(
      `Trên đây là báo cáo tổng hợp kết quả ${periodOf(r)} ${unitsWhere(r)}, Sở Khoa học và Công ` +
        `nghệ kính báo cáo ${isNational(r) ? 'Bộ' : 'Ủy ban nhân dân tỉnh'} xem xét, chỉ đạo./.`,
    ),
    sideBySide(
      [
        para('Nơi nhận:', { bold: true, italics: true, size: 24, indent: false, after: 0 }),
        ...['- Như trên;', '- Giám đốc, các Phó Giám đốc Sở;', '- Lưu: VT.'].map((t) =>
          para(t, { size: 22, indent: false, after: 0, align: AlignmentType.LEFT }),
        ),
      ],
      [
        ...titles.map((t) => centered(t, { bold: true })),
        space(1400),
        // No name set: the line is left for the signer's hand, as the layout has it.
        name ? centered(name, { bold: true }) : centered(NAME_LINE),
      ],
      [50, 50],
    ),
  ];
}

function appendix(r: Rollup, today: number[]): Block[] {
  const names = unitNamesOf(r);
  const missing = r.units.filter((u) => u.state !== 'on_time' && u.state !== 'late');
  if (!missing.length) return [];
  return [
    centered('Phụ lục', { bold: true, pageBreakBefore: true }),
    centered(`DANH SÁCH CÁC ĐƠN VỊ CHƯA CÓ BÁO CÁO HỢP LỆ`, { bold: true }),
    centered(
      `(Kèm theo Báo cáo số        /BC-SKHCN ngày      tháng ${today[1]} năm ${today[0]} ` +
        `của Sở Khoa học và Công nghệ${isNational(r) ? '' : ` ${scopeTitle(r)}`})`,
      { italics: true, after: 200 },
    ),
    table(
      ['TT', 'Mã', 'Đơn vị', 'Tình trạng', 'Ghi chú'],
      missing.map((u, n) => [
        String(n + 1),
        u.unitCode,
        names.get(u.unitCode)!,
        STATE_TITLES[u.state],
        // The decisive reason only: the signed document is no list of findings.
        problemNote(u.problems.slice(0, 1)),
      ]),
      [7, 11, 30, 15, 37],
      ['center', 'center', 'left', 'left', 'left'],
    ),
  ];
}

/** Page numbers at the top centre, none on the first page (Nghị định 30). */
const pageHeader = () =>
  new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 26 })],
      }),
    ],
  });

/** The rollup in the Nghị định 30 layout, for the Department to number, sign and send. */
export async function rollupDocx(r: Rollup, settings: DocxSettings = null): Promise<Uint8Array> {
  const today = ictDate(new Date(r.builtAt)).split('-').map(Number);
  // One section: a second one would end the first with an empty paragraph that can spill onto
  // a page of its own after the signature. The appendix starts on a new page instead.
  const children: Block[] = [
    letterhead(r, today),
    ...title(r),
    ...opening(r),
    ...submissionStatus(r),
    ...indicatorsPart(r),
    ...checksNote(r),
    ...difficultiesPart(r),
    ...proposalsPart(r),
    ...signature(r, settings),
    ...appendix(r, today),
  ];
  const doc = new Document({
    creator: settings?.name ?? 'Sở Khoa học và Công nghệ',
    title: `Báo cáo tổng hợp ${periodOf(r)} ${unitsWhere(r)}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: 210 * MM, height: 297 * MM },
            margin: { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM },
          },
        },
        headers: { default: pageHeader(), first: new Header({ children: [] }) },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
