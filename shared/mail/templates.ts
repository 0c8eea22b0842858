import { chosenFileName } from '../files/shown-name.js';
import { byDecisiveness } from '../ingest/decisive-reason.js';
import { daysFromDeadline, ictDate, vietnameseDay, vietnamTime } from '../rounds/deadline.js';
import { returnMessage } from '../schemas/audit.js';
import type { Round } from '../schemas/round.js';
import type { Submission } from '../schemas/submission.js';
import type { Department, Unit } from '../schemas/unit.js';
import {
  capitalize,
  SUBMISSION_STATUS_WORDS as STATUS_VI,
  TIMELINESS_WORDS,
} from '../vocabulary/status-words.js';
import { unitLabel } from '../vocabulary/unit-names.js';
import { htmlPage } from './html.js';
import { boardPageUrl, uploadHint } from './portal-link.js';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** The last line of a mail to a unit: the Department and where to reach it. */
export function signature(department: Department | null): string {
  if (!department) return 'Sở Khoa học và Công nghệ';
  const contact = department.emails.length ? ` — liên hệ: ${department.emails.join(', ')}` : '';
  return `${department.name}${contact}`;
}

/** "xã Diễn Châu (17500)": a unit named in a list. */
const named = (unit: Unit) => `${unitLabel(unit)} (${unit.code})`;

function when(round: Round, now: Date): string {
  const d = daysFromDeadline(now, round.deadline);
  if (d < 0) return `còn ${-d} ngày`;
  if (d === 0) return 'hôm nay là hạn cuối';
  return `đã quá hạn ${d} ngày`;
}

/** The reminder to a unit that has no accepted report yet; says what is wrong with the last one. */
export function reminderMail(input: {
  round: Round;
  unit: Unit;
  latest: Submission | null;
  department: Department | null;
  now: Date;
  /** The portal's address: the mail links to the unit's page of this round. */
  portalUrl: string;
}): RenderedMail {
  const { round, unit, latest, department, now } = input;
  const deadline = vietnameseDay(ictDate(new Date(round.deadline)));
  const overdue = daysFromDeadline(now, round.deadline) > 0;
  const subject =
    `[tonghop] ${overdue ? 'Quá hạn' : 'Nhắc hạn'}: ${round.title} — ` +
    `${capitalize(unitLabel(unit))} (hạn ${deadline.replace(/^.*ngày /, '')})`;
  const requests = round.requests.length ? ` (theo ${round.requests.join('; ')})` : '';
  const paragraphs = [
    `Kính gửi Ủy ban nhân dân ${unitLabel(unit)},`,
    `${round.title}${requests} có hạn nộp là 23 giờ 59 phút ${deadline}; ${when(round, now)}.`,
  ];
  if (latest && latest.status !== 'accepted') {
    const returned = returnMessage(latest);
    const problems = [
      ...(returned ? [`- Sở KHCN: ${returned}`] : []),
      ...latest.diagnostics.map((d) => `- ${d.message}`),
    ];
    const listed = problems.length ? `:\n${problems.join('\n')}` : '.';
    paragraphs.push(
      `Báo cáo gửi lúc ${vietnamTime(new Date(latest.uploadedAt))} (tệp "${chosenFileName(latest.file.name)}") ` +
        `${STATUS_VI[latest.status]}${listed}`,
    );
    paragraphs.push('Đề nghị đơn vị chỉnh sửa và gửi lại.');
  } else {
    paragraphs.push('Hệ thống chưa nhận được báo cáo của đơn vị cho kỳ này.');
  }
  paragraphs.push(
    uploadHint(input.portalUrl, unit.code, round.roundId),
    'Nếu đơn vị đã gửi trong hôm nay, xin bỏ qua thư này.',
    signature(department),
  );
  return { subject, text: `${paragraphs.join('\n\n')}\n`, html: htmlPage(subject, paragraphs) };
}

