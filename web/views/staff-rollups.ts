import { html } from 'hono/html';
import type { Round } from '../../shared/schemas/round.js';
import type { Identity } from '../identity.js';
import { deadlineText, fileSize, when } from './format.js';
import { csrfField, type Html } from './layout.js';
import { staffPage } from './staff-layout.js';

export interface RollupBuild {
  /** When it was built (ISO); null for the current draft when unknown. */
  builtAt: string | null;
  files: Array<{ key: string; name: string; size: number }>;
}

export interface RoundRollups {
  round: Round;
  current: RollupBuild | null;
  earlier: RollupBuild[];
  /** The pre-sign list as the rollup would be built now; absent where statements are not kept. */
  check?: { items: number; pending: number } | null;
}

const FORMAT_LABEL: Record<string, string> = {
  docx: 'Word (DOCX, để chỉnh sửa và ký)',
  xlsx: 'Excel (XLSX)',
  html: 'Trang web (HTML)',
  json: 'Dữ liệu (JSON)',
};

const downloadPath = (key: string) => `/so/tong-hop/tai?k=${encodeURIComponent(key)}`;

function files(build: RollupBuild): Html {
  return html`<ul class="files">${build.files.map((f) => {
    const ext = f.name.slice(f.name.lastIndexOf('.') + 1);
    return html`<li><a href="${downloadPath(f.key)}" rel="nofollow">${FORMAT_LABEL[ext] ?? f.name}</a>
      <small>${f.name} · ${fileSize(f.size)}</small></li>`;
  })}</ul>`;
}

/** The pre-sign list's state, before the build button: what still waits to be looked at. */
function checkLine(r: RoundRollups): Html | string {
  if (!r.check) return '';
  const href = `/so/tong-hop/${r.round.roundId}/kiem-tra`;
  const { items, pending } = r.check;
  const state = !items
    ? 'không có mục nào chưa chắc chắn'
    : pending
      ? `${pending} mục chờ kiểm tra (trên ${items} mục chưa chắc chắn)`
      : `đã kiểm tra cả ${items} mục chưa chắc chắn`;
  return html`<p class="check-line"><a href="${href}">Kiểm tra trước khi ký</a>: ${state}.</p>`;
}

function roundCard(r: RoundRollups, csrf: string): Html {
  const { round } = r;
  return html`<section class="card rollup" id="ky-${round.roundId}">
  <h2>${round.title} <small>(${round.roundId}, hạn ${deadlineText(round)})</small></h2>
  ${checkLine(r)}
  <form method="post" action="/so/tong-hop/${round.roundId}/lap">${csrfField(csrf)}
    <button type="submit">Lập báo cáo tổng hợp ngay</button></form>
  ${
    r.current
      ? html`<h3>Bản hiện tại${r.current.builtAt ? ` (lập lúc ${when(r.current.builtAt)})` : ''}</h3>
        ${files(r.current)}`
      : html`<p>Chưa lập báo cáo tổng hợp cho kỳ này.</p>`
  }
  ${
    r.earlier.length
      ? html`<details><summary>Các bản lập trước (${r.earlier.length})</summary>${r.earlier.map(
          (b) => html`<h4>Lập lúc ${b.builtAt ? when(b.builtAt) : '—'}</h4>${files(b)}`,
        )}</details>`
      : ''
  }
</section>`;
}

export function rollupsPage(input: {
  identity: Identity;
  csrf: string;
  rounds: RoundRollups[];
  flash?: { kind: 'ok' | 'error'; text: string } | null;
}): Html {
  return staffPage(
    {
      title: 'Báo cáo tổng hợp',
      identity: input.identity,
      csrf: input.csrf,
      area: 'rollups',
      flash: input.flash,
    },
    html`<h1>Báo cáo tổng hợp</h1>
<p>Mỗi lần lập lại, bản hiện tại được thay và bản cũ vẫn được giữ. Liên kết tải được tạo lúc bấm,
nên luôn dùng được.</p>
${input.rounds.map((r) => roundCard(r, input.csrf))}`,
  );
}
