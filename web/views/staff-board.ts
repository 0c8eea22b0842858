import { html } from 'hono/html';
import type {
  BoardFilter,
  BoardRow,
  BoardSort,
  RoundBoard,
} from '../../shared/review/round-board.js';
import { LEVEL_TITLES, STATE_TITLES } from '../../shared/rollup/format.js';
import { daysFromDeadline } from '../../shared/rounds/deadline.js';
import type { StatusCounts, UnitState } from '../../shared/schemas/rollup.js';
import type { Round } from '../../shared/schemas/round.js';
import { FIGURES_STATE_WORDS, COUNT_TITLES as T } from '../../shared/vocabulary/status-words.js';
import type { Identity } from '../identity.js';
import { daysLeftText, deadlineText, when } from './format.js';
import type { Html } from './layout.js';
import { pageOf, pager } from './paging.js';
import { problemList, staffPage, stateTag, unitCell } from './staff-layout.js';
import { submissionPath } from './staff-review.js';

const pct = (x: number) => `${(x * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`;

const SORT_LABELS: Array<[BoardSort, string]> = [
  ['state', 'Trạng thái'],
  ['unit', 'Tên đơn vị'],
  ['lastUpload', 'Lần nộp cuối'],
  ['lastReminder', 'Nhắc hạn gần nhất'],
];

const STATES: UnitState[] = ['on_time', 'late', 'needs_review', 'returned', 'rejected', 'missing'];

function cards(c: StatusCounts, overdue: boolean): Html {
  const card = (label: string, value: number, extra = '') =>
    html`<div class="stat"><span>${label}</span><b>${value}</b>${extra ? html`<small>${extra}</small>` : ''}</div>`;
  return html`<div class="stats">
    ${card(T.expected, c.expected)}
    ${card(T.reported, c.reported, `tỷ lệ ${pct(c.reportingRate)}`)}
    ${card(T.onTime, c.onTime, `tỷ lệ ${pct(c.timelinessRate)}`)}
    ${card(T.late, c.late)}
    ${card(T.needsReview, c.needsReview)}
    ${card(T.returned, c.returned)}
    ${card(T.rejected, c.rejected)}
    ${card(overdue ? `${T.missing} (quá hạn)` : T.missing, c.missing, overdue && c.missing ? 'hạn nộp đã qua' : '')}
  </div>
  <p class="note">Đã nộp hợp lệ: báo cáo được tiếp nhận tự động hoặc được Sở duyệt${
    c.approvedByStaff ? ` (${c.approvedByStaff} do Sở duyệt)` : ''
  }; báo cáo bị trả lại hoặc đang chờ xem xét không được tính.</p>`;
}

function levels(board: RoundBoard): Html {
  const row = (title: string, c: StatusCounts) => html`<tr><th scope="row">${title}</th>
    <td class="num" data-label="Phải nộp">${c.expected}</td>
    <td class="num" data-label="Đã nộp">${c.reported}</td>
    <td class="num" data-label="Đúng hạn">${c.onTime}</td>
    <td class="num" data-label="Tỷ lệ nộp">${pct(c.reportingRate)}</td>
    <td class="num" data-label="Tỷ lệ đúng hạn">${pct(c.timelinessRate)}</td></tr>`;
  return html`<div class="scroll" tabindex="0" role="region" aria-label="Theo loại đơn vị">
  <table class="levels stacked"><caption>Theo loại đơn vị</caption>
  <thead><tr><th scope="col">Loại</th><th scope="col">Phải nộp</th><th scope="col">Đã nộp</th>
    <th scope="col">Đúng hạn</th><th scope="col">Tỷ lệ nộp</th><th scope="col">Tỷ lệ đúng hạn</th></tr></thead>
  <tbody>${board.byLevel.map((l) => row(LEVEL_TITLES[l.level], l))}${row('Tổng số', board.counts)}</tbody>
  </table></div>`;
}

export interface BoardQuery {
  filter: BoardFilter;
  sort: BoardSort;
  descending: boolean;
}

function filters(round: Round, q: BoardQuery, rounds: Round[]): Html {
  const opt = (value: string, label: string, current: string | undefined) =>
    html`<option value="${value}"${value === (current ?? 'all') ? ' selected' : ''}>${label}</option>`;
  return html`<form method="get" action="/so" class="filters">
  <label>Kỳ <select name="ky">${rounds.map((r) =>
    opt(r.roundId, `${r.title} (${r.roundId})`, round.roundId),
  )}</select></label>
  <label>Trạng thái <select name="trang-thai">${opt('all', 'Tất cả', q.filter.state)}${STATES.map(
    (s) => opt(s, STATE_TITLES[s], q.filter.state),
  )}</select></label>
  <label>Loại <select name="loai">${opt('all', 'Tất cả', q.filter.level)}${Object.entries(
    LEVEL_TITLES,
  ).map(([k, v]) => opt(k, v, q.filter.level))}</select></label>
  <label>Tìm <input type="text" name="tim" value="${q.filter.text ?? ''}" placeholder="tên hoặc mã"></label>
  <label class="check"><input type="checkbox" name="bi-tra-thu" value="1"${
    q.filter.bounced ? ' checked' : ''
  }> Địa chỉ bị trả thư</label>
  <label>Sắp xếp <select name="sap-xep">${SORT_LABELS.map(([k, v]) => opt(k, v, q.sort))}</select></label>
  <input type="hidden" name="giam" value="${q.descending ? '1' : '0'}">
  <button type="submit">Lọc</button>
</form>`;
}

function withSort(base: URLSearchParams, q: BoardQuery): URLSearchParams {
  const p = new URLSearchParams(base);
  p.set('sap-xep', q.sort);
  if (q.descending) p.set('giam', '1');
  return p;
}

