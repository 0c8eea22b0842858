import { html } from 'hono/html';
import {
  daysFromDeadline,
  ictDate,
  nextReminderDay,
  vietnameseDay,
} from '../../shared/rounds/deadline.js';
import type { DeskEvent } from '../../shared/schemas/desk-event.js';
import type { Round } from '../../shared/schemas/round.js';
import type { Identity } from '../identity.js';
import { deskLogList } from './desk-log.js';
import { dateText, daysLeftText, deadlineText } from './format.js';
import { csrfField, type Html, notice } from './layout.js';
import { staffPage } from './staff-layout.js';

/** What the "open a round" form held when it was refused, to show it again with why. */
export interface RoundFormState {
  values: Record<string, string>;
  error: { field: string; message: string } | null;
}

const CLOSED_NOTE = 'Kỳ đã đóng: không nhắc hạn, không lập dự thảo.';
const CLOSE_NOTE = 'Đóng kỳ: thôi nhắc hạn và lập dự thảo; tệp nộp vẫn được ghi nhận.';

function roundCard(r: Round, csrf: string, now: Date): Html {
  const next = nextReminderDay(r, now);
  const letter = r.letter
    ? html`<dt>Công văn</dt><dd>số ${r.letter.number} ngày ${dateText(r.letter.date)} của ${r.letter.issuer}</dd>`
    : '';
  const id = r.roundId;
  const closed = Boolean(r.closedAt);
  return html`<section class="card round-card" id="ky-${id}" aria-labelledby="ten-${id}">
  <h3 id="ten-${id}">${r.title} <small>${id} · ${r.kind === 'standing' ? 'định kỳ' : 'đột xuất'}${
    closed ? ' · đã đóng' : ''
  }</small></h3>
  <dl class="facts">
    <dt>Hạn nộp</dt><dd>${deadlineText(r)} (${daysLeftText(r, now)})</dd>${letter}
    <dt>Ngày nhắc</dt><dd>${r.reminderOffsets.join(', ')} (so với hạn)${
      next ? html`<br><small>Lần nhắc tới: ${vietnameseDay(next.day)}</small>` : ''
    }</dd>
  </dl>
  <p><a href="/so?ky=${id}">Tình hình nộp của kỳ</a></p>
  <form method="post" action="/so/ky/${id}/nhac" class="inline-form">${csrfField(csrf)}
    <label for="nhac-${id}">Ngày nhắc (số ngày so với hạn, cách nhau bởi dấu phẩy)</label>
    <div class="row"><input type="text" id="nhac-${id}" name="offsets" value="${r.reminderOffsets.join(', ')}"
      inputmode="numeric"><button type="submit">Lưu ngày nhắc</button></div>
  </form>
  <form method="post" action="/so/ky/${id}/${closed ? 'mo-lai' : 'dong'}">${csrfField(csrf)}
    <button type="submit" class="${closed ? '' : 'danger'}">${closed ? 'Mở lại kỳ' : 'Đóng kỳ'}</button>
    <small>${closed ? CLOSED_NOTE : CLOSE_NOTE}</small>
  </form>
</section>`;
}

const FIELDS: Array<[string, string, string, string]> = [
  ['letterNumber', 'Số hiệu công văn', 'text', 'ví dụ 1464/SKHCN-KH&ĐMST'],
  ['letterDate', 'Ngày công văn', 'date', ''],
  ['letterIssuer', 'Cơ quan ban hành', 'text', 'Sở Khoa học và Công nghệ'],
  ['title', 'Tên kỳ báo cáo', 'text', 'ví dụ Báo cáo 9 tháng năm 2026'],
  ['roundId', 'Mã kỳ', 'text', 'ví dụ 2026-9M'],
  ['deadline', 'Hạn nộp', 'date', ''],
  ['offsets', 'Ngày nhắc (để trống: -14, -7, -3, -1, 0, 1, 3, 7)', 'text', '-7, -3, 0, 3'],
];

/** The letter fields; the refused one is marked and its message stands under it. */
function openForm(csrf: string, state: RoundFormState): Html {
  const field = ([name, label, type, hint]: (typeof FIELDS)[number]) => {
    const bad =
      state.error?.field === name || (name.startsWith('letter') && state.error?.field === 'letter');
    return html`<label for="f-${name}">${label}</label>
    <input type="${type}" id="f-${name}" name="${name}" value="${state.values[name] ?? ''}"${
      hint ? html` placeholder="${hint}"` : ''
    }${bad ? html` aria-invalid="true" aria-describedby="loi-ky"` : ''}>`;
  };
  return html`<form method="post" action="/so/ky" class="stack card" id="mo-ky">
  <h2>Mở kỳ báo cáo đột xuất theo công văn</h2>
  ${state.error ? html`<div id="loi-ky">${notice('error', state.error.message)}</div>` : ''}
  ${csrfField(csrf)}${FIELDS.map(field)}
  <button type="submit">Mở kỳ báo cáo</button>
</form>`;
}

export function roundsPage(input: {
  identity: Identity;
  csrf: string;
  rounds: Round[];
  log: DeskEvent[];
  form: RoundFormState;
  flash: { kind: 'ok' | 'error'; text: string } | null;
  now: Date;
}): Html {
  const { now } = input;
  // The rounds that matter now first, nearest deadline first; older ones, newest first, folded.
  const live = input.rounds.filter((r) => daysFromDeadline(now, r.deadline) <= 60);
  const past = input.rounds.filter((r) => daysFromDeadline(now, r.deadline) > 60).reverse();
  return staffPage(
    {
      title: 'Kỳ báo cáo',
      identity: input.identity,
      csrf: input.csrf,
      area: 'rounds',
      flash: input.flash,
    },
    html`<h1>Kỳ báo cáo<small>Các kỳ định kỳ (10/6 và 20/11) và các kỳ đột xuất theo công văn
  · hôm nay ${vietnameseDay(ictDate(now))}</small></h1>
${input.form.error ? openForm(input.csrf, input.form) : ''}
<h2>Các kỳ đang và sắp đến hạn</h2>
<div class="round-cards">${live.map((r) => roundCard(r, input.csrf, now))}</div>
${input.form.error ? '' : openForm(input.csrf, input.form)}
${
  past.length
    ? html`<details><summary>Các kỳ đã qua (${past.length})</summary>
  <div class="round-cards">${past.map((r) => roundCard(r, input.csrf, now))}</div></details>`
    : ''
}
<h2>Nhật ký kỳ báo cáo</h2>
${deskLogList(input.log, 'Chưa có thay đổi nào về kỳ báo cáo.')}`,
  );
}
