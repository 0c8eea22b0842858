// Finds the signature dictionaries of a PDF by their /ByteRange, bounded in count and size. The
// /Contents of a signature is exactly the gap its ByteRange leaves, so the CMS is taken from
// there and never searched for: a hostile range is refused rather than followed.

/** Signature dictionaries read from one file: a report carries one to three. */
export const MAX_SIGNATURES = 20;
/** A signature's CMS in hex (two characters a byte): real ones, chain and timestamp, are < 40 KB. */
export const MAX_SIGNATURE_HEX = 1024 * 1024;
/** How far around a signature's /Contents its dictionary's other entries (/M) are looked for. */
const DICT_WINDOW = 4096;

export interface FoundSignature {
  /** [start1, length1, start2, length2] as written. */
  byteRange: [number, number, number, number];
  /** The DER of the CMS (hex decoded, padding left in: the CMS reader stops at its end). */
  cms: Uint8Array | null;
  /** The dictionary's /M (signing time as claimed by the writer), ISO 8601. */
  claimedAt: string | null;
  /** Why the dictionary cannot be verified (Vietnamese), null when it can. */
  problem: string | null;
  /** End of the signed bytes: start2 + length2. */
  end: number;
}

const BYTE_RANGE = /^\/ByteRange\s*\[\s*(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s*\]/;
const HEX = /^[0-9a-fA-F\s]*$/;

/** Every /ByteRange of the file, in file order, at most MAX_SIGNATURES. */
export function locateSignatures(pdf: Uint8Array): FoundSignature[] {
  const buf = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const out: FoundSignature[] = [];
  const seen = new Set<string>();
  for (let at = buf.indexOf('/ByteRange'); at >= 0; at = buf.indexOf('/ByteRange', at + 10)) {
    const m = BYTE_RANGE.exec(buf.toString('latin1', at, at + 120));
    if (!m) continue;
    const range = m.slice(1, 5).map(Number) as FoundSignature['byteRange'];
    const key = range.join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(signatureAt(buf, range));
    if (out.length >= MAX_SIGNATURES) break;
  }
  return out;
}

function signatureAt(buf: Buffer, range: FoundSignature['byteRange']): FoundSignature {
  const [a, b, c, d] = range;
  const end = c + d;
  const base = { byteRange: range, cms: null, claimedAt: null, end };
  if (a !== 0 || a + b >= c || end > buf.length)
    return {
      ...base,
      problem:
        'Vùng dữ liệu được ký (ByteRange) không hợp lệ: không bắt đầu từ đầu tệp hoặc vượt ra ngoài tệp.',
    };
  if (c - b - 2 > MAX_SIGNATURE_HEX)
    return { ...base, problem: 'Chữ ký số quá lớn so với một chữ ký thật; không kiểm tra.' };
  const gap = buf.toString('latin1', b, c);
  if (gap[0] !== '<' || gap[gap.length - 1] !== '>' || !HEX.test(gap.slice(1, -1)))
    return {
      ...base,
      problem: 'Không tìm thấy nội dung chữ ký (/Contents) tại vị trí ByteRange chỉ ra.',
    };
  const hex = gap.slice(1, -1).replace(/\s+/g, '');
  const cms = new Uint8Array(Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex'));
  return { ...base, cms, claimedAt: claimedTime(buf, b, c), problem: null };
}

/** The dictionary's /M, looked for just before and just after /Contents. */
function claimedTime(buf: Buffer, contentsStart: number, contentsEnd: number): string | null {
  const before = buf.toString('latin1', Math.max(0, contentsStart - DICT_WINDOW), contentsStart);
  const after = buf.toString(
    'latin1',
    contentsEnd,
    Math.min(buf.length, contentsEnd + DICT_WINDOW),
  );
  const own = (text: string, fromEnd: boolean) => {
    const cut = fromEnd ? text.slice(text.lastIndexOf(' obj') + 1) : text.split('endobj')[0]!;
    return /\/M\s*\(\s*(D:[^)]{4,40})\)/.exec(cut)?.[1] ?? null;
  };
  const raw = own(before, true) ?? own(after, false);
  return raw ? pdfDate(raw) : null;
}

/** A PDF date "D:20261118091200+07'00'" as ISO 8601 (UTC when no zone is written). */
export function pdfDate(raw: string): string | null {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(raw);
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', zone] = m;
  const z =
    !zone || zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.replace(/'/g, '').slice(3, 5)}`;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${z}`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
