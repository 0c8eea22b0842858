import { html } from 'hono/html';
import { chosenFileName } from '../../shared/files/shown-name.js';
import { returnMessage } from '../../shared/schemas/audit.js';
import type { Submission } from '../../shared/schemas/submission.js';
import type { Unit } from '../../shared/schemas/unit.js';
import { unitLabel } from '../../shared/vocabulary/unit-names.js';
import type { UploadForm } from '../deps.js';
import type { Identity } from '../identity.js';
import type { RoundView } from '../unit-data.js';
import { daysLeftText, deadlineText, fileSize, STATUS_LABEL, when } from './format.js';
import { type Html, notice, page } from './layout.js';
import { readingOf } from './report.js';
import { roundLine } from './status-line.js';

export const unitPath = (unit: string) => `/don-vi/${unit}`;
export const roundPath = (unit: string, round: string) => `/don-vi/${unit}/ky/${round}`;

function roundCard(unit: Unit, v: RoundView, now: Date): Html {
  const line = roundLine(v, now);
  return html`<li class="card round">
    <a href="${roundPath(unit.code, v.round.roundId)}"><strong>${v.round.title}</strong></a>
    <span>Hạn nộp: ${deadlineText(v.round)} (${daysLeftText(v.round, now)})</span>
    <span><span class="status ${line.kind}">${line.label}</span> ${line.text}</span>
  </li>`;
}

export function unitPage(input: {
  identity: Identity;
  csrf: string;
  unit: Unit;
  open: RoundView[];
  earlier: RoundView[];
  now: Date;
}): Html {
  const { unit, now } = input;
  const cards = (views: RoundView[]) =>
    html`<ul class="rounds">${views.map((v) => roundCard(unit, v, now))}</ul>`;
  return page(
    { title: unitLabel(unit), identity: input.identity, csrf: input.csrf },
    html`<h1>UBND ${unitLabel(unit)} <small>(${unit.provinceName}, mã ${unit.code})</small></h1>
<h2>Kỳ báo cáo đang mở</h2>
${input.open.length ? cards(input.open) : html`<p>Hiện không có kỳ báo cáo nào đang mở.</p>`}
${input.earlier.length ? html`<h2>Các kỳ trước</h2>${cards(input.earlier)}` : ''}`,
  );
}

/**
 * What the file picker offers: the formats read (a .zip holds the photos of one report; .edxml
 * and .xml are e-office packages; .xlsx is the Sở's indicator form filled in).
 */
export const ACCEPTED =
  '.docx,.doc,.xlsx,.xlsm,.pdf,.txt,.edxml,.xml,.jpg,.jpeg,.png,.tif,.tiff,.zip,application/pdf,image/*';

function uploadForm(form: UploadForm, postUrl: string, csrf: string): Html {
  return html`<section class="card upload" aria-labelledby="nop">
  <h2 id="nop">Nộp báo cáo</h2>
  <p>Văn bản Word (DOCX hoặc DOC), PDF (có thể đã ký số), biểu mẫu số liệu Excel (XLSX),
  gói văn bản điện tử .edxml xuất từ phần mềm quản lý văn bản,
  hoặc ảnh chụp văn bản đã ký (JPG, PNG, TIFF), tối đa 20 MB.
  Văn bản nhiều trang chụp thành nhiều ảnh: chọn tất cả ảnh cùng lúc (đặt tên theo thứ tự trang).
  Nộp lại để sửa: bản mới nhất được tính.</p>
  <form method="post" action="${form.url}" enctype="multipart/form-data" class="stack"
    data-presign="${postUrl}" data-csrf="${csrf}">
    ${Object.entries(form.fields).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`)}
    <label for="file" class="drop">Chọn tệp (hoặc kéo thả vào đây)</label>
    <input id="file" name="file" type="file" required accept="${ACCEPTED}">
    <button type="submit">Nộp tệp</button>
    <div class="progress" hidden><progress max="100" value="0" aria-label="Tiến độ gửi tệp"></progress>
      <span role="status" aria-live="polite"></span></div>
  </form>
