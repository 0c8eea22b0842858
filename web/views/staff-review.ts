import { html } from 'hono/html';
import { decisiveReason } from '../../shared/ingest/decisive-reason.js';
import type { QueueItem } from '../../shared/review/review-queue.js';
import { allowedActions, isUnmatched } from '../../shared/review/review-rules.js';
import { roundPeriod, samePeriod } from '../../shared/rounds/round-period.js';
import {
  type AuditEntry,
  MAX_REASON_CHARS,
  type ReviewAction,
} from '../../shared/schemas/audit.js';
import type { Indicator } from '../../shared/schemas/report.js';
import type { Round } from '../../shared/schemas/round.js';
import type { Submission } from '../../shared/schemas/submission.js';
import type { Unit } from '../../shared/schemas/unit.js';
import { capitalize, DOCUMENT_KIND_WORDS } from '../../shared/vocabulary/status-words.js';
import type { Identity } from '../identity.js';
import { dateText, fileSize, number, STATUS_LABEL, when } from './format.js';
import { csrfField, type Html, notice } from './layout.js';
import { diagnosticsList } from './report.js';
import { signatureLines } from './signatures.js';
import { staffPage, unitName } from './staff-layout.js';

/** Where one submission's page is: its table key, in the path. */
export const submissionPath = (s: Pick<Submission, 'roundId' | 'unitCode' | 'submissionId'>) =>
  `/so/ho-so/${encodeURIComponent(s.roundId)}/${encodeURIComponent(s.unitCode)}/${encodeURIComponent(s.submissionId)}`;

const ACTION_LABEL: Record<ReviewAction, string> = {
  approve: 'Duyệt',
  return: 'Trả lại để sửa',
  assign: 'Gán cho đơn vị',
  not_report: 'Không phải báo cáo',
  move: 'Chuyển sang đúng kỳ',
};

/** What a reviewer does with an unmatched file: assign it, unless it is another province's. */
function unmatchedStep(s: Submission): string {
  return s.diagnostics.some((d) => d.code === 'unit.otherProvince')
    ? 'Việc cần làm: văn bản của đơn vị tỉnh khác, không gán cho đơn vị trong tỉnh; ' +
        'đánh dấu "Không phải báo cáo" (người gửi được báo gửi đến đúng Sở).'
    : 'Việc cần làm: mở tệp, xem đơn vị nào gửi rồi gán cho đơn vị đó.';
}

function queueRow(item: QueueItem, units: Map<string, Unit>): Html {
  const s = item.submission;
  const first = decisiveReason(s.diagnostics)?.message ?? '';
  const step = item.kind === 'unmatched' ? unmatchedStep(s) : '';
  return html`<li class="card queue-item">
    <a href="${submissionPath(s)}"><strong>${s.file.name}</strong></a>
    <span>${item.kind === 'unmatched' ? 'Chưa xác định đơn vị' : unitName(units.get(s.unitCode), s.unitCode)}
      · ${item.round?.title ?? 'Chưa xác định kỳ báo cáo'}</span>
    <span>Nộp lúc ${when(s.uploadedAt)} · <span class="status ${s.status}">${STATUS_LABEL[s.status]}</span></span>
    ${first ? html`<span class="why">${first}</span>` : ''}
    ${step ? html`<span class="why"><strong>${step}</strong></span>` : ''}
  </li>`;
}

export function queuePage(input: {
  identity: Identity;
  csrf: string;
  items: QueueItem[];
  units: Map<string, Unit>;
  flash?: { kind: 'ok' | 'error'; text: string } | null;
}): Html {
  const unmatched = input.items.filter((i) => i.kind === 'unmatched');
  const review = input.items.filter((i) => i.kind === 'needs_review');
  const list = (items: QueueItem[]) =>
    html`<ul class="queue">${items.map((i) => queueRow(i, input.units))}</ul>`;
  return staffPage(
    {
      title: 'Cần xem xét',
      identity: input.identity,
      csrf: input.csrf,
      area: 'queue',
      flash: input.flash,
    },
    html`<h1>Cần xem xét <small>${input.items.length} hồ sơ</small></h1>
${input.items.length ? '' : html`<p class="notice ok">Không còn hồ sơ nào chờ xem xét.</p>`}
${
  unmatched.length
    ? html`<h2>Tệp chưa xác định được đơn vị (${unmatched.length})</h2>
<p>Mỗi tệp ghi việc cần làm: tệp của đơn vị trong tỉnh thì gán cho đơn vị đó; tệp của tỉnh khác hoặc không
phải báo cáo thì đánh dấu để loại ra.</p>
${list(unmatched)}`
    : ''
}
${review.length ? html`<h2>Báo cáo cần xem lại (${review.length})</h2>${list(review)}` : ''}`,
  );
}

