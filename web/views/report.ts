import { html } from 'hono/html';
import type { Diagnostic } from '../../shared/schemas/diagnostic.js';
import type { Report } from '../../shared/schemas/report.js';
import type { Submission } from '../../shared/schemas/submission.js';
import { adviceFor } from './advice.js';
import { dateText, number } from './format.js';
import type { Html } from './layout.js';
import { signatureLines } from './signatures.js';
import { fileLine } from './status-line.js';

const ratio = (n: number | null, d: number | null) =>
  n !== null && d !== null ? `${number(n)}/${number(d)}` : '';

function figures(report: Report): Html {
  if (!report.indicators.length) return html`<p>Chưa đọc được số liệu nào trong văn bản.</p>`;
  // On a phone each figure is a card (table.stacked): label, value, ratio and line each named.
  const rows = report.indicators.map(
    (i) => html`<tr>
      <td data-label="Chỉ tiêu">${i.label}</td>
      <td class="num" data-label="Giá trị">${number(i.value)}${i.unit ? html` ${i.unit}` : ''}</td>
      <td class="num" data-label="Tử số/mẫu số">${ratio(i.numerator, i.denominator)}</td>
      <td class="num" data-label="Dòng">${i.line}</td>
    </tr>`,
  );
  return html`<div class="scroll"><table class="figures stacked">
    <caption>Số liệu đọc được</caption>
    <thead><tr><th scope="col">Chỉ tiêu</th><th scope="col">Giá trị</th>
      <th scope="col">Tử số/mẫu số</th><th scope="col">Dòng</th></tr></thead>
    <tbody>${rows}</tbody>
  </table></div>`;
}

export function diagnosticsList(
  diagnostics: Diagnostic[],
  status: Submission['status'] = 'accepted',
): Html {
  if (!diagnostics.length) return html`<p class="notice ok">Không có lỗi nào cần sửa.</p>`;
  return html`<ul class="diagnostics">${diagnostics.map(
    (d) => html`<li class="${d.level}">
      <strong>${d.level === 'error' ? 'Cần sửa' : 'Lưu ý'}:</strong> ${d.message}
      <br><span class="advice">Việc cần làm: ${adviceFor(d, status)}</span>
    </li>`,
  )}</ul>`;
}

/**
 * What tonghop read from one stored file: one line first (what happened, what to do), then the
 * header fields, figures and every finding, folded.
 */
export function readingOf(s: Submission): Html {
  const r = s.report;
  const head = r
    ? html`<dl class="facts">
        <dt>Số, ký hiệu</dt><dd>${r.number ?? '—'}</dd>
        <dt>Ngày ban hành</dt><dd>${dateText(r.issuedOn)}</dd>
        <dt>Trích yếu</dt><dd>${r.title ?? '—'}</dd>
        <dt>Người ký</dt><dd>${[r.signer.title, r.signer.name].filter(Boolean).join(' ') || '—'}</dd>
      </dl>
      ${figures(r)}`
    : html`<p>Không đọc được nội dung văn bản.</p>`;
  const line = fileLine(s);
  const found = s.diagnostics.length;
  return html`<section class="card reading" aria-labelledby="doc-${s.submissionId}">
    <h3 id="doc-${s.submissionId}">Lần nộp ${s.version}:
      <span class="status ${line.kind}">${line.label}</span></h3>
    <p class="first-line">${line.text}</p>
    ${signatureLines(r)}
    <details><summary>Chi tiết: nội dung đọc được${found ? ` và ${found} kết quả kiểm tra` : ''}</summary>
    ${head}
    <h4>Kết quả kiểm tra</h4>
    ${diagnosticsList(s.diagnostics, s.status)}
    </details>
  </section>`;
}