</section>`;
}

const countedMark = html` <strong class="counted">được tính</strong>`;

function historyTable(unit: string, versions: Submission[], counted: Submission | null): Html {
  if (!versions.length) return html`<p>Đơn vị chưa nộp tệp nào cho kỳ này.</p>`;
  const rows = versions.map(
    (s) => html`<tr>
    <td data-label="Lần">${s.version}${s.submissionId === counted?.submissionId ? countedMark : ''}</td>
    <td data-label="Tệp gốc"><a href="/don-vi/${unit}/ban-goc/${s.submissionId}"
      rel="nofollow">${chosenFileName(s.file.name)}</a>
      <small>(${fileSize(s.file.size)})</small></td>
    <td data-label="Nộp lúc">${when(s.uploadedAt)}</td>
    <td data-label="Trạng thái"><span class="status ${s.status}">${STATUS_LABEL[s.status]}</span></td>
  </tr>`,
  );
  return html`<div class="scroll"><table class="history stacked">
    <caption>Các lần nộp (mới nhất trước)</caption>
    <thead><tr><th scope="col">Lần</th><th scope="col">Tệp gốc</th><th scope="col">Nộp lúc</th>
      <th scope="col">Trạng thái</th></tr></thead>
    <tbody>${rows}</tbody></table></div>`;
}

export interface RoundPageInput {
  identity: Identity;
  csrf: string;
  unit: Unit;
  view: RoundView;
  now: Date;
  /** Uploads sent but not yet recorded: the page waits for them. */
  pending: string[];
  form: UploadForm;
  /** The confirmation of the figures read (routes/unit-confirm.ts), when there are some. */
  confirm?: Html | null;
  flash?: { kind: 'ok' | 'error'; text: string } | null;
}

export function roundPage(input: RoundPageInput): Html {
  const { unit, view, now } = input;
  const shown = view.versions[0];
  const statusUrl = `${roundPath(unit.code, view.round.roundId)}/trang-thai?tep=${input.pending.join(',')}`;
  const timely = view.timeliness
    ? ` · ${view.timeliness === 'on_time' ? 'đúng hạn' : 'nộp muộn'}`
    : '';
  const line = roundLine(view, now);
  const returned = shown ? returnMessage(shown) : null;
  const sentBack = returned
    ? notice(
        'error',
        html`<strong>Sở KHCN trả lại báo cáo để sửa:</strong> ${returned}<br>
        Vui lòng sửa và nộp lại bên dưới; bản mới sẽ thay thế bản bị trả lại.`,
      )
    : '';
  const otherPeriod = shown?.diagnostics.find(
    (d) => d.code === 'period.mismatch' || d.code === 'period.otherRound',
  );
  const wrongPeriod =
    otherPeriod && shown !== view.counted
      ? notice('error', html`<strong>Báo cáo không đúng kỳ:</strong> ${otherPeriod.message}`)
      : '';
  const counted =
    view.counted && view.counted !== shown
      ? notice('info', `Bản đang được tính là lần nộp ${view.counted.version}.`)
      : '';
  const waiting = input.pending.length
    ? html`<div class="notice info" role="status" data-wait="${statusUrl}">
        Đã nhận tệp, đang đọc và kiểm tra… Trang sẽ tự cập nhật sau vài giây.</div>`
    : '';
  return page(
    {
      title: view.round.title,
      identity: input.identity,
      csrf: input.csrf,
      refreshSeconds: input.pending.length ? 4 : undefined,
    },
    html`<p><a href="${unitPath(unit.code)}">← ${unitLabel(unit)}</a></p>
<h1>${view.round.title}</h1>
<p class="first-line"><span class="status ${line.kind}">${line.label}</span>${timely}. ${line.text}</p>
<p>Hạn nộp: ${deadlineText(view.round)} (${daysLeftText(view.round, now)}).</p>
${input.flash ? notice(input.flash.kind, input.flash.text) : ''}
${waiting}
${sentBack}
${wrongPeriod}
${counted}
${shown ? readingOf(shown) : ''}
${input.confirm ?? ''}
${uploadForm(input.form, `${roundPath(unit.code, view.round.roundId)}/tai-len`, input.csrf)}
<h2>Lịch sử nộp</h2>
${historyTable(unit.code, view.versions, view.counted)}`,
  );
}
