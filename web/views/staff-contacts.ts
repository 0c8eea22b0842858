import { html } from 'hono/html';
import type { ContactImport } from '../../shared/desk/contact-desk.js';
import type { accountActions, Undelivered } from '../../shared/desk/contact-status.js';
import type { DeskEvent } from '../../shared/schemas/desk-event.js';
import type { Unit } from '../../shared/schemas/unit.js';
import type { Identity } from '../identity.js';
import { deskLogList } from './desk-log.js';
import { when } from './format.js';
import { csrfField, type Html, notice } from './layout.js';
import { pageOf, pager } from './paging.js';
import { staffPage, unitCell } from './staff-layout.js';

export interface ContactsQuery {
  text: string;
  problemsOnly: boolean;
  page: number;
}

export interface ContactsInput {
  identity: Identity;
  csrf: string;
  units: Unit[];
  undelivered: Map<string, Undelivered>;
  accounts: ReturnType<typeof accountActions>;
  log: DeskEvent[];
  query: ContactsQuery;
  outcome: ContactImport | null;
  flash: { kind: 'ok' | 'error'; text: string } | null;
}

function importForm(csrf: string): Html {
  return html`<form method="post" action="/so/lien-he/nhap" enctype="multipart/form-data" class="stack card">
  <h2>Nhập danh sách liên hệ</h2>
  <p class="note">Tệp CSV hoặc XLSX, dòng đầu là tên cột: <code>unit_code, email, name, phone</code>. Một đơn vị có
    thể có nhiều dòng hoặc nhiều địa chỉ cách nhau bởi dấu chấm phẩy. Chỉ các đơn vị của tỉnh được cập nhật.
    Người ký báo cáo tổng hợp đặt tại <a href="/so/cai-dat">Cài đặt</a>.</p>
  ${csrfField(csrf)}
  <label for="tep-lien-he">Tệp danh sách (.csv, .xlsx, tối đa 5 MB)</label>
  <input type="file" id="tep-lien-he" name="file" accept=".csv,.xlsx" required>
  <label class="check"><input type="checkbox" name="invite" value="1" checked>
    Mời tài khoản cổng cho các địa chỉ mới</label>
  <button type="submit">Nhập danh sách</button>
</form>`;
}

function outcomeBox(o: ContactImport): Html {
  const sent = o.invitations?.filter((i) => i.invited).length ?? 0;
  const invited = o.invitations
    ? html` Đã mời ${sent} địa chỉ mới (${o.invitations.length - sent} đã có tài khoản).`
    : '';
  return html`<section class="card" aria-labelledby="ket-qua">
  <h2 id="ket-qua">Kết quả nhập ${o.fileName}</h2>
  ${notice('ok', html`${o.written} đơn vị được cập nhật, ${o.unchanged} không đổi.${invited}`)}
  ${
    o.problems.length
      ? html`<h3>Các dòng không nhập được (${o.problems.length})</h3>
  <p class="note">Sửa các dòng này trong tệp rồi nhập lại; các dòng khác đã được lưu.</p>
  <ul class="problems">${o.problems.map((p) => html`<li>Dòng ${p.line} (${p.unitCode}): ${p.message}</li>`)}</ul>`
      : ''
  }
</section>`;
}

const BOUNCE_WORDS = { bounced: 'bị trả thư', complained: 'người nhận báo thư rác' } as const;

function undeliveredList(list: Undelivered[]): Html {
  if (!list.length) return html`<p class="note">Chưa có địa chỉ nào bị trả thư.</p>`;
  return html`<ul class="bounced-list">${list.map(
    (u) => html`<li><strong class="bounced">${u.email}</strong> — ${BOUNCE_WORDS[u.state]}
      (kỳ ${u.roundId}, ${when(u.at)}). Hãy hỏi đơn vị địa chỉ đúng rồi nhập lại danh sách.</li>`,
  )}</ul>`;
}

