import { escapeHtml as h } from '../mail/html.js';
import { ictDate, vietnamTime } from '../rounds/deadline.js';
import type { IndicatorSummary, Rollup, StatusCounts } from '../schemas/rollup.js';
import { COUNT_TITLES as T } from '../vocabulary/status-words.js';
import {
  formalDate,
  formatShare,
  LEVEL_TITLES,
  problemNote,
  STATE_TITLES,
  scopeTitle,
  unitNames,
} from './format.js';
import { indicatorHeadline, trendText } from './headline.js';
import { COLORS, distribution, legend, statusBars, tag } from './html-charts.js';
import { ADDRESSEE_TITLES, distinctQuotes, THEME_TITLES } from './themes.js';

// One self-contained page: no script, no external file, charts as inline SVG.

const NAMED = 3;

const STYLE = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;
margin:0 auto;max-width:960px;padding:12px;color:#212121;line-height:1.45;font-size:16px}
h1{font-size:1.35em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #ddd}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(120px,1fr));gap:8px}
.card{border:1px solid #ddd;border-radius:6px;padding:8px}.card b{display:block;font-size:1.5em}
.legend span{margin-right:12px;white-space:nowrap}
.legend i{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:-1px}
.chart{overflow-x:auto}.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.92em}
th,td{border:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top}th{background:#f5f5f5}
.grid{display:flex;flex-wrap:wrap;gap:3px;list-style:none;padding:0;font-size:.8em}
.grid li{padding:1px 5px;border-radius:3px;color:#fff}.grid li.late{color:#212121}
details{margin:6px 0}.ind{border-top:1px solid #eee}.ind h3{font-size:1em;margin:.8em 0 .2em}.ind p{margin:.2em 0}
small{color:#616161}.note{color:#616161;font-size:.9em}`;

function table(head: string[], rows: string[][]): string {
  const th = head.map((c) => `<th>${h(c)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${h(c)}</td>`).join('')}</tr>`).join('');
  return `<div class="scroll"><table><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table></div>`;
}

/** Every unit by name, coloured by its state: who is missing, readable without hovering. */
function unitGrid(r: Rollup, names: Map<string, string>): string {
  const items = r.units.map((u) =>
    tag(
      'li',
      {
        class: u.state.replace('_', '-'),
        style: `background:${COLORS[u.state]}`,
        title: `${u.unitCode}: ${STATE_TITLES[u.state]}`,
      },
      h(names.get(u.unitCode) ?? u.unitCode),
    ),
  );
  return `<ul class="grid">${items.join('')}</ul>`;
}

/** A point with its units: all names when few share it, else the count and a few names. */
function groups(
  list: Array<{ title: string; units: number; quotes: Rollup['difficulties'][number]['quotes'] }>,
  names: Map<string, string>,
): string {
  const who = (codes: string[]) => {
    const named = codes.slice(0, NAMED).map((c) => names.get(c) ?? c);
    return codes.length > NAMED
      ? `${codes.length} đơn vị, trong đó có ${named.join(', ')}`
      : named.join(', ');
  };
  return list
    .map((g) => {
      const quotes = distinctQuotes(g.quotes);
      const items = quotes.map(
        (q) => `<li>“${h(q.text)}” <small>(${h(who(q.unitCodes))})</small></li>`,
      );
      return `<details><summary><b>${h(g.title)}</b> — ${g.units} đơn vị</summary><ul>${items.join('')}</ul></details>`;
    })
    .join('');
}

function indicator(i: IndicatorSummary, names: Map<string, string>): string {
  const chart = tag('div', { class: 'chart' }, distribution(i, names));
  const figure = `<b>${h(indicatorHeadline(i))}</b>${h(trendText(i).replace('\n', ' '))}`;
  return `<div class="ind"><h3>${h(i.name)}</h3><p>${figure}</p>${chart}</div>`;
}

function statusPart(r: Rollup, names: Map<string, string>): string {
  const s = r.status;
  const counts = (c: StatusCounts) => ({
    on_time: c.onTime,
    late: c.late,
    needs_review: c.needsReview,
    rejected: c.rejected,
    returned: c.returned,
    missing: c.missing,
  });
  const bars = [
    { title: 'Tổng số', counts: counts(s), total: s.expected },
    ...s.byLevel.map((l) => ({
      title: LEVEL_TITLES[l.level],
      counts: counts(l),
      total: l.expected,
    })),
  ];
  const notAccepted = r.units.filter((u) => u.state !== 'on_time' && u.state !== 'late');
  const list = notAccepted.length
    ? `<details><summary>${notAccepted.length} đơn vị chưa có báo cáo hợp lệ</summary>${table(
        ['Mã', 'Đơn vị', 'Tình trạng', 'Ghi chú'],
        notAccepted.map((u) => [
          u.unitCode,
          names.get(u.unitCode)!,
          STATE_TITLES[u.state],
          problemNote(u.problems),
        ]),
      )}</details>`
    : '<p>Tất cả các đơn vị đã nộp báo cáo hợp lệ.</p>';
  return `<h2>I. Tình hình nộp báo cáo</h2>
${legend()}<div class="chart">${statusBars(bars)}</div>
<p>Từng đơn vị:</p>${unitGrid(r, names)}${list}`;
}

function cards(s: Rollup['status']): string {
  const card = (label: string, n: number, extra = '') =>
    `<div class="card">${label}<b>${n}</b>${extra}</div>`;
  return `<div class="cards">${[
    card(T.expected, s.expected),
    card(T.reported, s.reported, formatShare(s.reportingRate)),
    card(T.onTime, s.onTime, formatShare(s.timelinessRate)),
    card(T.late, s.late),
    card(T.needsReview, s.needsReview),
    card(T.returned, s.returned),
    card(T.rejected, s.rejected),
    card(T.missing, s.missing),
  ].join('')}</div>`;
}

export function rollupHtml(r: Rollup): string {
  const names = unitNames(r);
  const title = `Tổng hợp ${r.round.title} — ${scopeTitle(r)}`;
  const deadline = formalDate(ictDate(new Date(r.round.deadline)));
  const proposals = r.proposalsByAddressee.map((g) => ({
    ...g,
    // "Gửi Sở Tài chính", but a proposal that names no body is not "sent to" one.
    title:
      g.addressee === 'unspecified'
        ? 'Kiến nghị chưa nêu cơ quan nhận'
        : `Gửi ${ADDRESSEE_TITLES[g.addressee]}`,
  }));
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(title)}</title><style>${STYLE}</style></head><body>
<h1>${h(title)}</h1>
<p class="note">Hạn nộp ngày ${h(deadline)}. Số liệu đến ${h(vietnamTime(new Date(r.builtAt)))}${
    r.beforeDeadline ? ' (chưa hết hạn nộp, số liệu còn thay đổi)' : ''
  }.</p>
${cards(r.status)}
${statusPart(r, names)}
<h2>II. Các chỉ tiêu</h2>
<p class="note">Chấm xanh: từng đơn vị; vạch đứt: trung vị; vạch đỏ: tỷ lệ chung (tổng tử số /
tổng mẫu số), khi phần lớn đơn vị có số liệu gốc.</p>
${r.indicators
  .filter((i) => i.unitsReporting > 0)
  .map((i) => indicator(i, names))
  .join('\n')}
<h2>III. Khó khăn, vướng mắc</h2>
${
  groups(
    r.difficulties.map((g) => ({ ...g, title: THEME_TITLES[g.theme] })),
    names,
  ) || '<p>Không có.</p>'
}
<h2>IV. Kiến nghị, đề xuất của các đơn vị</h2>
${groups(proposals, names) || '<p>Không có.</p>'}
<p class="note">Nguồn của từng số liệu và trích dẫn (tệp, lần nộp) trong tệp Excel và JSON kèm theo.</p>
</body></html>
`;
}
