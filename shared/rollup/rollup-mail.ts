import { escapeHtml } from '../mail/html.js';
import type { RenderedMail } from '../mail/templates.js';
import { vietnamTime } from '../rounds/deadline.js';
import type { MailJob } from '../schemas/mail.js';
import type { Rollup } from '../schemas/rollup.js';
import type { Department } from '../schemas/unit.js';

import { formatShare, periodOf, scopeTitle, unitsWhere } from './format.js';
import { indicatorHeadline } from './headline.js';
import { THEME_TITLES } from './themes.js';

/** The rollups page of the portal, at this round: every download there is signed at the click. */
export const rollupsPageUrl = (portalUrl: string, roundId: string) =>
  `${portalUrl.replace(/\/+$/, '')}/so/tong-hop#ky-${encodeURIComponent(roundId)}`;

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

function mailHtml(subject: string, paragraphs: string[], link: string, sign: string[]): string {
  const p = (t: string) => `<p>${escapeHtml(t).replace(/\n/g, '<br>')}</p>`;
  const a = `<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`;
  const body = [...paragraphs.slice(0, -1).map(p), a, p(paragraphs.at(-1)!)];
  if (sign.length) body.push(`<p>--<br>${sign.map(escapeHtml).join('<br>')}</p>`);
  return (
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(subject)}` +
    `</title></head><body style="font-family:Arial,sans-serif;font-size:14px">\n${body.join('\n')}` +
    '\n</body></html>'
  );
}

/**
 * The Department's copy of a rollup: the headline figures (the same rule as the document's),
 * a link to the portal's rollups page (never a pre-signed address: one lives hours when a Lambda
 * signs it; the page signs each download at the click), and the Department's own signature.
 */
export function rollupMail(input: {
  rollup: Rollup;
  /** The portal's address: the mail links to the rollups page, where each download is signed. */
  portalUrl: string;
  department?: Department | null;
}): RenderedMail {
  const { rollup: r } = input;
  const link = rollupsPageUrl(input.portalUrl, r.round.roundId);
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
    'Xem và tải các tệp (DOCX, XLSX, HTML, JSON) của bản này và các bản trước tại trang Tổng hợp ' +
      'trên cổng tonghop (đăng nhập bằng tài khoản của Sở):',
    'Tệp .docx là dự thảo theo thể thức Nghị định 30/2020/NĐ-CP để Sở điền số, ký và ban hành.',
  ];
  const sign = signature(input.department ?? null);
  const textParts = [
    ...paragraphs.slice(0, -1),
    link,
    paragraphs.at(-1)!,
    ...(sign.length ? [`--\n${sign.join('\n')}`] : []),
  ];
  return {
    subject,
    text: `${textParts.join('\n\n')}\n`,
    html: mailHtml(subject, paragraphs, link, sign),
  };
}

export const rollupKey = (roundId: string) => `ROLLUP#${roundId}`;

/** The Department's mail of one build: its figures and where the files are. */
export function rollupMailJob(
  rollup: Rollup,
  ledgerKey: string,
  department: Department | null,
  portalUrl: string,
): MailJob | null {
  if (!department?.emails.length) return null;
  const mail = rollupMail({ rollup, department, portalUrl });
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
