import { unsafeKeyReason } from './key-safety.js';

// Where communes put their files: inbox/<provinceCode>/<roundId>/<unitCode>/<file name>, e.g.
// inbox/40/2026-H1/16941/bao-cao.docx. A unit folder "_" asks ingest to find the unit from the
// document's own header.

export const INBOX_PREFIX = 'inbox/';
export const UNRESOLVED_UNIT = '_';
/** A round folder "_": the round is the one whose request letter the document answers. */
export const UNRESOLVED_ROUND = '_';
const ROUND_ID = /^\d{4}-[A-Z0-9]{1,8}$/;

export interface UploadKey {
  provinceCode: string;
  roundId: string;
  /** Five-digit unit code, or "_" when the unit is to be read from the document. */
  unitCode: string;
  fileName: string;
}

export type UploadKeyReading =
  | { ok: true; key: UploadKey }
  | { ok: false; message: string; partial: Partial<UploadKey> };

/**
 * Object keys arrive URL-encoded in S3 event notifications, with spaces as "+"
 * ("inbox/40/2026-H1/16941/b%C3%A1o+c%C3%A1o.docx").
 */
export function decodeEventKey(raw: string): string {
  const plus = raw.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(plus);
  } catch {
    return plus;
  }
}

/** The inverse of decodeEventKey, as S3 writes keys into its event notifications. */
export function encodeEventKey(key: string): string {
  return encodeURIComponent(key).replace(/%20/g, '+').replace(/%2F/g, '/');
}

/**
 * File names are kept to this many UTF-8 bytes in keys: disks limit a name to 255 bytes, and the
 * embedded stack's S3 adds a suffix of its own to each stored file.
 */
export const MAX_FILE_NAME_BYTES = 180;

/** A name over the limit: its start and extension kept, with a short hash of the whole between. */
export function fitFileName(name: string): string {
  const utf8 = new TextEncoder();
  if (utf8.encode(name).length <= MAX_FILE_NAME_BYTES) return name;
  const ext = /\.[A-Za-z0-9]{1,8}$/.exec(name)?.[0] ?? '';
  let hash = 0x811c9dc5;
  for (const ch of name) hash = Math.imul(hash ^ (ch.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  const tail = `~${hash.toString(16).padStart(8, '0')}${ext}`;
  let stem = '';
  for (const ch of name.slice(0, name.length - ext.length)) {
    if (utf8.encode(stem + ch + tail).length > MAX_FILE_NAME_BYTES) break;
    stem += ch;
  }
  return stem + tail;
}

/**
 * A name for a key: no backslash, control character or dot-only name that a store
 * mapping keys to files would take as a path (shared/ingest/key-safety.ts refuses those).
 */
export function segmentName(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are replaced
  const plain = name.replace(/[\u0000-\u001f\u007f\\]/g, '_');
  const named = /^\.*$/.test(plain) ? `_${plain}` : plain;
  // "%2e%2e" decodes to "..": a name that is unsafe only once decoded loses its percent signs.
  return unsafeKeyReason(named) ? named.replace(/%/g, '_') : named;
}

export function buildUploadKey(k: UploadKey): string {
  const name = fitFileName(segmentName(k.fileName));
  return `${INBOX_PREFIX}${k.provinceCode}/${k.roundId}/${k.unitCode}/${name}`;
}

export function parseUploadKey(key: string): UploadKeyReading {
  const parts = key.split('/');
  const [inbox, provinceCode, roundId, unitCode] = parts;
  // The name is the last segment: folders between the unit and the name (the portal's one per
  // upload, so that two files of one name never overwrite each other) are not the user's.
  const fileName = parts.length > 4 ? (parts[parts.length - 1] ?? '') : '';
  const partial: Partial<UploadKey> = {
    ...(provinceCode && /^\d{2}$/.test(provinceCode) ? { provinceCode } : {}),
    ...(roundId && (ROUND_ID.test(roundId) || roundId === UNRESOLVED_ROUND) ? { roundId } : {}),
    ...(unitCode && /^(\d{5}|_)$/.test(unitCode) ? { unitCode } : {}),
    fileName: parts[parts.length - 1] || key,
  };
  const layout = 'inbox/<mã tỉnh>/<kỳ báo cáo>/<mã đơn vị>/<tên tệp>';
  if (inbox !== 'inbox' || parts.length < 5 || !fileName) {
    return {
      ok: false,
      partial,
      message: `Tệp "${key}" không nằm đúng thư mục nộp báo cáo (${layout}).`,
    };
  }
  if (!partial.provinceCode)
    return {
      ok: false,
      partial,
      message: `Mã tỉnh "${provinceCode}" không hợp lệ (cần 2 chữ số, ví dụ 40).`,
    };
  if (!partial.roundId)
    return {
      ok: false,
      partial,
      message: `Kỳ báo cáo "${roundId}" không hợp lệ (ví dụ 2026-H1, 2026-FY).`,
    };
  if (!partial.unitCode)
    return {
      ok: false,
      partial,
      message: `Mã đơn vị "${unitCode}" không hợp lệ (cần 5 chữ số, ví dụ 16941).`,
    };
  return {
    ok: true,
    key: {
      provinceCode: partial.provinceCode,
      roundId: partial.roundId,
      unitCode: partial.unitCode,
      fileName,
    },
  };
}
