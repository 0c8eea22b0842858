import { htmlPage } from '../mail/html.js';
import type { RenderedMail } from '../mail/templates.js';
import type { DepartmentStore } from '../ports/department-store.js';
import type { ObjectStore } from '../ports/object-store.js';
import { vietnamTime } from '../rounds/deadline.js';
import type { MailJob } from '../schemas/mail.js';
import type { IndicatorSummary, Rollup } from '../schemas/rollup.js';
import { NATIONAL } from './build-rollup.js';
import {
  formatNumber,
  formatPercent,
  formatShare,
  rollupPrefix,
  scopeTitle,
  scopeWhere,
} from './format.js';
import { THEME_TITLES } from './themes.js';

const LINK_DAYS = 7;

/** An indicator's headline figure: the total of a count, the weighted rate, else the range. */
function headline(i: IndicatorSummary): string {
  if (i.kind === 'count') return `${formatNumber(i.total ?? 0)} ${i.unit}`;
  if (i.weighted) return formatPercent(i.weighted.value);
  return `${formatNumber(i.spread!.min.value)}–${formatNumber(i.spread!.max.value)}%`;
}

/** The Department's copy of a rollup: the headline figures and where to download the files. */
export function rollupMail(input: {
  rollup: Rollup;
  links: Array<{ name: string; url: string }>;
  until: Date;
}): RenderedMail {
  const { rollup: r, links } = input;
  const s = r.status;
  const scope = scopeTitle(r);
  const subject =
    `[tonghop] Dự thảo báo cáo tổng hợp ${r.round.title} — ${scope}: ` +
    `${s.reported}/${s.expected} đơn vị đã nộp`;
  const counted = r.indicators
    .filter((i) => i.unitsReporting > 0)
    .slice(0, 6)
    .map((i) => `${i.name}: ${headline(i)} (${i.unitsReporting} đơn vị)`);
  const paragraphs = [
    `Dự thảo báo cáo tổng hợp ${r.round.title} của các xã, phường, đặc khu ${scopeWhere(r)}, ` +
      `số liệu đến ${vietnamTime(new Date(r.builtAt))}.`,
    `Đã nộp hợp lệ ${s.reported}/${s.expected} đơn vị (${formatShare(s.reportingRate)}): ` +
      `đúng hạn ${s.onTime}, muộn ${s.late}. Cần xem lại ${s.needsReview}, ` +
      `${s.returned ? `trả lại để sửa ${s.returned}, ` : ''}bị từ chối ${s.rejected}, chưa nộp ${s.missing}.`,
    ...(counted.length ? [`Một số chỉ tiêu:\n${counted.map((c) => `- ${c}`).join('\n')}`] : []),
    ...(r.difficulties.length
      ? [
          `Khó khăn được nêu nhiều nhất: ${r.difficulties
            .slice(0, 3)
            .map((t) => `${THEME_TITLES[t.theme].toLocaleLowerCase('vi')} (${t.units} đơn vị)`)
            .join('; ')}.`,
        ]
      : []),
    `Tải các tệp (liên kết dùng được đến ${vietnamTime(input.until)}; sau đó, lấy các tệp ` +
      `trong thư mục ${rollupPrefix(r.provinceCode, r.round.roundId)} của kho lưu trữ ` +
      `hoặc bằng lệnh tonghop rollup):\n${links.map((l) => `${l.name}: ${l.url}`).join('\n')}`,
    'Tệp .docx là dự thảo theo thể thức Nghị định 30/2020/NĐ-CP để Sở chỉnh sửa, trình ký.',
  ];
  const text = `${paragraphs.join('\n\n')}\n`;
  return { subject, text, html: htmlPage(subject, paragraphs) };
}

export const rollupKey = (roundId: string) => `ROLLUP#${roundId}`;

/**
 * The Department's mail with pre-signed links to this build's files (its history copies, which
 * no rebuild replaces).
 */
export async function rollupMailJob(
  rollup: Rollup,
  published: Array<{ name: string; historyKey: string }>,
  deps: { departments: DepartmentStore; objects: ObjectStore },
  ledgerKey: string,
): Promise<MailJob | null> {
  const department =
    rollup.provinceCode === NATIONAL ? null : await deps.departments.get(rollup.provinceCode);
  if (!department?.emails.length) return null;
  const links = await Promise.all(
    published.map(async (p) => ({
      name: p.name,
      ...(await deps.objects.link(p.historyKey, {
        expiresInSeconds: LINK_DAYS * 86_400,
        fileName: p.name,
      })),
    })),
  );
  const mail = rollupMail({
    rollup,
    links,
    until: new Date(Math.min(...links.map((l) => l.expiresAt.getTime()))),
  });
  return {
    kind: 'rollup',
    ledgerKey,
    provinceCode: rollup.provinceCode,
    roundId: rollup.round.roundId,
    unitCode: null,
    offsetDays: null,
    to: department.emails,
    ...mail,
  };
}