/** A column header that sorts by its column; aria-sort belongs on the header, not the link. */
function sortHeader(label: string, key: BoardSort, q: BoardQuery, base: URLSearchParams): Html {
  const p = new URLSearchParams(base);
  p.set('sap-xep', key);
  const active = q.sort === key;
  p.set('giam', active && !q.descending ? '1' : '0');
  const mark = active ? (q.descending ? ' ▼' : ' ▲') : '';
  const sorted = active ? html` aria-sort="${q.descending ? 'descending' : 'ascending'}"` : '';
  return html`<th scope="col"${sorted}><a href="/so?${p.toString()}">${label}${mark}</a></th>`;
}

/** "Số liệu: đã sửa (vp@xa…, 10:05 12/06/2026)" under the unit's state. */
function figuresCell(r: BoardRow): Html | string {
  if (!r.figures) return '';
  const f = r.figures;
  const who = f.by && f.at ? html`<br><small>${f.by} · ${when(f.at)}</small>` : '';
  return html`<br><span class="figures ${f.state}">Số liệu: ${FIGURES_STATE_WORDS[f.state]}</span>${who}`;
}

function unitRow(r: BoardRow, round: Round, now: Date): Html {
  const contact = [r.unit.contactName, r.unit.phone].filter(Boolean).join(' · ');
  const last = r.lastUpload;
  const bounced = r.undeliverable;
  return html`<tr>
    <td data-label="Đơn vị">${unitCell(r.unit)}</td>
    <td data-label="Trạng thái">${stateTag(r.state, round, now)}${
      r.acceptedBy === 'staff' ? html`<br><small>Sở duyệt</small>` : ''
    }${figuresCell(r)}</td>
    <td data-label="Lần nộp cuối">${
      last ? html`<a href="${submissionPath(last)}">${when(last.uploadedAt)}</a>` : '—'
    }</td>
    <td data-label="Vấn đề">${problemList(r.problems)}</td>
    <td data-label="Nhắc hạn">${r.lastReminder ? when(r.lastReminder.at) : '—'}</td>
    <td data-label="Liên hệ">${contact}${contact ? html`<br>` : ''}${
      r.unit.emails.join(', ') || html`<em>chưa có địa chỉ thư</em>`
    }
      ${bounced.length ? html`<br><strong class="bounced">Bị trả thư: ${bounced.join(', ')}</strong>` : ''}
    </td>
  </tr>`;
}

export function boardPage(input: {
  identity: Identity;
  csrf: string;
  board: RoundBoard;
  rows: BoardRow[];
  rounds: Round[];
  query: BoardQuery;
  /** What waits for review in every round, and in this round. */
  queueSize: number;
  queueOfRound: number;
  /** The page of the filtered rows asked for (50 a page). */
  page: number;
  now: Date;
}): Html {
  const { board, query } = input;
  const overdue = daysFromDeadline(input.now, board.round.deadline) > 0;
  const shown = pageOf(input.rows, input.page);
  const closed = board.round.closedAt ? ' · đã đóng' : '';
  const unmatched = board.unmatched
    ? ` (trong đó ${board.unmatched} tệp chưa xác định đơn vị)`
    : '';
  // The round's own count first, beside its cards; the other rounds' files are said apart.
  const others = input.queueSize - input.queueOfRound;
  const elsewhere = others ? ` Các kỳ khác còn ${others} hồ sơ chờ xem xét.` : '';
  const waiting = input.queueSize
    ? html`<p class="notice info">${
        input.queueOfRound
          ? html`<a href="/so/xem-xet">Kỳ này có ${input.queueOfRound} hồ sơ cần xem xét</a>${unmatched}.`
          : 'Kỳ này không có hồ sơ nào chờ xem xét.'
      }${elsewhere ? html` <a href="/so/xem-xet">${elsewhere.trim()}</a>` : ''}</p>`
    : '';
  const base = new URLSearchParams({ ky: board.round.roundId });
  if (query.filter.state && query.filter.state !== 'all')
    base.set('trang-thai', query.filter.state);
  if (query.filter.level && query.filter.level !== 'all') base.set('loai', query.filter.level);
  if (query.filter.text) base.set('tim', query.filter.text);
  if (query.filter.bounced) base.set('bi-tra-thu', '1');
  return staffPage(
    {
      title: `Tình hình nộp — ${board.round.title}`,
      identity: input.identity,
      csrf: input.csrf,
      area: 'board',
    },
    html`<h1>${board.round.title}<small>Hạn nộp ${deadlineText(board.round)}
  (${daysLeftText(board.round, input.now)})${closed}</small></h1>
${waiting}
${cards(board.counts, overdue)}
${levels(board)}
<h2>Các đơn vị <small>${input.rows.length}/${board.rows.length}</small></h2>
${filters(board.round, query, input.rounds)}
<p><a href="/so/ky/${board.round.roundId}/bang-theo-doi.xlsx">Tải bảng (XLSX)</a></p>
<table class="board stacked">
  <thead><tr>
    ${sortHeader('Đơn vị', 'unit', query, base)}
    ${sortHeader('Trạng thái', 'state', query, base)}
    ${sortHeader('Lần nộp cuối', 'lastUpload', query, base)}
    <th scope="col">Vấn đề</th>
    ${sortHeader('Nhắc hạn gần nhất', 'lastReminder', query, base)}
    <th scope="col">Liên hệ</th>
  </tr></thead>
  <tbody>${shown.rows.map((r) => unitRow(r, board.round, input.now))}</tbody>
</table>
${pager('/so', withSort(base, query), shown)}`,
  );
}
