import { html } from 'hono/html';
import type { Report } from '../../shared/schemas/report.js';
import { signatureLine } from '../../shared/vocabulary/signature-words.js';
import type { Html } from './layout.js';

/**
 * A file's digital signatures, one line each ("Ký số: …, 18/11/2026 09:12, hợp lệ; …; chưa
 * kiểm tra thu hồi chứng thư"); nothing for a file without any (a scan of paper is normal).
 */
export function signatureLines(r: Report | null): Html | '' {
  const signatures = r?.signatures ?? [];
  if (!signatures.length) return '';
  return html`<ul class="signatures">${signatures.map(
    (s) =>
      html`<li class="${s.valid === true && !s.changedAfter ? 'ok' : 'warning'}">${signatureLine(s)}</li>`,
  )}</ul>`;
}
