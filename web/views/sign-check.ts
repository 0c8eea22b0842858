import { html } from 'hono/html';
import type { FigureItem, SignItem } from '../../shared/rollup/sign-checks.js';
import type { DeskEvent } from '../../shared/schemas/desk-event.js';
import type { Round } from '../../shared/schemas/round.js';
import type { Identity } from '../identity.js';
import { deskLogList } from './desk-log.js';
import { number, when } from './format.js';
import { csrfField, type Html, notice } from './layout.js';
import { staffPage } from './staff-layout.js';

// "Kiểm tra trước khi ký": every item of the DOCX for signature that is not certain, each with
// what it rests on, and a plain form per item (accept / edit / drop) that works without JS.

type Kind = SignItem['kind'];

const GROUPS: Array<{ kind: Kind; title: string; intro: string; bulk?: string }> = [
  {
    kind: 'corrected',
    title: 'Số liệu đơn vị đã sửa',
    intro:
      'Giá trị đơn vị ghi trên cổng đứng cạnh giá trị hệ thống đọc được; báo cáo dùng giá trị của đơn vị.',
  },
  {
    kind: 'scanned',
    title: 'Số liệu đọc từ bản quét, đơn vị chưa xác nhận',
    intro:
      'Đối chiếu với ảnh hoặc dòng trong bản gốc. Chưa được chấp nhận thì số liệu không vào báo cáo.',
  },
  {
    kind: 'mapping',
    title: 'Số liệu được ghép với chỉ tiêu trong danh mục',
    intro: 'Câu trong báo cáo đứng cạnh tên chỉ tiêu mà số liệu được tính vào.',
    bulk: 'Chấp nhận tất cả số liệu ghép chỉ tiêu còn lại',
  },
  {
    kind: 'quote',
    title: 'Trích dẫn đã được sửa chữ',
    intro: 'Câu in trong báo cáo tổng hợp đứng cạnh câu đúng như văn bản của đơn vị.',
  },
  {
    kind: 'left_out',
    title: 'Báo cáo không được tính',
    intro:
      'Đơn vị đã gửi nhưng báo cáo không được tính; xử lý ở mục Cần xem xét, hoặc chấp nhận để ngoài.',
    bulk: 'Chấp nhận để ngoài tất cả báo cáo còn lại',
  },
];

const DECIDED = { accepted: 'Đã chấp nhận', edited: 'Đã sửa', dropped: 'Đã bỏ' } as const;

export interface SignCheckInput {
  identity: Identity;
  csrf: string;
  round: Round;
  items: SignItem[];
  /** Unit code → "xã Nghĩa Đàn". */
  unitNames: Map<string, string>;
  /** Where a figure's image crop is served from, when it has one. */
  cropUrl: (f: FigureItem) => string | null;
  flash?: { kind: 'ok' | 'error'; text: string } | null;
  /** The round's entries of the desk log for this list, newest first. */
  log: DeskEvent[];
  /** After a refused form: the item and why. */
  error?: { item: string | null; text: string; sent: Record<string, string | undefined> } | null;
}

/** An anchor for an item (its id has ":" "@" "#"). */
export const itemAnchor = (id: string) => `m-${id.replace(/[^A-Za-z0-9_-]/g, '-')}`;

const readText = (f: FigureItem['figure']) =>
  `${number(f.value)}${f.unit ? ` ${f.unit}` : ''}${
    f.numerator !== null && f.denominator !== null
      ? ` (${number(f.numerator)}/${number(f.denominator)})`
      : ''
  }`;

const where = (f: FigureItem['figure']) =>
  f.page ? `trang ${f.page}, dòng ${f.line}, đọc từ bản quét` : `dòng ${f.line}`;

function figureBody(item: FigureItem, input: SignCheckInput): Html {
  const f = item.figure;
  const crop = input.cropUrl(item);
  const s = item.statement;
  const source = crop
    ? html`<figure class="crop"><img src="${crop}" alt="Ảnh dòng số liệu trong bản quét: ${f.label}">
      <figcaption>Trong báo cáo (${where(f)}): “${f.label}”</figcaption></figure>`
    : html`<p>Trong báo cáo (${where(f)}): “${f.label}”</p>`;
  return html`<p class="name">Chỉ tiêu: <strong>${item.name}</strong></p>
    ${source}
    <dl class="pair">
      <dt>Hệ thống đọc được</dt><dd>${readText(f)}</dd>
      ${
        s?.stated
          ? html`<dt>Đơn vị sửa thành</dt><dd><strong>${number(s.stated.value)}${f.unit ? ` ${f.unit}` : ''}</strong>
        <small>${s.by} · ${when(s.at)}</small></dd>`
          : ''
      }
    </dl>`;
}

function itemBody(item: SignItem, input: SignCheckInput): Html {
  if (item.kind === 'quote')
    return html`<p class="name">Mục: ${item.section}</p>
    <dl class="pair"><dt>In trong báo cáo tổng hợp</dt><dd>${item.text}</dd>
      <dt>Văn bản của đơn vị</dt><dd>${item.original}</dd></dl>`;
  if (item.kind === 'left_out') return html`<p>${item.reason || 'Chưa rõ lý do.'}</p>`;
  return figureBody(item, input);
}

