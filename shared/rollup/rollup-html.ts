import { escapeHtml as h } from '../mail/html.js';
import { ictDate, vietnameseDay, vietnamTime } from '../rounds/deadline.js';
import type { IndicatorSummary, Rollup, StatusCounts, UnitState } from '../schemas/rollup.js';
import {
  formatNumber,
  formatPercent,
  formatShare,
  LEVEL_TITLES,
  STATE_TITLES,
  scopeTitle,
  unitNames,
} from './format.js';
import { ADDRESSEE_TITLES, distinctQuotes, THEME_TITLES } from './themes.js';

// One self-contained page: no script, no external file, charts as inline SVG that scale to a
// phone's width.

const COLORS: Record<UnitState, string> = {
  on_time: '#2e7d32',
  late: '#f9a825',
  needs_review: '#ef6c00',
  rejected: '#c62828',
  returned: '#6a1b9a',
  missing: '#9e9e9e',
};
const STATES: UnitState[] = ['on_time', 'late', 'needs_review', 'returned', 'rejected', 'missing'];

function legend(): string {
  return `<p class="legend">${STATES.map((s) => `<span><i style="background:${COLORS[s]}"></i>${h(STATE_TITLES[s])}</span>`).join(' ')}</p>`;
}

/** One stacked bar per group: how many units are in each state. */
function statusBars(
  rows: Array<{ title: string; counts: Record<UnitState, number>; total: number }>,
): string {
  const W = 420,
    bar = 24,
    gap = 10,
    labelW = 80;
  const height = rows.length * (bar + gap);
  const body = rows.map((r, i) => {
    let x = labelW;
    const y = i * (bar + gap);
    const parts = STATES.filter((s) => r.counts[s] > 0).map((s) => {
      const w = ((W - labelW - 10) * r.counts[s]) / Math.max(r.total, 1);
      const rect = `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${bar}" fill="${COLORS[s]}"><title>${h(`${STATE_TITLES[s]}: ${r.counts[s]}`)}</title></rect>${w > 24 ? `<text x="${(x + w / 2).toFixed(1)}" y="${y + 15}" text-anchor="middle" fill="#fff" font-size="14">${r.counts[s]}</text>` : ''}`;
      x += w;
      return rect;
    });
    return `<text x="0" y="${y + 17}" font-size="15">${h(r.title)}</text>${parts.join('')}`;
  });
  return `<svg viewBox="0 0 ${W} ${height}" width="100%" role="img" aria-label="Tình hình nộp theo loại đơn vị">${body.join('')}</svg>`;
}

/** Every unit as a small square coloured by its state, in code order: who is missing at a glance. */
function unitGrid(r: Rollup, names: Map<string, string>): string {
  const size = 14,
    per = r.units.length <= 200 ? 20 : 60;
  const rows = Math.ceil(r.units.length / per);
  const cells = r.units.map(
    (u, i) =>
      `<rect x="${(i % per) * (size + 2)}" y="${Math.floor(i / per) * (size + 2)}" width="${size}" height="${size}" fill="${COLORS[u.state]}"><title>${h(`${u.unitCode} ${names.get(u.unitCode)}: ${STATE_TITLES[u.state]}`)}</title></rect>`,
  );
  return `<svg viewBox="0 0 ${per * (size + 2)} ${rows * (size + 2)}" width="100%" role="img" aria-label="Tình trạng từng đơn vị">${cells.join('')}</svg>`;
}

/** The units' values of one indicator on one axis; the median marked, the province rate in red. */
function distribution(i: IndicatorSummary): string {
  if (!i.spread) return '';
  const W = 420,
    H = 50,
    pad = 34;
  const span = i.spread.max.value - i.spread.min.value;
  const lo = i.spread.min.value - span * 0.05,
    hi = i.spread.max.value + span * 0.05;
  const x = (v: number) => (span === 0 ? W / 2 : pad + ((v - lo) / (hi - lo)) * (W - 2 * pad));
  const dots = i.values.map(
    (v) =>
      `<circle cx="${x(v.value).toFixed(1)}" cy="20" r="5" fill="#1565c0" fill-opacity="0.45"><title>${h(`${v.unitCode}: ${formatNumber(v.value)}`)}</title></circle>`,
  );
  const median = `<line x1="${x(i.spread.median.value).toFixed(1)}" x2="${x(i.spread.median.value).toFixed(1)}" y1="8" y2="32" stroke="#333" stroke-dasharray="3 2"><title>${h(`Trung vị ${formatNumber(i.spread.median.value)}`)}</title></line>`;
  const weighted = i.weighted
    ? `<line x1="${x(i.weighted.value).toFixed(1)}" x2="${x(i.weighted.value).toFixed(1)}" y1="4" y2="36" stroke="#c62828" stroke-width="2"><title>${h(`Tỷ lệ chung ${formatPercent(i.weighted.value)}`)}</title></line>`
    : '';
  const ends =
    span === 0
      ? ''
      : `<text x="${pad}" y="48" font-size="13" text-anchor="start">${h(formatNumber(i.spread.min.value))}</text><text x="${W - pad}" y="48" font-size="13" text-anchor="end">${h(formatNumber(i.spread.max.value))}</text>`;
  return `<svg viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="${h(`Phân bố: ${i.name}`)}"><line x1="${pad}" x2="${W - pad}" y1="20" y2="20" stroke="#ccc"/>${dots.join('')}${median}${weighted}${ends}</svg>`;
}

