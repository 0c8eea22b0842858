import { html } from 'hono/html';
import type { IndicatorTrend, UnitRoundLine } from '../../shared/desk/unit-history.js';
import { LEVEL_TITLES } from '../../shared/rollup/format.js';
import type { Unit } from '../../shared/schemas/unit.js';
import type { Identity } from '../identity.js';
import { deadlineText, number, STATUS_LABEL, when } from './format.js';
import type { Html } from './layout.js';
import { problemList, staffPage, stateTag } from './staff-layout.js';
import { submissionPath } from './staff-review.js';

function roundLine(l: UnitRoundLine, now: Date): Html {
  const latest = l.uploads[0];
  return html`<tr>
  <td data-label="Kỳ"><a href="/so?ky=${l.round.roundId}">${l.round.title}</a><br>
    <small>${l.round.roundId} · hạn ${deadlineText(l.round)}</small></td>
  <td data-label="Trạng thái">${stateTag(l.state, l.round, now)}${
    l.acceptedBy === 'staff' ? html`<br><small>Sở duyệt</small>` : ''
  }</td>
  <td data-label="Các lần nộp">${
    l.uploads.length
      ? html`<ol class="uploads" reversed>${l.uploads.map(
          (s) =>
            html`<li><a href="${submissionPath(s)}">${s.file.name}</a> <small>${when(s.uploadedAt)} · ${
              STATUS_LABEL[s.status] ?? s.status
            }${l.counted?.submissionId === s.submissionId ? ' · được tính' : ''}</small></li>`,
        )}</ol>`
      : '—'
  }</td>
  <td data-label="Vấn đề">${latest ? problemList(l.problems) : ''}</td>
</tr>`;
}

function changeText(c: IndicatorTrend['cells'][number], unit: string): Html {
  if (!c.change) return html``;
  const { delta, from } = c.change;
  const sign = delta > 0 ? '▲ +' : delta < 0 ? '▼ −' : '= ';
  const size = delta === 0 ? '' : `${number(Math.abs(delta))}${unit === '%' ? ' điểm %' : ''}`;
  const cls = delta > 0 ? 'up' : delta < 0 ? 'down' : 'same';
  return html`<br><small class="delta ${cls}">${sign}${size} so với ${from}</small>`;
}

function indicatorTable(lines: UnitRoundLine[], indicators: IndicatorTrend[]): Html {
  if (!indicators.length)
    return html`<p class="note">Chưa có số liệu chỉ tiêu nào được tính từ báo cáo của đơn vị.</p>`;
  return html`<div class="scroll" tabindex="0" role="region" aria-label="Chỉ tiêu qua các kỳ">
<table class="trend stacked">
  <caption>Giá trị của mỗi chỉ tiêu trong báo cáo được tính, so với kỳ trước có số liệu</caption>
  <thead><tr><th scope="col">Chỉ tiêu</th>${lines.map(
    (l) => html`<th scope="col">${l.round.roundId}</th>`,
  )}</tr></thead>
  <tbody>${indicators.map(
    (i) =>
      html`<tr><th scope="row">${i.name}<br><small>${i.unit}</small></th>${i.cells.map(
        (c) =>
          html`<td class="num" data-label="${c.roundId}">${
            c.value === null ? '—' : number(c.value)
          }${changeText(c, i.unit)}</td>`,
      )}</tr>`,
  )}</tbody>
</table></div>`;
}

export function unitPage(input: {
  identity: Identity;
  csrf: string;
  unit: Unit;
  lines: UnitRoundLine[];
  indicators: IndicatorTrend[];
  now: Date;
}): Html {
  const { unit } = input;
  const name = `${LEVEL_TITLES[unit.level]} ${unit.name}`;
  const withData = input.lines.filter((l) => l.counted);
  return staffPage(
    { title: `${name} qua các kỳ`, identity: input.identity, csrf: input.csrf, area: 'board' },
    html`<h1>${name}<small>Mã ${unit.code} · tỉnh ${unit.provinceName}</small></h1>
<dl class="facts">
  <dt>Người liên hệ</dt><dd>${unit.contactName ?? '—'}${unit.phone ? ` · ${unit.phone}` : ''}</dd>
  <dt>Địa chỉ thư</dt><dd>${unit.emails.join(', ') || html`<em>chưa có địa chỉ thư</em>`}
    · <a href="/so/lien-he?tim=${unit.code}">liên hệ và tài khoản</a></dd>
</dl>
<h2>Các kỳ báo cáo</h2>
<table class="unit-rounds stacked">
  <thead><tr><th scope="col">Kỳ</th><th scope="col">Trạng thái</th><th scope="col">Các lần nộp</th>
    <th scope="col">Vấn đề</th></tr></thead>
  <tbody>${[...input.lines].reverse().map((l) => roundLine(l, input.now))}</tbody>
</table>
<h2>Chỉ tiêu qua các kỳ</h2>
${indicatorTable(
  withData,
  input.indicators.map((i) => ({
    ...i,
    cells: i.cells.filter((c) => withData.some((l) => l.round.roundId === c.roundId)),
  })),
)}`,
  );
}