function source(i: Indicator): string {
  return i.page ? `trang ${i.page}, dòng ${i.line}` : `dòng ${i.line}`;
}

function figuresTable(s: Submission): Html {
  const r = s.report;
  if (!r) return html`<p>Không đọc được nội dung văn bản: hãy xem bản gốc.</p>`;
  const facts = html`<dl class="facts">
    <dt>Loại văn bản</dt><dd>${capitalize(DOCUMENT_KIND_WORDS[r.documentType])}</dd>
    <dt>Đơn vị ban hành</dt><dd>${r.issuer.name ?? '—'}${r.issuer.code ? ` (${r.issuer.code})` : ''}</dd>
    <dt>Số, ký hiệu</dt><dd>${r.number ?? '—'}</dd>
    <dt>Ngày</dt><dd>${dateText(r.issuedOn)}</dd>
    <dt>Trích yếu</dt><dd>${r.title ?? '—'}</dd>
    <dt>Người ký</dt><dd>${[r.signer.title, r.signer.name].filter(Boolean).join(' ') || '—'}</dd>
    ${r.signatures?.length ? html`<dt>Chữ ký số</dt><dd>${signatureLines(r)}</dd>` : ''}
  </dl>`;
  if (!r.indicators.length) return html`${facts}<p>Chưa đọc được số liệu nào.</p>`;
  return html`${facts}<div class="scroll"><table class="figures stacked">
  <caption>Số liệu đọc được và nơi lấy</caption>
  <thead><tr><th scope="col">Chỉ tiêu</th><th scope="col">Giá trị</th><th scope="col">Nguồn</th></tr></thead>
  <tbody>${r.indicators.map(
    (i) => html`<tr><td data-label="Chỉ tiêu">${i.label}</td>
      <td class="num" data-label="Giá trị">${number(i.value)}${i.unit ? ` ${i.unit}` : ''}${
        i.numerator !== null && i.denominator !== null
          ? html`<br><small>${number(i.numerator)}/${number(i.denominator)}</small>`
          : ''
      }</td><td class="src" data-label="Nguồn">${source(i)}</td></tr>`,
  )}</tbody></table></div>`;
}

export interface OriginalView {
  /** A pre-signed GET made for this page: shown in the page when it is a PDF. */
  inlineUrl: string | null;
  downloadPath: string;
}

function original(s: Submission, o: OriginalView): Html {
  const link = html`<a href="${o.downloadPath}" rel="nofollow">Tải bản gốc: ${s.file.name}</a>
    <small>(${fileSize(s.file.size)})</small>`;
  if (!o.inlineUrl)
    return html`<section class="card original"><h2>Bản gốc</h2><p>${link}</p></section>`;
  return html`<section class="card original"><h2>Bản gốc</h2>
  <iframe class="pdf" src="${o.inlineUrl}" title="Bản gốc ${s.file.name}"></iframe>
  <p>${link}</p></section>`;
}

function auditTrail(audit: AuditEntry[] | undefined): Html {
  if (!audit?.length) return html`<p>Chưa có quyết định nào của Sở về tệp này.</p>`;
  return html`<ol class="audit">${audit.map(
    (a) => html`<li><strong>${ACTION_LABEL[a.action]}</strong>
      (${STATUS_LABEL[a.from]} → ${STATUS_LABEL[a.to]})${a.unitCode ? ` · đơn vị ${a.unitCode}, kỳ ${a.roundId}` : ''}
      <br><small>${a.by.email} · ${when(a.at)}</small>
      ${a.reason ? html`<blockquote>${a.reason}</blockquote>` : ''}</li>`,
  )}</ol>`;
}

function reasonField(id: string, label: string, required: boolean): Html {
  return html`<label for="${id}">${label}</label>
  <textarea id="${id}" name="reason" rows="3" maxlength="${MAX_REASON_CHARS}"${
    required ? ' required minlength="3"' : ''
  }></textarea>`;
}

function actionForm(
  action: ReviewAction,
  path: string,
  csrf: string,
  extra: Html,
  reason: Html,
): Html {
  return html`<form method="post" action="${path}" class="stack action ${action}">
    ${csrfField(csrf)}<input type="hidden" name="action" value="${action}">
    ${extra}${reason}<button type="submit">${ACTION_LABEL[action]}</button></form>`;
}