function editField(item: SignItem, id: string, sent: Record<string, string | undefined>): Html {
  if (item.kind === 'left_out') return html``;
  if (item.kind === 'quote')
    return html`<label for="t-${id}">Câu trích đúng (khi sửa)</label>
    <textarea id="t-${id}" name="t" rows="3">${sent.t ?? item.decision?.text ?? item.original}</textarea>
    <button type="submit" name="d" value="sua" class="small">Sửa</button>`;
  const value =
    sent.v ??
    (item.decision?.value !== undefined ? String(item.decision.value).replace('.', ',') : '');
  return html`<label for="v-${id}">Giá trị đúng (khi sửa)</label>
    <span class="row"><input id="v-${id}" name="v" inputmode="decimal" value="${value}">
    <button type="submit" name="d" value="sua" class="small">Sửa</button></span>`;
}

function itemCard(item: SignItem, input: SignCheckInput): Html {
  const id = itemAnchor(item.id);
  const d = item.decision;
  const error = input.error?.item === item.id ? input.error : null;
  const unit = input.unitNames.get(item.unitCode) ?? item.unitCode;
  return html`<article class="card sign-item${d ? ' decided' : ''}" id="${id}" aria-labelledby="h-${id}">
  <h3 id="h-${id}">${unit} <small>${item.unitCode}</small></h3>
  ${itemBody(item, input)}
  ${
    d
      ? html`<p class="decision">${DECIDED[d.decision]}${
          d.value !== undefined ? `: ${number(d.value)}` : d.text ? `: “${d.text}”` : ''
        } <small>${d.by.email} · ${when(d.at)}</small></p>`
      : ''
  }
  ${error ? html`<p class="error" role="alert">${error.text}</p>` : ''}
  <form method="post" action="/so/tong-hop/${input.round.roundId}/kiem-tra" class="sign-form">
    ${csrfField(input.csrf)}<input type="hidden" name="item" value="${item.id}">
    ${editField(item, id, error?.sent ?? {})}
    <span class="row"><button type="submit" name="d" value="chap-nhan" class="small">${
      item.kind === 'left_out' ? 'Chấp nhận để ngoài' : 'Chấp nhận'
    }</button>${
      item.kind === 'left_out'
        ? ''
        : html`<button type="submit" name="d" value="bo" class="small danger">Bỏ khỏi báo cáo</button>`
    }</span>
  </form>
</article>`;
}

function group(g: (typeof GROUPS)[number], input: SignCheckInput): Html {
  const items = input.items.filter((i) => i.kind === g.kind);
  if (!items.length) return html``;
  const open = items.filter((i) => !i.decision);
  const bulk =
    g.bulk && open.length > 1
      ? html`<form method="post" action="/so/tong-hop/${input.round.roundId}/kiem-tra/tat-ca">
      ${csrfField(input.csrf)}<input type="hidden" name="g" value="${g.kind}">
      <button type="submit" class="small">${g.bulk} (${open.length})</button></form>`
      : '';
  return html`<section class="sign-group" aria-labelledby="g-${g.kind}">
  <h2 id="g-${g.kind}">${g.title} <small>${open.length} chờ / ${items.length}</small></h2>
  <p class="note">${g.intro}</p>${bulk}
  ${items.map((i) => itemCard(i, input))}
</section>`;
}

/** The pre-sign list of one round, then the button that builds the DOCX from its decisions. */
export function signCheckPage(input: SignCheckInput): Html {
  const { round, items } = input;
  const pending = items.filter((i) => !i.decision).length;
  const checked = items.length - pending;
  const summary = items.length
    ? notice(
        pending ? 'info' : 'ok',
        `${items.length} mục chưa chắc chắn: đã kiểm tra ${checked}, còn ${pending}. ` +
          'Báo cáo tổng hợp lập sau đây theo đúng các quyết định này và ghi số mục đã kiểm tra.',
      )
    : notice('ok', 'Không có mục nào chưa chắc chắn: có thể lập báo cáo để ký ngay.');
  return staffPage(
    {
      title: `Kiểm tra trước khi ký — ${round.title}`,
      identity: input.identity,
      csrf: input.csrf,
      area: 'rollups',
      flash: input.flash,
    },
    html`<h1>Kiểm tra trước khi ký<small>${round.title} (${round.roundId})</small></h1>
${summary}
${input.error && !input.error.item ? notice('error', input.error.text) : ''}
${GROUPS.map((g) => group(g, input))}
<section class="card" aria-labelledby="lap-h"><h2 id="lap-h">Lập báo cáo để ký</h2>
<form method="post" action="/so/tong-hop/${round.roundId}/lap">${csrfField(input.csrf)}
  <button type="submit">Lập báo cáo tổng hợp (DOCX để ký)</button></form>
<p><a href="/so/tong-hop#ky-${round.roundId}">Về trang Tổng hợp</a></p></section>
<section aria-labelledby="log-h"><h2 id="log-h">Nhật ký kiểm tra</h2>
${deskLogList(input.log, 'Chưa có quyết định nào.')}</section>`,
  );
}