function emailLine(unit: Unit, email: string, input: ContactsInput): Html {
  const bad = input.undelivered.get(email);
  const account = input.accounts.get(email);
  const state = account
    ? account.action === 'account_revoked'
      ? html`<span class="state rejected">Đã thu hồi ${when(account.at)}</span>`
      : html`<span class="state on_time">Đã mời ${when(account.at)}</span>`
    : '';
  return html`<li><span class="email">${email}</span> ${state}${
    bad ? html` <strong class="bounced">Bị trả thư</strong>` : ''
  }
    <form method="post" action="/so/lien-he/thu-hoi" class="inline">${csrfField(input.csrf)}
      <input type="hidden" name="unitCode" value="${unit.code}"><input type="hidden" name="email" value="${email}">
      <button type="submit" class="small danger" aria-label="Thu hồi tài khoản ${email}">Thu hồi</button></form></li>`;
}

function unitRow(unit: Unit, input: ContactsInput): Html {
  return html`<tr>
  <td data-label="Đơn vị">${unitCell(unit)}</td>
  <td data-label="Người liên hệ">${unit.contactName ?? '—'}${unit.phone ? html`<br>${unit.phone}` : ''}</td>
  <td data-label="Địa chỉ thư">${
    unit.emails.length
      ? html`<ul class="emails">${unit.emails.map((e) => emailLine(unit, e, input))}</ul>`
      : html`<em>chưa có địa chỉ thư</em>`
  }</td>
  <td data-label="Tài khoản cổng">${
    unit.emails.length
      ? html`<form method="post" action="/so/lien-he/moi">${csrfField(input.csrf)}
      <input type="hidden" name="unitCode" value="${unit.code}">
      <button type="submit" class="small" aria-label="Mời tài khoản cho ${unit.name}">Mời</button></form>`
      : ''
  }</td>
</tr>`;
}

function filters(q: ContactsQuery): Html {
  return html`<form method="get" action="/so/lien-he" class="filters">
  <label>Tìm <input type="text" name="tim" value="${q.text}" placeholder="tên, mã hoặc địa chỉ"></label>
  <label class="check"><input type="checkbox" name="van-de" value="1"${q.problemsOnly ? ' checked' : ''}>
    Chỉ đơn vị chưa có địa chỉ hoặc bị trả thư</label>
  <button type="submit">Lọc</button>
</form>`;
}

export function contactsPage(input: ContactsInput): Html {
  const { query } = input;
  const shown = pageOf(input.units, query.page);
  const base = new URLSearchParams();
  if (query.text) base.set('tim', query.text);
  if (query.problemsOnly) base.set('van-de', '1');
  const noMail = input.units.filter((u) => !u.emails.length).length;
  return staffPage(
    {
      title: 'Liên hệ và tài khoản',
      identity: input.identity,
      csrf: input.csrf,
      area: 'contacts',
      flash: input.flash,
    },
    html`<h1>Liên hệ và tài khoản cổng<small>Địa chỉ nhận thư nhắc hạn của các đơn vị, thư bị trả,
  tài khoản đăng nhập cổng</small></h1>
${input.outcome ? outcomeBox(input.outcome) : ''}
${importForm(input.csrf)}
<h2>Địa chỉ bị trả thư</h2>
${undeliveredList([...input.undelivered.values()])}
<h2>Các đơn vị <small>${shown.total} đơn vị${noMail ? `, ${noMail} chưa có địa chỉ thư` : ''}</small></h2>
${filters(query)}
<table class="contacts stacked">
  <thead><tr><th scope="col">Đơn vị</th><th scope="col">Người liên hệ</th><th scope="col">Địa chỉ thư</th>
    <th scope="col">Tài khoản cổng</th></tr></thead>
  <tbody>${shown.rows.map((u) => unitRow(u, input))}</tbody>
</table>
${pager('/so/lien-he', base, shown)}
<h2>Nhật ký liên hệ và tài khoản</h2>
${deskLogList(input.log, 'Chưa có thay đổi nào về liên hệ hoặc tài khoản.')}`,
  );
}
