import { html } from 'hono/html';
import { signatureBlock } from '../../shared/rollup/signature-block.js';
import type { DeskEvent } from '../../shared/schemas/desk-event.js';
import type { Department, SignAuthority } from '../../shared/schemas/unit.js';
import type { Identity } from '../identity.js';
import { deskLogList } from './desk-log.js';
import { csrfField, type Html, notice } from './layout.js';
import { staffPage } from './staff-layout.js';

/** What the signer form held when refused (shown again with why), or null for the stored one. */
export interface SignerFormState {
  values: Record<string, string>;
  error: { field: string; message: string } | null;
}

const AUTHORITIES: Array<[SignAuthority, string]> = [
  ['none', 'Người đứng đầu tự ký (không ghi KT., TM.)'],
  ['KT', 'KT. – ký thay người đứng đầu (Phó Giám đốc ký)'],
  ['TM', 'TM. – thay mặt tập thể'],
  ['TL', 'TL. – thừa lệnh'],
  ['TUQ', 'TUQ. – thừa ủy quyền'],
];

/** The signature block as the document will print it. */
function preview(department: Department | null): Html {
  const block = signatureBlock(department?.signer);
  return html`<div class="signature-preview" aria-label="Khối chữ ký trong văn bản">
  ${block.titles.map((t) => html`<strong>${t}</strong>`)}
  <span class="sign-space">(chữ ký, dấu)</span>
  ${block.name ? html`<strong>${block.name}</strong>` : html`<span>…………………………</span>`}
</div>`;
}

function field(
  state: SignerFormState,
  name: string,
  label: string,
  hint: string,
  extra: Html | string = '',
): Html {
  const bad = state.error?.field === name;
  return html`<label for="ky-${name}">${label}</label>${extra}
  <input type="text" id="ky-${name}" name="${name}" value="${state.values[name] ?? ''}" maxlength="80"
    placeholder="${hint}"${bad ? html` aria-invalid="true" aria-describedby="loi-ky"` : ''}>`;
}

function signerForm(csrf: string, state: SignerFormState): Html {
  const chosen = state.values.authority || 'none';
  return html`<form method="post" action="/so/cai-dat/nguoi-ky" class="stack card" id="nguoi-ky">
  <h2>Người ký báo cáo tổng hợp</h2>
  <p class="note">Văn bản tổng hợp (DOCX) in khối chữ ký theo Nghị định 30/2020. Để trống họ tên thì văn bản chừa
    dòng để người ký tự ghi.</p>
  ${state.error ? html`<div id="loi-ky">${notice('error', state.error.message)}</div>` : ''}
  ${csrfField(csrf)}
  <fieldset><legend>Hình thức ký</legend>${AUTHORITIES.map(
    ([value, label]) =>
      html`<label class="check"><input type="radio" name="authority" value="${value}"${
        value === chosen ? ' checked' : ''
      }> ${label}</label>`,
  )}</fieldset>
  ${field(state, 'principal', 'Ký thay cho (khi chọn KT., TM., TL., TUQ.)', 'Giám đốc')}
  ${field(state, 'title', 'Chức vụ người ký', 'Giám đốc hoặc Phó Giám đốc')}
  ${field(state, 'name', 'Họ và tên người ký (có thể để trống)', 'ví dụ Nguyễn Văn An')}
  <button type="submit">Lưu người ký</button>
</form>`;
}

/** The form's values for a stored department (what is set now), or the defaults. */
export function signerValues(department: Department | null): Record<string, string> {
  const s = department?.signer;
  return {
    authority: s?.authority ?? 'none',
    principal: s?.principal ?? 'Giám đốc',
    title: s?.title ?? 'Giám đốc',
    name: s?.name ?? '',
  };
}

/** The Department's settings: who signs its rollup, with the block as it will print. */
export function settingsPage(input: {
  identity: Identity;
  csrf: string;
  department: Department | null;
  form: SignerFormState;
  log: DeskEvent[];
  flash: { kind: 'ok' | 'error'; text: string } | null;
}): Html {
  return staffPage(
    {
      title: 'Cài đặt',
      identity: input.identity,
      csrf: input.csrf,
      area: 'settings',
      flash: input.flash,
    },
    html`<h1>Cài đặt<small>${input.department?.name ?? 'Sở Khoa học và Công nghệ'}</small></h1>
<div class="settings">
${signerForm(input.csrf, input.form)}
<section class="card" aria-labelledby="mau-ky"><h2 id="mau-ky">Khối chữ ký hiện tại</h2>
  <p class="note">Báo cáo tổng hợp lập từ nay in như sau; báo cáo đã lập thì lập lại để cập nhật.</p>
  ${preview(input.department)}</section>
</div>
<h2>Nhật ký cài đặt</h2>
${deskLogList(input.log, 'Chưa đặt người ký lần nào.')}`,
  );
}