/** The receipt for one stored submission, with what needs fixing. */
export function receiptMail(input: {
  submission: Submission;
  unit: Unit;
  roundTitle: string;
  department: Department | null;
  portalUrl: string;
}): RenderedMail {
  const { submission: s, unit, roundTitle, department } = input;
  const subject =
    `[tonghop] Đã nhận báo cáo: ${roundTitle} — ` +
    `${capitalize(unitLabel(unit))} (${STATUS_VI[s.status]})`;
  const paragraphs = [
    `Kính gửi Ủy ban nhân dân ${unitLabel(unit)},`,
    `Hệ thống đã nhận tệp "${chosenFileName(s.file.name)}" (bản ${s.version}) cho ${roundTitle} ` +
      `lúc ${vietnamTime(new Date(s.uploadedAt))}. Trạng thái: ${STATUS_VI[s.status]}.`,
  ];
  // What to fix (errors) apart from notes (OCR done, an encoding converted): a note is never
  // listed as something to fix, and "send again" is asked only when there is something to fix.
  const list = (ds: typeof s.diagnostics) => ds.map((d) => `- ${d.message}`).join('\n');
  const errors = byDecisiveness(s.diagnostics).filter((d) => d.level === 'error');
  const notes = s.diagnostics.filter((d) => d.level !== 'error');
  if (s.status !== 'accepted' && errors.length)
    paragraphs.push(
      `Nội dung cần sửa:\n${list(errors)}`,
      'Đề nghị đơn vị chỉnh sửa và gửi lại bản mới; bản cũ vẫn được lưu.',
    );
  else if (s.status === 'needs_review')
    paragraphs.push('Cán bộ Sở KHCN sẽ xem tệp này; đơn vị chưa cần gửi lại.');
  if (notes.length) paragraphs.push(`Lưu ý (không cần sửa):\n${list(notes)}`);
  const figures = s.report?.indicators.filter((i) => i.key !== null).length ?? 0;
  // Not counted whatever its figures say: another period, or not a report at all.
  const NOT_COUNTED = ['period.mismatch', 'period.otherRound', 'documentType.notReport'];
  const held = s.diagnostics.some((d) => NOT_COUNTED.includes(d.code ?? ''));
  if (figures && !held && (s.status === 'accepted' || s.status === 'needs_review'))
    paragraphs.push(
      'Hệ thống đã đọc các số liệu của báo cáo để tổng hợp. Đề nghị đơn vị mở trang dưới đây, ' +
        'kiểm tra từng số liệu và bấm "Xác nhận" (số liệu đọc sai: chọn "Sửa giá trị"); ' +
        'văn bản gốc vẫn được giữ nguyên.',
    );
  paragraphs.push(uploadHint(input.portalUrl, unit.code, s.roundId), signature(department));
  return { subject, text: `${paragraphs.join('\n\n')}\n`, html: htmlPage(subject, paragraphs) };
}

export interface DigestRow {
  unit: Unit;
  /** needs_review: a file came but a person must look at it; it is not "missing". */
  state: 'on_time' | 'late' | 'needs_review' | 'missing';
  receivedAt: string | null;
  hasContact: boolean;
}

/** The Department's list of units on time, late and missing for a round. */
export function digestMail(input: {
  round: Round;
  rows: DigestRow[];
  now: Date;
  undeliverable?: Map<string, string[]>;
  /** The portal's address: the digest links to the round's board. */
  portalUrl: string;
}): RenderedMail {
  const { round, rows, now } = input;
  const bouncedTo = (r: DigestRow) => input.undeliverable?.get(r.unit.code) ?? [];
  const bounced = rows.filter((r) => bouncedTo(r).length);
  const count = (s: DigestRow['state']) => rows.filter((r) => r.state === s).length;
  const deadline = vietnameseDay(ictDate(new Date(round.deadline)));
  const subject =
    `[tonghop] Tổng hợp tình hình nộp: ${round.title} — ` +
    `${count('on_time')} đúng hạn, ${count('late')} muộn, ${count('missing')} chưa nộp`;
  const noContact = rows.filter((r) => r.state === 'missing' && !r.hasContact);
  const paragraphs = [
    `${round.title}, hạn nộp ${deadline}. Số liệu đến ${vietnameseDay(ictDate(now))}:`,
    `Xem từng đơn vị, đôn đốc và xem xét hồ sơ tại: ${boardPageUrl(input.portalUrl, round.roundId)}`,
    `Đúng hạn: ${count('on_time')} đơn vị. Nộp muộn: ${count('late')} đơn vị.`,
    `Cần xem lại (đã gửi tệp, Sở cần kiểm tra): ${count('needs_review')} đơn vị.`,
    `Chưa nộp: ${count('missing')} đơn vị (trên tổng số ${rows.length}).`,
    ...(noContact.length
      ? [
          `${noContact.length} đơn vị chưa nộp không có địa chỉ thư để nhắc: ` +
            `${noContact.map((r) => named(r.unit)).join(', ')}.`,
        ]
      : []),
    ...(bounced.length
      ? [
          `Thư gửi ${bounced.length} đơn vị bị trả lại hoặc bị báo là thư rác, cần cập nhật danh bạ: ` +
            `${bounced.map((r) => `${named(r.unit)}: ${bouncedTo(r).join(', ')}`).join('; ')}.`,
        ]
      : []),
  ];
  const label = { ...TIMELINESS_WORDS, needs_review: STATUS_VI.needs_review };
  const order = { missing: 0, needs_review: 1, late: 2, on_time: 3 } as const;
  const sorted = [...rows].sort(
    (a, b) => order[a.state] - order[b.state] || a.unit.code.localeCompare(b.unit.code),
  );
  const table = {
    head: ['Mã', 'Đơn vị', 'Tình trạng', 'Nhận lúc'],
    rows: sorted.map((r) => [
      r.unit.code,
      capitalize(unitLabel(r.unit)),
      label[r.state],
      r.receivedAt ? vietnamTime(new Date(r.receivedAt)) : '',
    ]),
  };
  const text = `${[...paragraphs, '', ...table.rows.map((r) => r.join('\t'))].join('\n')}\n`;
  return { subject, text, html: htmlPage(subject, paragraphs, table) };
}
