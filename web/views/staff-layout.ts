import { html } from 'hono/html';
import { STATE_TITLES } from '../../shared/rollup/format.js';
import { daysFromDeadline } from '../../shared/rounds/deadline.js';
import type { UnitState } from '../../shared/schemas/rollup.js';
import type { Round } from '../../shared/schemas/round.js';
import type { Unit } from '../../shared/schemas/unit.js';
import { unitLabel } from '../../shared/vocabulary/unit-names.js';
import type { Identity } from '../identity.js';
import { type Html, notice, page } from './layout.js';

export type DeskArea = 'board' | 'queue' | 'rollups' | 'rounds' | 'contacts' | 'trust' | 'settings';

const AREAS: Array<[DeskArea, string, string]> = [
  ['board', '/so', 'Tình hình nộp'],
  ['queue', '/so/xem-xet', 'Cần xem xét'],
  ['rollups', '/so/tong-hop', 'Tổng hợp'],
  ['rounds', '/so/ky', 'Kỳ báo cáo'],
  ['contacts', '/so/lien-he', 'Liên hệ và tài khoản'],
  ['trust', '/so/tin-cay', 'Danh sách tin cậy'],
  ['settings', '/so/cai-dat', 'Cài đặt'],
];

export interface StaffPageOptions {
  title: string;
  identity: Identity;
  csrf: string;
  area: DeskArea;
  /** A message after an action: what was done, or why it was not. */
  flash?: { kind: 'ok' | 'error'; text: string } | null;
}

/** Every page of the Department's desk: the portal's frame with the desk's own navigation. */
export function staffPage(opts: StaffPageOptions, body: Html): Html {
  const nav = html`<nav class="desk" aria-label="Bàn làm việc của Sở">${AREAS.map(
    ([area, href, label]) =>
      html`<a href="${href}"${area === opts.area ? html` aria-current="page"` : ''}>${label}</a>`,
  )}</nav>`;
  const flash = opts.flash ? notice(opts.flash.kind, opts.flash.text) : '';
  return page(
    { title: opts.title, identity: opts.identity, csrf: opts.csrf },
    html`${nav}${flash}${body}`,
  );
}

/** What was found wrong, as a short list (nothing when nothing was). */
export const problemList = (problems: string[]) =>
  problems.length
    ? html`<ul class="problems">${problems.map((p) => html`<li>${p}</li>`)}</ul>`
    : '';

/**
 * A unit's state in a round as a tag; a unit with nothing sent once the deadline has passed is
 * marked overdue, in red, rather than the grey "Chưa nộp" of a round still open.
 */
export function stateTag(state: UnitState, round: Pick<Round, 'deadline'>, now: Date): Html {
  return state === 'missing' && daysFromDeadline(now, round.deadline) > 0
    ? html`<span class="state missing overdue">Quá hạn, chưa nộp</span>`
    : html`<span class="state ${state}">${STATE_TITLES[state]}</span>`;
}

/** A unit's name linking to its page across rounds, its code under it. */
export const unitCell = (unit: Unit) =>
  html`<a href="/so/don-vi/${unit.code}">${unitLabel(unit)}</a><br><small>${unit.code}</small>`;

/** "xã Nghĩa Đàn (16941)", or what an unmatched file is called. */
export const unitName = (unit: Unit | undefined, code: string) =>
  unit ? `${unitLabel(unit)} (${code})` : code === '_' ? 'Chưa xác định đơn vị' : code;