function table(head: string[], rows: string[][]): string {
  return `<div class="scroll"><table><thead><tr>${head.map((c) => `<th>${h(c)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${h(c)}</td>`).join('')}</tr>`).join('')}</tbody></table></div>`;
}

function groups(
  list: Array<{ title: string; units: number; quotes: Rollup['difficulties'][number]['quotes'] }>,
  names: Map<string, string>,
): string {
  return list
    .map((g) => {
      const quotes = distinctQuotes(g.quotes);
      return `<details><summary><b>${h(g.title)}</b> — ${g.units} đơn vị</summary><ul>${quotes.map((q) => `<li>“${h(q.text)}” <small>(${h(q.unitCodes.map((c) => names.get(c) ?? c).join(', '))})</small></li>`).join('')}</ul></details>`;
    })
    .join('');
}

export function rollupHtml(r: Rollup): string {
  const scope = scopeTitle(r);
  const names = unitNames(r);
  const s = r.status;
  const counts = (c: StatusCounts) => ({
    on_time: c.onTime,
    late: c.late,
    needs_review: c.needsReview,
    rejected: c.rejected,
    returned: c.returned,
    missing: c.missing,
  });
  const title = `Tổng hợp ${r.round.title} — ${scope}`;
  const notAccepted = r.units.filter((u) => u.state !== 'on_time' && u.state !== 'late');
  const reported = r.indicators.filter((i) => i.unitsReporting > 0);
  const figure = (i: IndicatorSummary) =>
    i.kind === 'count'
      ? `${formatNumber(i.total ?? 0)} ${i.unit}`
      : i.weighted
        ? `${formatPercent(i.weighted.value)} (${formatNumber(i.weighted.numerator)}/${formatNumber(i.weighted.denominator)})`
        : '—';
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(title)}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:0 auto;max-width:960px;padding:12px;color:#212121;line-height:1.45}
h1{font-size:1.35em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #ddd}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(120px,1fr));gap:8px}
.card{border:1px solid #ddd;border-radius:6px;padding:8px}.card b{display:block;font-size:1.5em}
.legend span{margin-right:12px;white-space:nowrap}.legend i{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:-1px}
.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:.92em}th,td{border:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top}th{background:#f5f5f5}
details{margin:6px 0}.ind{border-top:1px solid #eee}.ind h3{font-size:1em;margin:.8em 0 .2em}.ind p{margin:.2em 0}small{color:#616161}.note{color:#616161;font-size:.9em}
</style></head><body>
<h1>${h(title)}</h1>
<p class="note">Hạn nộp ${h(vietnameseDay(ictDate(new Date(r.round.deadline))))}. Số liệu đến ${h(vietnamTime(new Date(r.builtAt)))}${r.beforeDeadline ? ' (chưa hết hạn nộp, số liệu còn thay đổi)' : ''}. Bản dự thảo do tonghop lập.</p>
<div class="cards">
<div class="card">Phải nộp<b>${s.expected}</b></div><div class="card">Đã nộp hợp lệ<b>${s.reported}</b>${formatShare(s.reportingRate)}</div>
<div class="card">Đúng hạn<b>${s.onTime}</b>${formatShare(s.timelinessRate)}</div><div class="card">Muộn<b>${s.late}</b></div>
<div class="card">Cần xem lại / trả lại / từ chối<b>${s.needsReview + s.returned + s.rejected}</b></div><div class="card">Chưa nộp<b>${s.missing}</b></div>
</div>
<h2>I. Tình hình nộp báo cáo</h2>
${legend()}
${statusBars([{ title: 'Tổng số', counts: counts(s), total: s.expected }, ...s.byLevel.map((l) => ({ title: LEVEL_TITLES[l.level], counts: counts(l), total: l.expected }))])}
<p>Từng đơn vị (theo mã):</p>
${unitGrid(r, names)}
${
  notAccepted.length
    ? `<details><summary>${notAccepted.length} đơn vị chưa có báo cáo hợp lệ</summary>${table(
        ['Mã', 'Đơn vị', 'Tình trạng', 'Ghi chú'],
        notAccepted.map((u) => [
          u.unitCode,
          names.get(u.unitCode)!,
          STATE_TITLES[u.state],
          u.problems.join('; '),
        ]),
      )}</details>`
    : '<p>Tất cả các đơn vị đã nộp báo cáo hợp lệ.</p>'
}
<h2>II. Các chỉ tiêu</h2>
<p class="note">Tỷ lệ chung = tổng tử số / tổng mẫu số của các đơn vị có số liệu gốc (vạch đỏ); chấm xanh là từng đơn vị, vạch đứt là trung vị.</p>
${reported.map((i) => `<div class="ind"><h3>${h(i.name)}</h3><p><b>${h(figure(i))}</b> · ${i.unitsReporting} đơn vị báo cáo · nhỏ nhất ${h(formatNumber(i.spread!.min.value))}, trung vị ${h(formatNumber(i.spread!.median.value))}, lớn nhất ${h(formatNumber(i.spread!.max.value))}</p>${distribution(i)}</div>`).join('\n')}
<h2>III. Khó khăn, vướng mắc</h2>
${
  groups(
    r.difficulties.map((g) => ({ ...g, title: THEME_TITLES[g.theme] })),
    names,
  ) || '<p>Không có.</p>'
}
<h2>IV. Đề xuất, kiến nghị</h2>
${
  groups(
    r.proposalsByAddressee.map((g) => ({
      ...g,
      title: `Đối với ${ADDRESSEE_TITLES[g.addressee]}`,
    })),
    names,
  ) || '<p>Không có.</p>'
}
<p class="note">Mỗi số liệu và trích dẫn ghi nguồn (tệp, phiên bản) trong tệp Excel và JSON kèm theo.</p>
</body></html>
`;
}
