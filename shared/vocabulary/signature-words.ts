import type { Signature } from '../schemas/signature.js';

/** Said wherever a signature's result is shown: offline, revocation cannot be checked. */
export const REVOCATION_NOT_CHECKED = 'chưa kiểm tra thu hồi chứng thư (kiểm tra ngoại tuyến)';

const ICT_MS = 7 * 3600_000;

/** "18/11/2026 09:12" in Vietnam time (UTC+7). */
export function signedAtText(iso: string): string {
  const t = new Date(new Date(iso).getTime() + ICT_MS);
  if (Number.isNaN(t.getTime())) return '';
  const dd = String(t.getUTCDate()).padStart(2, '0');
  const mm = String(t.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${t.getUTCFullYear()} ${t.toISOString().slice(11, 16)}`;
}

/** The verdict in words: "hợp lệ", or why not. */
export function signatureVerdict(s: Signature): string {
  if (s.valid === false) return `không hợp lệ: ${s.problem ?? 'chữ ký không khớp với nội dung'}`;
  if (s.valid === null) return `chưa kiểm tra được: ${s.problem ?? 'không đọc được chữ ký'}`;
  if (s.changedAfter) return 'hợp lệ, nhưng tệp đã bị thêm nội dung sau khi ký';
  return 'hợp lệ';
}

/** Who signed: the certificate's name, and its organisation when that is another name. */
export function signatureWho(s: Signature): string {
  const who = s.signer ?? s.organization ?? 'không rõ người ký';
  return s.organization && s.signer && s.organization !== s.signer
    ? `${who} (${s.organization})`
    : who;
}

/**
 * One signature in one line, as the portal, the desk and the rollup's workbook show it:
 * "Ký số: UBND xã …, 18/11/2026 09:12, hợp lệ; chứng thư trong danh sách tin cậy; chưa kiểm tra
 * thu hồi chứng thư (kiểm tra ngoại tuyến)".
 */
export function signatureLine(s: Signature): string {
  const parts = [signatureWho(s)];
  if (s.signedAt)
    parts.push(signedAtText(s.signedAt) + (s.signedAtSource === 'dictionary' ? ' (theo tệp)' : ''));
  parts.push(signatureVerdict(s));
  const trust = s.chainsToTrustList
    ? 'chứng thư thuộc danh sách tin cậy của Sở'
    : 'chứng thư không thuộc danh sách tin cậy của Sở';
  return `Ký số${s.file ? ` (tệp ${s.file})` : ''}: ${parts.join(', ')}; ${trust}; ${REVOCATION_NOT_CHECKED}`;
}
