import { html } from 'hono/html';
import type { Recheck } from '../../shared/desk/signature-recheck.js';
import type { TrustChange } from '../../shared/desk/trust-desk.js';
import {
  fingerprint,
  MAX_TRUST_FILE_BYTES,
  MAX_TRUST_FILES,
  summarize,
} from '../../shared/files/signatures/trust-import.js';
import type { DeskEvent } from '../../shared/schemas/desk-event.js';
import type { TrustedCertificate } from '../../shared/schemas/trusted-certificate.js';
import { REVOCATION_NOT_CHECKED } from '../../shared/vocabulary/signature-words.js';
import type { Identity } from '../identity.js';
import { deskLogList } from './desk-log.js';
import { csrfField, type Html, notice } from './layout.js';
import { staffPage } from './staff-layout.js';

export interface TrustInput {
  identity: Identity;
  csrf: string;
  list: TrustedCertificate[];
  log: DeskEvent[];
  outcome:
    | { kind: 'imported' | 'removed'; change: TrustChange }
    | { kind: 'rechecked'; recheck: Recheck }
    | null;
  flash: { kind: 'ok' | 'error'; text: string } | null;
  now: Date;
}

const day = (iso: string) => {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
};

function importForm(csrf: string): Html {
  return html`<form method="post" action="/so/tin-cay/nhap" enctype="multipart/form-data" class="stack card">
  <h2>Nhập chứng thư tin cậy</h2>
  <p class="note">Chứng thư gốc và chứng thư trung gian của tổ chức cung cấp dịch vụ chứng thực chữ ký số
    (ví dụ của Ban Cơ yếu Chính phủ) mà Sở công nhận: tệp .cer, .crt, .pem, .der hoặc gói .p7b, có thể chọn
    nhiều tệp. Sau khi nhập, chữ ký số của các tệp đã nhận được kiểm tra lại theo danh sách mới.</p>
  ${csrfField(csrf)}
  <label for="tep-chung-thu">Tệp chứng thư (tối đa ${MAX_TRUST_FILES} tệp, mỗi tệp
    ${MAX_TRUST_FILE_BYTES / 1024} KB)</label>
  <input type="file" id="tep-chung-thu" name="file" accept=".cer,.crt,.pem,.der,.p7b,.p7c" multiple required>
  <button type="submit">Nhập chứng thư</button>
</form>`;
}

function recheckWords(r: Recheck): Html {
  return html`Đã kiểm tra lại ${r.checked} tệp có chữ ký số đã nhận; ${r.changed} tệp đổi kết quả.${
    r.left ? html` Còn ${r.left} tệp chưa kiểm tra: bấm "Kiểm tra lại" để tiếp tục.` : ''
  }`;
}

function outcomeBox(o: NonNullable<TrustInput['outcome']>): Html {
  if (o.kind === 'rechecked') return notice('ok', recheckWords(o.recheck));
  const n = o.change.certificates.length;
  const what = o.kind === 'imported' ? `Đã nhập ${n} chứng thư` : 'Đã gỡ chứng thư';
  return notice(
    'ok',
    html`${what}: ${o.change.certificates.map((c) => summarize(c).commonName ?? c.subject).join('; ')}.
    ${recheckWords(o.change.recheck)}`,
  );
}

function certificateRow(c: TrustedCertificate, input: TrustInput): Html {
  const s = summarize(c);
  const expired = new Date(c.notAfter) < input.now;
  return html`<tr>
  <td data-label="Chứng thư"><b>${s.commonName ?? c.subject}</b>${s.organization ? html`<br>${s.organization}` : ''}
    ${s.authority ? '' : html`<br><small class="warning">Không phải chứng thư của tổ chức chứng thực (CA)</small>`}</td>
  <td data-label="Cấp bởi">${s.issuerCommonName ?? c.issuer}${
    c.issuer === c.subject ? html`<br><small>(chứng thư gốc)</small>` : ''
  }</td>
  <td data-label="Hiệu lực">${day(c.notBefore)} – ${day(c.notAfter)}${
    expired ? html`<br><strong class="bounced">Đã hết hạn</strong>` : ''
  }</td>
  <td data-label="Dấu vân tay SHA-256"><code class="fingerprint">${fingerprint(c.sha256)}</code>
    <br><small>Nhập ${day(c.importedAt)} bởi ${c.importedBy === 'cli' ? 'dòng lệnh' : c.importedBy}</small></td>
  <td data-label="Gỡ"><form method="post" action="/so/tin-cay/go" class="inline">${csrfField(input.csrf)}
    <input type="hidden" name="sha256" value="${c.sha256}">
    <button type="submit" class="small danger"
      aria-label="Gỡ chứng thư ${s.commonName ?? c.subject}">Gỡ</button></form></td>
</tr>`;
}

function listTable(input: TrustInput): Html {
  if (!input.list.length)
    return html`<p class="note">Danh sách đang trống: mọi chữ ký số được ghi là "chứng thư không thuộc danh sách
      tin cậy của Sở" cho đến khi Sở nhập chứng thư.</p>`;
  return html`<table class="trust stacked">
  <thead><tr><th scope="col">Chứng thư</th><th scope="col">Cấp bởi</th><th scope="col">Hiệu lực</th>
    <th scope="col">Dấu vân tay SHA-256</th><th scope="col">Gỡ khỏi danh sách</th></tr></thead>
  <tbody>${input.list.map((c) => certificateRow(c, input))}</tbody>
</table>`;
}

export function trustPage(input: TrustInput): Html {
  return staffPage(
    {
      title: 'Danh sách tin cậy',
      identity: input.identity,
      csrf: input.csrf,
      area: 'trust',
      flash: input.flash,
    },
    html`<h1>Danh sách chứng thư tin cậy<small>Chữ ký số trên văn bản của đơn vị được coi là tin cậy khi chứng
  thư của người ký được cấp bởi một chứng thư trong danh sách này</small></h1>
${input.outcome ? outcomeBox(input.outcome) : ''}
<p class="note">Lưu ý: hệ thống ${REVOCATION_NOT_CHECKED}; danh sách chỉ nói chứng thư do ai cấp.</p>
<h2>Các chứng thư <small>${input.list.length} chứng thư</small></h2>
${listTable(input)}
<form method="post" action="/so/tin-cay/kiem-tra-lai" class="stack">${csrfField(input.csrf)}
  <p class="note">Chữ ký của các tệp đã nhận được kiểm tra lại mỗi lần danh sách đổi (tối đa 300 tệp
    một lần); bấm nút này khi còn tệp chưa kiểm tra hoặc sau khi nhập bằng dòng lệnh.</p>
  <button type="submit">Kiểm tra lại chữ ký các tệp đã nhận</button></form>
${importForm(input.csrf)}
<h2>Nhật ký danh sách tin cậy</h2>
${deskLogList(input.log, 'Chưa có thay đổi nào về danh sách tin cậy.')}`,
  );
}
