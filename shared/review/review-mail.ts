import { htmlPage } from '../mail/html.js';
import { portalPageUrl } from '../mail/portal-link.js';
import { signature } from '../mail/templates.js';
import { vietnamTime } from '../rounds/deadline.js';
import type { MailJob } from '../schemas/mail.js';
import type { Submission } from '../schemas/submission.js';
import type { Department, Unit } from '../schemas/unit.js';
import { capitalize } from '../vocabulary/status-words.js';
import { unitLabel } from '../vocabulary/unit-names.js';

export interface ReviewMailInput {
  kind: 'return' | 'assign';
  submission: Submission;
  unit: Unit;
  roundTitle: string;
  /** The reviewer's words: for a return, what to correct. */
  message: string;
  department: Department | null;
  portalUrl: string;
}

/**
 * The mail that tells a unit what the Department decided on its file: returned for correction
 * (with the message and where to upload the corrected one) or recorded as its report. It links to
 * the unit's portal page, never to a storage path or a pre-signed URL.
 */
export function reviewMail(input: ReviewMailInput): Pick<MailJob, 'subject' | 'text' | 'html'> {
  const { submission: s, unit } = input;
  const link = portalPageUrl(input.portalUrl, unit.code, s.roundId);
  const file = `tệp "${s.file.name}" gửi lúc ${vietnamTime(new Date(s.uploadedAt))}`;
  const name = capitalize(unitLabel(unit));
  const subject =
    input.kind === 'return'
      ? `[tonghop] Sở KHCN trả lại báo cáo để chỉnh sửa: ${input.roundTitle} — ${name}`
      : `[tonghop] Sở KHCN đã ghi nhận báo cáo: ${input.roundTitle} — ${name}`;
  const paragraphs = [`Kính gửi Ủy ban nhân dân ${unitLabel(unit)},`];
  if (input.kind === 'return') {
    paragraphs.push(
      `Sở Khoa học và Công nghệ trả lại báo cáo ${input.roundTitle} của đơn vị (${file}) để chỉnh sửa, với nội dung:`,
      input.message,
      `Đề nghị đơn vị sửa theo nội dung trên và nộp lại tại trang của đơn vị: ${link}\n` +
        'Bản nộp mới sẽ thay thế bản bị trả lại.',
    );
  } else {
    paragraphs.push(
      `Sở Khoa học và Công nghệ đã ghi nhận ${file} là báo cáo ${input.roundTitle} của đơn vị ` +
        '(hệ thống không tự xác định được đơn vị gửi từ tệp này).',
      ...(input.message ? [`Ghi chú của Sở: ${input.message}`] : []),
      `Đơn vị xem kết quả và lịch sử nộp tại: ${link}`,
    );
  }
  paragraphs.push(signature(input.department));
  return { subject, text: `${paragraphs.join('\n\n')}\n`, html: htmlPage(subject, paragraphs) };
}

/** The mail job of one decision; its ledger key names the decision, so it goes out once. */
export function reviewMailJob(input: ReviewMailInput, decision: number): MailJob | null {
  if (!input.unit.emails.length) return null;
  return {
    kind: 'review',
    ledgerKey: `REVIEW#${input.submission.submissionId}#${decision}`,
    provinceCode: input.submission.provinceCode,
    roundId: input.submission.roundId,
    unitCode: input.unit.code,
    offsetDays: null,
    to: input.unit.emails,
    ...reviewMail(input),
  };
}