/** The rounds to move a report of another period to; the one of its own period first and chosen. */
function moveFields(rounds: Round[], s: Submission): Html {
  const own = s.report?.period;
  const fits = (r: Round) => {
    const p = roundPeriod(r);
    return Boolean(own && p && samePeriod(own, p));
  };
  const others = rounds.filter((r) => r.roundId !== s.roundId);
  const ordered = [...others.filter(fits), ...others.filter((r) => !fits(r))];
  return html`<label for="moveRound">Chuyển sang kỳ báo cáo</label>
  <select id="moveRound" name="roundId" required>${ordered.map(
    (r, i) => html`<option value="${r.roundId}"${i === 0 && fits(r) ? ' selected' : ''}>
        ${r.title} (${r.roundId})</option>`,
  )}</select>`;
}

function assignFields(units: Unit[], rounds: Round[], s: Submission): Html {
  return html`<label for="unitCode">Đơn vị gửi tệp</label>
  <select id="unitCode" name="unitCode" required><option value="">— chọn đơn vị —</option>${units.map(
    (u) => html`<option value="${u.code}">${unitName(u, u.code)}</option>`,
  )}</select>
  <label for="roundId">Kỳ báo cáo</label>
  <select id="roundId" name="roundId" required>${rounds.map(
    (r) =>
      html`<option value="${r.roundId}"${r.roundId === s.roundId ? ' selected' : ''}>
        ${r.title} (${r.roundId})</option>`,
  )}</select>`;
}

export interface SubmissionPageInput {
  identity: Identity;
  csrf: string;
  submission: Submission;
  unit: Unit | undefined;
  round: Round | null;
  original: OriginalView;
  /** For assigning: the province's units and rounds. */
  units: Unit[];
  rounds: Round[];
  error?: { field: string; message: string } | null;
  flash?: { kind: 'ok' | 'error'; text: string } | null;
}

function actions(input: SubmissionPageInput): Html {
  const s = input.submission;
  const path = submissionPath(s);
  const allowed = allowedActions(s);
  if (!allowed.length) return html`<p>Tệp đã được xử lý; không còn việc cần làm.</p>`;
  const forms: Record<ReviewAction, () => Html> = {
    approve: () =>
      actionForm(
        'approve',
        path,
        input.csrf,
        html``,
        reasonField('r-approve', 'Ghi chú (không bắt buộc)', false),
      ),
    return: () =>
      actionForm(
        'return',
        path,
        input.csrf,
        html``,
        reasonField('r-return', 'Nội dung đơn vị cần sửa (đơn vị sẽ nhận được)', true),
      ),
    assign: () =>
      actionForm(
        'assign',
        path,
        input.csrf,
        assignFields(input.units, input.rounds, s),
        reasonField('r-assign', 'Ghi chú gửi đơn vị (không bắt buộc)', false),
      ),
    move: () =>
      actionForm(
        'move',
        path,
        input.csrf,
        moveFields(input.rounds, s),
        reasonField('r-move', 'Ghi chú (không bắt buộc)', false),
      ),
    not_report: () =>
      actionForm(
        'not_report',
        path,
        input.csrf,
        html``,
        reasonField('r-not', 'Lý do (ví dụ: kế hoạch gửi nhầm, tệp của tỉnh khác)', true),
      ),
  };
  return html`<div class="actions">${allowed.map((a) => forms[a]())}</div>`;
}

export function submissionPage(input: SubmissionPageInput): Html {
  const s = input.submission;
  const where = unitName(input.unit, s.unitCode);
  return staffPage(
    {
      title: s.file.name,
      identity: input.identity,
      csrf: input.csrf,
      area: 'queue',
      flash: input.flash,
    },
    html`<p><a href="/so/xem-xet">← Cần xem xét</a></p>
<h1>${s.file.name}<small>${where} · ${input.round?.title ?? `kỳ ${s.roundId}`}${
      // Files of no unit share one folder: their numbering says nothing about this file.
      isUnmatched(s) ? '' : ` · lần nộp ${s.version}`
    }</small></h1>
<p>Nộp lúc ${when(s.uploadedAt)}${s.uploadedBy ? ` bởi ${s.uploadedBy.email ?? s.uploadedBy.role}` : ''} ·
  <span class="status ${s.status}">${STATUS_LABEL[s.status]}</span></p>
<div class="review">
  ${original(s, input.original)}
  <section class="card reading"><h2>Nội dung đọc được</h2>${figuresTable(s)}
    <h3>Kết quả kiểm tra</h3>${diagnosticsList(s.diagnostics)}</section>
</div>
<section class="card decide" aria-labelledby="quyet-dinh"><h2 id="quyet-dinh">Quyết định</h2>
  ${input.error ? notice('error', input.error.message) : ''}
  ${actions(input)}
</section>
<section class="card"><h2>Lịch sử xử lý</h2>${auditTrail(s.audit)}</section>`,
  );
}
