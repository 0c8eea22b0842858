import { html } from 'hono/html';
import type { DeskAction, DeskEvent } from '../../shared/schemas/desk-event.js';
import { when } from './format.js';
import type { Html } from './layout.js';

const ACTION_WORDS: Record<DeskAction, string> = {
  round_opened: 'Mở kỳ báo cáo',
  round_reminders: 'Đổi ngày nhắc',
  round_closed: 'Đóng kỳ',
  round_reopened: 'Mở lại kỳ',
  contacts_imported: 'Nhập danh sách liên hệ',
  account_invited: 'Mời tài khoản cổng',
  account_revoked: 'Thu hồi tài khoản cổng',
  submission_moved: 'Chuyển báo cáo sang đúng kỳ',
  figures_checked: 'Kiểm tra trước khi ký',
  trust_imported: 'Nhập chứng thư tin cậy',
  trust_removed: 'Gỡ chứng thư tin cậy',
  signatures_rechecked: 'Kiểm tra lại chữ ký số',
  signer_set: 'Đặt người ký báo cáo tổng hợp',
};

/** The desk log's newest entries: when, who, what, on what (every value escaped). */
export function deskLogList(events: DeskEvent[], empty: string): Html {
  if (!events.length) return html`<p class="note">${empty}</p>`;
  return html`<ol class="desk-log">${events.map(
    (e) =>
      html`<li><b>${ACTION_WORDS[e.action]}</b> · ${e.subject}${
        e.detail ? html` — ${e.detail}` : ''
      }<br><small>${when(e.at)} · ${e.by.email}</small></li>`,
  )}</ol>`;
}
