import {
  daysFromDeadline,
  ictDate,
  vietnameseDay,
  vietnamTime,
} from '../../shared/rounds/deadline.js';
import type { Round } from '../../shared/schemas/round.js';
import { ROUND_STATUS_WORDS, titled } from '../../shared/vocabulary/status-words.js';

/** A status as a label: "Đã tiếp nhận", "Chưa nộp" (the words every output uses). */
export const STATUS_LABEL = titled(ROUND_STATUS_WORDS);

export function deadlineText(round: Round): string {
  return `23 giờ 59 phút ${vietnameseDay(ictDate(new Date(round.deadline)))}`;
}

export function daysLeftText(round: Round, now: Date): string {
  const d = daysFromDeadline(now, round.deadline);
  if (d < 0) return `còn ${-d} ngày`;
  if (d === 0) return 'hôm nay là hạn cuối';
  return `đã quá hạn ${d} ngày`;
}

export const when = (iso: string) => vietnamTime(new Date(iso));

/** 1.234.567,5 as Vietnamese writes it. */
export const number = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });

export function dateText(iso: string | null): string {
  if (!iso) return '—';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export function fileSize(bytes: number): string {
  return bytes >= 1048576
    ? `${(bytes / 1048576).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
