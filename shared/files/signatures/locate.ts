// Finds the signature dictionaries of a PDF by their /ByteRange, bounded in count and size. Only a
// real signature dictionary counts: the /ByteRange must be a key of a dictionary of an object (not
// a comment, a string or a stream's text), that dictionary must be a signature's (/Type /Sig or
// /DocTimeStamp, a signature /SubFilter, or the /V of a /FT /Sig field), and the gap its range
// leaves must be that same dictionary's /Contents: the CMS is taken from there and never searched
// for, so a hostile range is refused rather than followed, and a range borrowed from another
// signature (wrapping) is told.
import { objectDictionaries, type PdfDictionary, regular, white } from './pdf-dictionaries.js';

/** Signature dictionaries read from one file: a report carries one to three. */
export const MAX_SIGNATURES = 20;
/** A signature's CMS in hex (two characters a byte): real ones, chain and timestamp, are < 40 KB. */
export const MAX_SIGNATURE_HEX = 1024 * 1024;
/** Objects read for a /ByteRange key, and /V references followed: enough for twenty signatures. */
const MAX_OBJECTS_READ = 40;
const MAX_FIELD_LOOKUPS = 20;
const SIG_TYPES = new Set(['/Sig', '/DocTimeStamp']);
const SIG_SUBFILTERS = new Set([
  '/adbe.pkcs7.detached',
  '/adbe.pkcs7.sha1',
  '/adbe.x509.rsa_sha1',
  '/ETSI.CAdES.detached',
  '/ETSI.RFC3161',
]);

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
const HEADER = /(?:^|[^\d])(\d{1,10})[\0\t\n\f\r ]{1,20}(\d{1,5})[\0\t\n\f\r ]{1,20}$/;

/** Whether white space then a digit come just before `i` (cheap, before the header pattern). */
function afterNumber(s: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && i - j <= 20 && white(s.charCodeAt(j))) j--;
  return j < i - 1 && j >= 0 && s.charCodeAt(j) >= 0x30 && s.charCodeAt(j) <= 0x39;
}

interface PdfObject {
  /** Where its body starts (after "obj"). */
  from: number;
  /** "13 0", its number and generation. */
  id: string;
}

/** Where each object begins ("13 0 obj") or ends ("endobj"), in file order. */
class ObjectIndex {
  private at: number[] = [];
  private ids: Array<string | null> = [];

  constructor(s: string) {
    for (let i = s.indexOf('obj'); i >= 0; i = s.indexOf('obj', i + 3)) {
      if (regular(s.charCodeAt(i + 3))) continue;
      if (s.startsWith('end', i - 3)) this.mark(i + 3, null);
      else if (afterNumber(s, i)) {
        const m = HEADER.exec(s.slice(Math.max(0, i - 40), i));
        if (m) this.mark(i + 3, `${m[1]} ${m[2]}`);
      }
    }
  }

  private mark(at: number, id: string | null) {
    this.at.push(at);
    this.ids.push(id);
  }

  /** The object whose body holds `pos`, null outside every object. */
  containing(pos: number): PdfObject | null {
    let lo = 0;
    let hi = this.at.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.at[mid]! <= pos) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const id = found >= 0 ? this.ids[found] : null;
    return id ? { from: this.at[found]!, id } : null;
  }
}

/** Every signature dictionary of the file, in file order, at most MAX_SIGNATURES. */
export function locateSignatures(pdf: Uint8Array): FoundSignature[] {
  const buf = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  if (buf.indexOf('/ByteRange') < 0) return [];
  const file = new PdfFile(buf.toString('latin1'));
  const out: FoundSignature[] = [];
  const seen = new Set<string>();
  for (let at = buf.indexOf('/ByteRange'); at >= 0; at = buf.indexOf('/ByteRange', at + 10)) {
    const dict = file.signatureDictionary(at);
    if (dict === 'budget') break;
    if (!dict) continue;
    const found = signatureOf(file.text, dict, at);
    const key = found.byteRange.join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(found);
    if (out.length >= MAX_SIGNATURES) break;
  }
  return out;
}

