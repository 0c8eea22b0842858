import { escapeHtml } from '../mail/html.js';
import type { RenderedMail } from '../mail/templates.js';
import type { ObjectStore } from '../ports/object-store.js';
import { vietnamTime } from '../rounds/deadline.js';
import type { MailJob } from '../schemas/mail.js';
import type { Rollup } from '../schemas/rollup.js';
import type { Department } from '../schemas/unit.js';

import { formatShare, periodOf, rollupPrefix, scopeTitle, unitsWhere } from './format.js';
import { indicatorHeadline } from './headline.js';
import { THEME_TITLES } from './themes.js';

const LINK_DAYS = 7;

/** The Department's name and contact, closing its mail. */
function signature(d: Department | null): string[] {
  if (!d) return [];
  return [
    d.name,
    ...(d.address ? [`Địa chỉ: ${d.address}`] : []),
    ...(d.phone ? [`Điện thoại: ${d.phone}`] : []),
    ...(d.emails.length ? [`Thư điện tử: ${d.emails.join(', ')}`] : []),
  ];
}

function mailHtml(
  subject: string,
  paragraphs: string[],
  links: Array<{ name: string; url: string }>,
  sign: string[],
): string {
  const p = (t: string) => `<p>${escapeHtml(t).replace(/\n/g, '<br>')}</p>`;
  const list = links
    .map((l) => `<li><a href="${escapeHtml(l.url)}">${escapeHtml(l.name)}</a></li>`)
    .join('');
  const body = [...paragraphs.slice(0, -1).map(p), `<ul>${list}</ul>`, p(paragraphs.at(-1)!)];
  if (sign.length) body.push(`<p>--<br>${sign.map(escapeHtml).join('<br>')}</p>`);
  return (
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(subject)}` +
    `</title></head><body style="font-family:Arial,sans-serif;font-size:14px">\n${body.join('\n')}` +
    '\n</body></html>'
  );
}

/**
 * The Department's copy of a rollup: the headline figures (the same rule as the document's),
 * the download links as links, and the Department's own signature.
 */
export function rollupMail(input: {
  rollup: Rollup;
  links: Array<{ name: string; url: string }>;
  until: Date;
  department?: Department | null;
}): RenderedMail {
  const { rollup: r, links } = input;
  const s = r.status;
  const sender = input.department?.name ?? `Sở Khoa học và Công nghệ ${scopeTitle(r)}`;
  const subject =
    `${sender}: dự thảo báo cáo tổng hợp ${periodOf(r)} — ` +
    `${s.reported}/${s.expected} đơn vị đã nộp`;
  const counted = r.indicators
    .filter((i) => i.unitsReporting > 0)
    .slice(0, 6)
    .map((i) => `${i.name}: ${indicatorHeadline(i)}`);
  const themes = r.difficulties
    .slice(0, 3)
    .map((t) => `${THEME_TITLES[t.theme].toLocaleLowerCase('vi')} (${t.units} đơn vị)`);
  const paragraphs = [
    `Dự thảo báo cáo tổng hợp kết quả ${periodOf(r)} ${unitsWhere(r)}, ` +
      `số liệu đến ${vietnamTime(new Date(r.builtAt))}.`,
    `Đã nộp hợp lệ ${s.reported}/${s.expected} đơn vị (${formatShare(s.reportingRate)}): ` +
      `đúng hạn ${s.onTime}, muộn ${s.late}. Cần xem lại ${s.needsReview}, ` +
      `${s.returned ? `trả lại để sửa ${s.returned}, ` : ''}bị từ chối ${s.rejected}, chưa nộp ${s.missing}.`,
    ...(counted.length ? [`Một số chỉ tiêu:\n${counted.map((c) => `- ${c}`).join('\n')}`] : []),
    ...(themes.length ? [`Khó khăn được nêu nhiều nhất: ${themes.join('; ')}.`] : []),
    `Tải các tệp (liên kết dùng được đến ${vietnamTime(input.until)}; sau đó, lấy các tệp ` +
      `trong thư mục ${rollupPrefix(r.provinceCode, r.round.roundId)} của kho lưu trữ):`,
    'Tệp .docx là dự thảo theo thể thức Nghị định 30/2020/NĐ-CP để Sở điền số, ký và ban hành.',
  ];
  const sign = signature(input.department ?? null);
  const textParts = [
    ...paragraphs.slice(0, -1),
    links.map((l) => `${l.name}: ${l.url}`).join('\n'),
    paragraphs.at(-1)!,
    ...(sign.length ? [`--\n${sign.join('\n')}`] : []),
  ];
  return {
    subject,
    text: `${textParts.join('\n\n')}\n`,
    html: mailHtml(subject, paragraphs, links, sign),
  };
}

export const rollupKey = (roundId: string) => `ROLLUP#${roundId}`;

/**
 * The Department's mail with pre-signed links to this build's files (its history copies, which
 * no rebuild replaces).
 */
export async function rollupMailJob(
  rollup: Rollup,
  published: Array<{ name: string; historyKey: string }>,
  objects: ObjectStore,
  ledgerKey: string,
  department: Department | null,
): Promise<MailJob | null> {
  if (!department?.emails.length) return null;
  const links = await Promise.all(
    published.map(async (p) => ({
      name: p.name,
      ...(await objects.link(p.historyKey, {
        expiresInSeconds: LINK_DAYS * 86_400,
        fileName: p.name,
      })),
    })),
  );
  const mail = rollupMail({
    rollup,
    department,
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
