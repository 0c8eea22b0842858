import type { Paragraph, Table } from 'docx';
import { ictDate } from '../rounds/deadline.js';
import type { IndicatorSummary, Rollup } from '../schemas/rollup.js';
import { SUBMISSION_STATUS_WORDS, COUNT_TITLES as T } from '../vocabulary/status-words.js';
import { centered, heading, para, run, table } from './docx-blocks.js';
import {
  formalDate,
  formatNumber,
  formatSameScale,
  formatShare,
  LEVEL_TITLES,
  levelsOf,
  unitNames as unitNamesOf,
} from './format.js';
import { indicatorHeadline, trendText } from './headline.js';
import { distinctQuotes } from './themes.js';

type Block = Paragraph | Table;
const QUOTES_PER_GROUP = 6;
const UNITS_NAMED = 3;

export function opening(r: Rollup): Block[] {
  const requests = r.round.requests.map((q) => `Văn bản số ${q}`).join(', ');
  const deadline = formalDate(ictDate(new Date(r.round.deadline)));
  return [
    para(
      `Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển ` +
        `khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia${requests ? `, ${requests}` : ''}; ` +
        `trên cơ sở báo cáo của các ${levelsOf(r)} (hạn nộp ngày ${deadline}), ` +
        `Sở Khoa học và Công nghệ tổng hợp kết quả như sau:`,
    ),
  ];
}

export function submissionStatus(r: Rollup): Block[] {
  const s = r.status;
  const others = r.otherDocuments.length;
  const rows = [
    ...s.byLevel.map((l) => ({ ...l, title: LEVEL_TITLES[l.level] })),
    { ...s, title: 'Tổng số' },
  ].map((l) => [
    l.title,
    ...[l.expected, l.onTime, l.late, l.needsReview + l.returned + l.rejected, l.missing].map(
      formatNumber,
    ),
    formatShare(l.reportingRate),
  ]);
  return [
    heading('I. TÌNH HÌNH NỘP BÁO CÁO'),
    para(
      `Tổng số đơn vị phải báo cáo: ${s.expected}. Đã nộp báo cáo hợp lệ: ${s.reported} đơn vị ` +
        `(${formatShare(s.reportingRate)}), trong đó đúng hạn ${s.onTime} đơn vị, muộn ${s.late} ` +
        `đơn vị${s.approvedByStaff ? ` (${s.approvedByStaff} báo cáo do Sở duyệt)` : ''}. ` +
        `Báo cáo cần xem lại: ${s.needsReview}; ` +
        `${s.returned ? `trả lại để sửa: ${s.returned}; ` : ''}bị từ chối: ${s.rejected}; ` +
        `chưa nộp: ${s.missing} đơn vị.` +
        (others
          ? ` Có ${others} văn bản không phải báo cáo kết quả (kế hoạch, công văn) được gửi ` +
            `trong kỳ; các văn bản này không được tổng hợp số liệu.`
          : ''),
    ),
    table(
      [
        'Loại đơn vị',
        T.expected,
        T.onTime,
        T.late,
        `${T.needsReview}, trả lại, ${SUBMISSION_STATUS_WORDS.rejected}`,
        T.missing,
        T.reportingRate,
      ],
      rows,
      [18, 12, 12, 10, 18, 12, 18],
      ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
      { boldLast: true },
    ),
    para(
      r.units.some((u) => u.state !== 'on_time' && u.state !== 'late')
        ? 'Danh sách các đơn vị chưa có báo cáo hợp lệ tại Phụ lục kèm theo.'
        : 'Tất cả các đơn vị đã nộp báo cáo hợp lệ.',
      { italics: true, before: 120 },
    ),
  ];
}

function spreadText(i: IndicatorSummary): string {
  const s = i.spread;
  if (!s || i.unitsReporting < 2) return '';
  const unit = i.kind === 'rate' ? '%' : i.unit;
  return formatSameScale([s.min.value, s.median.value, s.max.value], unit).join(' – ');
}

export function indicatorsPart(r: Rollup): Block[] {
  const reported = r.indicators.filter((i) => i.unitsReporting > 0);
  return [
    heading('II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU'),
    para(
      'Số liệu tổng hợp từ báo cáo hợp lệ của các đơn vị. Đối với chỉ tiêu tỷ lệ: khi phần lớn ' +
        'đơn vị báo cáo có số liệu gốc (tử số, mẫu số), tỷ lệ chung tính bằng tổng tử số chia tổng ' +
        'mẫu số; khi phần lớn đơn vị chỉ nêu tỷ lệ, ghi trung vị các tỷ lệ và số đơn vị có số liệu ' +
        'gốc. Cột cuối ghi giá trị nhỏ nhất – trung vị – lớn nhất giữa các đơn vị.',
    ),
    table(
      ['TT', 'Chỉ tiêu', 'Số đơn vị báo cáo', 'Kết quả tổng hợp', 'Nhỏ nhất – trung vị – lớn nhất'],
      reported.map((i, n) => [
        String(n + 1),
        i.name,
        formatNumber(i.unitsReporting),
        indicatorHeadline(i, { count: false }).replace(/^tổng số /, '') + trendText(i),
        spreadText(i),
      ]),
      [6, 34, 11, 27, 22],
      ['center', 'left', 'right', 'right', 'right'],
    ),
    para(
      'Số liệu chi tiết của từng đơn vị và nguồn của từng số liệu tại Phụ lục dạng bảng tính kèm theo.',
      { italics: true, before: 120 },
    ),
  ];
}

/** "Xã A, Xã B, Xã C", or "98 đơn vị, trong đó có Xã A, Xã B, Xã C" when many share a point. */
export function whoSaid(codes: string[], unitNames: Map<string, string>): string {
  const named = codes.slice(0, UNITS_NAMED).map((c) => unitNames.get(c) ?? c);
  return codes.length > UNITS_NAMED
    ? `${codes.length} đơn vị, trong đó có ${named.join(', ')}`
    : named.join(', ');
}

export function quoteGroups(
  r: Rollup,
  groups: Array<{ title: string; units: number; quotes: Rollup['difficulties'][number]['quotes'] }>,
): Paragraph[] {
  const unitNames = unitNamesOf(r);
  return groups.flatMap((g, gi) => {
    const quotes = distinctQuotes(g.quotes);
    const more = quotes.length - QUOTES_PER_GROUP;
    return [
      para([run(`${gi + 1}. ${g.title}: `, { bold: true }), run(`${g.units} đơn vị nêu.`)], {
        before: 60,
        keepNext: true,
      }),
      ...quotes.slice(0, QUOTES_PER_GROUP).map((q) =>
        para(
          [run(`- “${q.text}” `), run(`(${whoSaid(q.unitCodes, unitNames)})`, { italics: true })],
          {
            after: 60,
          },
        ),
      ),
      ...(more > 0
        ? [
            para(`Ngoài ra còn ${more} ý kiến khác (chi tiết tại bảng tính kèm theo).`, {
              italics: true,
            }),
          ]
        : []),
    ];
  });
}

export const centeredLines = (lines: string[], o: { bold?: boolean; italics?: boolean } = {}) =>
  lines.map((l) => centered(l, o));