/** The file's objects, each read for its dictionaries once. */
class PdfFile {
  private objects: ObjectIndex;
  private read = new Map<number, PdfDictionary[]>();
  private lookups = 0;

  constructor(readonly text: string) {
    this.objects = new ObjectIndex(text);
  }

  private dictionaries(obj: PdfObject): PdfDictionary[] | null {
    let dicts = this.read.get(obj.from);
    if (dicts) return dicts;
    if (this.read.size >= MAX_OBJECTS_READ) return null;
    dicts = objectDictionaries(this.text, obj.from);
    this.read.set(obj.from, dicts);
    return dicts;
  }

  /** The signature dictionary whose /ByteRange key is at `at`; null when it is none. */
  signatureDictionary(at: number): PdfDictionary | null | 'budget' {
    const obj = this.objects.containing(at);
    if (!obj) return null;
    const dicts = this.dictionaries(obj);
    if (!dicts) return 'budget';
    const dict = dicts.find((d) => d.entries.get('ByteRange')?.keyAt === at);
    if (!dict) return null;
    const is = (key: string, names: Set<string>) => names.has(dict.entries.get(key)?.text ?? '');
    if (is('Type', SIG_TYPES) || is('SubFilter', SIG_SUBFILTERS)) return dict;
    const sigField = (d: PdfDictionary) => d.entries.get('FT')?.text === '/Sig';
    if (dicts.some((d) => sigField(d) && d.entries.get('V')?.start === dict.start)) return dict;
    return dict === dicts[dicts.length - 1] && this.isFieldValue(obj.id) ? dict : null;
  }

  /** Whether a /FT /Sig field names object `id` as its value (/V 13 0 R). */
  private isFieldValue(id: string): boolean {
    if (++this.lookups > MAX_FIELD_LOOKUPS) return false;
    const [n, g] = id.split(' ');
    const ref = new RegExp(`/V\\s*${n}\\s+${g}\\s+R(?![A-Za-z0-9])`, 'g');
    for (const m of this.text.matchAll(ref)) {
      const obj = this.objects.containing(m.index);
      const dicts = obj && this.dictionaries(obj);
      if (!dicts) continue;
      const field = dicts.find((d) => d.entries.get('V')?.keyAt === m.index);
      if (field?.entries.get('FT')?.text === '/Sig') return true;
    }
    return false;
  }
}

function signatureOf(s: string, dict: PdfDictionary, at: number): FoundSignature {
  const m = BYTE_RANGE.exec(s.slice(at, at + 120));
  const range = (m ? m.slice(1, 5).map(Number) : [0, 0, 0, 0]) as FoundSignature['byteRange'];
  const [a, b, c, d] = range;
  const end = c + d;
  const base = { byteRange: range, cms: null, claimedAt: null, end };
  if (!m || a !== 0 || a + b >= c || end > s.length)
    return {
      ...base,
      problem:
        'Vùng dữ liệu được ký (ByteRange) không hợp lệ: không bắt đầu từ đầu tệp hoặc vượt ra ngoài tệp.',
    };
  if (c - b - 2 > MAX_SIGNATURE_HEX)
    return { ...base, problem: 'Chữ ký số quá lớn so với một chữ ký thật; không kiểm tra.' };
  const contents = dict.entries.get('Contents');
  const own = contents?.text === '<hex>' && contents.start === b && contents.end === c;
  if (!own || !HEX.test(s.slice(b + 1, c - 1)))
    return {
      ...base,
      problem: 'Không tìm thấy nội dung chữ ký (/Contents) tại vị trí ByteRange chỉ ra.',
    };
  const hex = s.slice(b + 1, c - 1).replace(/\s+/g, '');
  const cms = new Uint8Array(Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex'));
  return { ...base, cms, claimedAt: claimedTime(dict), problem: null };
}

/** The dictionary's /M (the signing time its writer claims). */
function claimedTime(dict: PdfDictionary): string | null {
  const raw = /^\(\s*(D:[^)]{4,40})\)/.exec(dict.entries.get('M')?.text ?? '')?.[1];
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
