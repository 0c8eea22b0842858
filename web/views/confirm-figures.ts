import { html } from 'hono/html';
import type { ConfirmableFigure } from '../../shared/review/confirm-figures.js';
import type { Confirmation } from '../../shared/schemas/confirmation.js';
import { periodText } from '../../shared/schemas/period.js';
import type { Submission } from '../../shared/schemas/submission.js';
import { number, when } from './format.js';
import { csrfField, type Html, notice } from './layout.js';

export interface ConfirmInput {
  submission: Submission;
  figures: ConfirmableFigure[];
  /** The unit's latest confirmation of this file, if any. */
  latest: Confirmation | undefined;
  /** After a refused form: why, per figure id. */
  errors?: Map<string, string>;
  /** The form as sent, to show it again after a refusal. */
  sent?: Record<string, string | undefined>;
  action: string;
  csrf: string;
  /** Where the picture of a scanned figure's line is loaded from. */
  cropUrl?: (key: string) => string;
}

const SOURCE = { title: 'tiêu đề', preamble: 'câu mở đầu', closing: 'câu kết' } as const;

function readText(c: ConfirmableFigure): string {
  const f = c.figure;
  const fraction =
    f.numerator !== null && f.denominator !== null
      ? ` (${number(f.numerator)}/${number(f.denominator)})`
      : '';
  return `${number(f.value)}${f.unit ? ` ${f.unit}` : ''}${fraction}`;
}

function sourceText(c: ConfirmableFigure): string {
  const f = c.figure;
  return f.page ? `trang ${f.page}, dòng ${f.line} (đọc từ bản quét)` : `dòng ${f.line}`;
}

function figureField(c: ConfirmableFigure, n: number, input: ConfirmInput): Html {
  const said = input.latest?.figures.find((f) => f.figure === c.id);
  const sent = input.sent?.[`d${n}`];
  const choice =
    sent ??
    (said?.decision === 'corrected'
      ? 'sua'
      : said?.decision === 'not_indicator'
        ? 'khong'
        : 'dung');
  const value =
    input.sent?.[`v${n}`] ?? (said?.stated ? String(said.stated.value).replace('.', ',') : '');
  const error = input.errors?.get(c.id);
  const radio = (v: string, label: string) =>
    html`<label class="choice"><input type="radio" name="d${n}" value="${v}"${
      choice === v ? ' checked' : ''
    }> ${label}</label>`;
  return html`<fieldset class="figure card${error ? ' invalid' : ''}">
    <legend>${c.name}</legend>
    <p>Đọc được: <strong>${readText(c)}</strong> · Nguồn: ${sourceText(c)}</p>
    ${
      c.figure.crop && input.cropUrl
        ? html`<figure class="crop"><img src="${input.cropUrl(c.figure.crop)}"
          alt="Ảnh dòng số liệu trong bản quét, trang ${c.figure.page ?? ''}"></figure>`
        : ''
    }
    ${c.figure.label !== c.name ? html`<p class="note">Trong báo cáo: “${c.figure.label}”</p>` : ''}
    ${error ? html`<p class="error" id="e${n}">${error}</p>` : ''}
    ${radio('dung', 'Đúng')}
    ${radio('sua', 'Sửa giá trị')}
    ${radio('khong', 'Không phải chỉ tiêu này')}
    <label for="v${n}">Giá trị đúng (khi sửa)${c.kind === 'rate' ? ', % hoặc tử số/mẫu số' : ''}</label>
    <input id="v${n}" name="v${n}" inputmode="decimal" value="${value}"${
      error ? html` aria-invalid="true" aria-describedby="e${n}"` : ''
    }>
  </fieldset>`;
}

/** The unit's pre-filled e-form: what will be counted, each figure confirmed, corrected or struck. */
export function confirmSection(input: ConfirmInput): Html {
  const { submission: s, latest } = input;
  const period = s.report?.period;
  const status = latest
    ? notice(
        'ok',
        `Đơn vị đã xác nhận lúc ${when(latest.at)} (${latest.by.email}); có thể xác nhận lại nếu cần sửa.`,
      )
    : notice(
        'info',
        'Vui lòng kiểm tra các số liệu hệ thống đọc được và bấm "Xác nhận". Số liệu sai: chọn ' +
          '"Sửa giá trị" và ghi giá trị đúng; văn bản gốc và bản đọc vẫn được giữ nguyên.',
      );
  return html`<section class="card confirm" id="xac-nhan" aria-labelledby="xac-nhan-h">
  <h2 id="xac-nhan-h">Xác nhận số liệu sẽ được tổng hợp</h2>
  ${status}
  <p>Kỳ báo cáo đọc được: <strong>${period ? periodText(period) : 'không ghi trong văn bản'}</strong>${
    period ? ` (từ ${SOURCE[period.source]}: “${period.text}”)` : ''
  }. Lần nộp ${s.version}.</p>
  ${input.errors?.size ? notice('error', 'Có giá trị chưa đúng dạng; vui lòng xem các mục đánh dấu bên dưới.') : ''}
  <form method="post" action="${input.action}" class="stack">
    ${csrfField(input.csrf)}<input type="hidden" name="s" value="${s.submissionId}">
    ${input.figures.map((c, n) => figureField(c, n, input))}
    <button type="submit">Xác nhận</button>
  </form>
</section>`;
}
