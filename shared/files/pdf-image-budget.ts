import { inflateSync } from 'node:zlib';
import { fileProblem } from './file-problem.js';
import { MAX_DOC_IMAGE_PIXELS, MAX_PAGE_IMAGE_PIXELS } from './limits.js';

// pdf.js decodes every image a page paints, masks included, when it lists the page's operators:
// one page painting twelve distinct 7,000 × 7,000 images, or a small image with a 30,000 × 30,000
// soft mask, had decoded gigabytes before anything could count them. Image XObjects (and their
// masks) are streams, and a stream's dictionary is always written in the open, so their declared
// sizes can be read from the bytes first: here each page's images are found through its
// resources (inherited ones, forms and object streams included) and summed with their masks.

type Objects = Map<number, string>;
const OBJ = /(\d+)\s+\d+\s+obj\b/g;
const REF = /(\d+)\s+\d+\s+R/g;
const MAX_OBJSTM_BYTES = 8 * 1024 * 1024;
const MAX_DEPTH = 8;

function streamData(bytes: Buffer, from: number): Buffer | null {
  const start = bytes.indexOf('stream', from, 'latin1');
  if (start < 0) return null;
  let at = start + 6;
  if (bytes[at] === 0x0d) at++;
  if (bytes[at] === 0x0a) at++;
  const end = bytes.indexOf('endstream', at, 'latin1');
  return end < 0 ? null : bytes.subarray(at, end);
}

/** The objects packed in a Flate object stream, by number (others are left unread). */
function objectStream(dict: string, data: Buffer | null, into: Objects): void {
  if (!data || !/\/FlateDecode/.test(dict) || /\/DecodeParms/.test(dict)) return;
  const n = Number(/\/N\s+(\d+)/.exec(dict)?.[1] ?? 0);
  const first = Number(/\/First\s+(\d+)/.exec(dict)?.[1] ?? 0);
  let text: string;
  try {
    text = inflateSync(data, { maxOutputLength: MAX_OBJSTM_BYTES }).toString('latin1');
  } catch {
    return;
  }
  const head = text.slice(0, first).trim().split(/\s+/).map(Number);
  for (let i = 0; i < Math.min(n, head.length / 2); i++) {
    const offset = first + (head[2 * i + 1] ?? 0);
    const next = i + 1 < n ? first + (head[2 * i + 3] ?? text.length) : text.length;
    into.set(head[2 * i]!, text.slice(offset, next));
  }
}

/** Every object's dictionary text (up to its stream), by object number. */
export function pdfObjects(bytes: Uint8Array): Objects {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = buf.toString('latin1');
  const objects: Objects = new Map();
  for (const m of text.matchAll(OBJ)) {
    const from = m.index + m[0].length;
    const ends = [text.indexOf('endobj', from), text.indexOf('stream', from)].filter((i) => i >= 0);
    const body = text.slice(from, ends.length ? Math.min(...ends) : from + 4096);
    objects.set(Number(m[1]), body);
    if (/\/Type\s*\/ObjStm/.test(body)) objectStream(body, streamData(buf, from), objects);
  }
  return objects;
}

const refOf = (s: string | undefined) => (s ? Number(/^\s*(\d+)\s+\d+\s+R/.exec(s)?.[1]) : NaN);
/** The object number `/key n g R` names in `body`, or NaN. */
const refNumber = (body: string, key: string) =>
  Number(new RegExp(`/${key}\\s+(\\d+)\\s+\\d+\\s+R`).exec(body)?.[1]);

/** The value after `/key`: an inline dictionary, or the object a reference points to. */
function entry(objects: Objects, body: string, key: string): string | undefined {
  const at = new RegExp(`/${key}(?![A-Za-z])\\s*`).exec(body);
  if (!at) return undefined;
  const rest = body.slice(at.index + at[0].length);
  if (!rest.startsWith('<<')) {
    const ref = refOf(rest);
    return Number.isNaN(ref) ? rest.split(/[\s/>]/)[0] : objects.get(ref);
  }
  let depth = 0;
  for (let i = 0; i < rest.length - 1; i++) {
    if (rest.startsWith('<<', i)) {
      depth++;
      i++;
    } else if (rest.startsWith('>>', i) && --depth === 0) return rest.slice(0, i + 2);
  }
  return rest;
}

function imagePixels(objects: Objects, ref: number, seen: Set<number>): number {
  const body = objects.get(ref);
  if (!body || seen.has(ref) || !/\/Subtype\s*\/Image/.test(body)) return 0;
  seen.add(ref);
  const num = (key: string) => Number(entry(objects, body, key)?.trim().split(/\s/)[0]) || 0;
  // A soft mask, or a stencil mask given as an image, is decoded with the image it masks.
  const masks = ['SMask', 'Mask'].map((k) => refNumber(body, k));
  const own = num('Width') * num('Height');
  return own + masks.reduce((s, m) => s + (Number.isNaN(m) ? 0 : imagePixels(objects, m, seen)), 0);
}

/** Pixels of the images (and their masks) a resource dictionary lets a page paint, forms included. */
function resourcePixels(
  objects: Objects,
  resources: string | undefined,
  seen: Set<number>,
  depth: number,
): number {
  const xobjects = resources && entry(objects, resources, 'XObject');
  if (!xobjects || depth > MAX_DEPTH) return 0;
  let sum = 0;
  for (const m of xobjects.matchAll(REF)) {
    const ref = Number(m[1]);
    const body = objects.get(ref);
    if (!body || seen.has(ref)) continue;
    if (/\/Subtype\s*\/Form/.test(body)) {
      seen.add(ref);
      sum += resourcePixels(objects, entry(objects, body, 'Resources'), seen, depth + 1);
    } else sum += imagePixels(objects, ref, seen);
  }
  return sum;
}

/** The page objects in document order (as written), each with the pixels its images decode to. */
export function pageImagePixels(objects: Objects): number[] {
  const out: number[] = [];
  for (const body of objects.values()) {
    if (!/\/Type\s*\/Page(?![a-zA-Z])/.test(body)) continue;
    let holder: string | undefined = body;
    let resources: string | undefined;
    for (let hops = 0; holder && hops < 32 && !resources; hops++) {
      resources = entry(objects, holder, 'Resources');
      holder = resources ? undefined : objects.get(refNumber(holder, 'Parent'));
    }
    out.push(resourcePixels(objects, resources, new Set(), 0));
  }
  return out;
}

const tooMuch = (what: string, log: string) =>
  fileProblem(
    'needs_review',
    'file',
    'ocr.imagesTooLarge',
    `${what} Tệp gốc vẫn được lưu, cán bộ Sở KHCN sẽ xem lại; nếu cần, đơn vị quét lại ở 300 dpi ` +
      'mỗi trang một ảnh rồi gửi.',
    log,
  );

/**
 * Throws a FileProblem when a page's images with their masks, or the document's, would decode to
 * more pixels than MAX_PAGE_IMAGE_PIXELS / MAX_DOC_IMAGE_PIXELS: checked before pdf.js decodes any.
 */
export function checkPdfImageBudget(bytes: Uint8Array): void {
  const pages = pageImagePixels(pdfObjects(bytes));
  const page = Math.max(0, ...pages);
  if (page > MAX_PAGE_IMAGE_PIXELS)
    throw tooMuch(
      `Một trang của bản quét chứa ảnh tổng cộng ${Math.round(page / 1e6)} triệu điểm ảnh, vượt giới hạn ` +
        `${MAX_PAGE_IMAGE_PIXELS / 1e6} triệu điểm ảnh một trang mà hệ thống đọc được.`,
      `page images of ${page} pixels`,
    );
  const total = pages.reduce((a, b) => a + b, 0);
  if (total > MAX_DOC_IMAGE_PIXELS)
    throw tooMuch(
      `Các trang của bản quét chứa ảnh tổng cộng ${Math.round(total / 1e6)} triệu điểm ảnh, vượt giới hạn ` +
        `${MAX_DOC_IMAGE_PIXELS / 1e6} triệu điểm ảnh một tệp mà hệ thống đọc được.`,
      `document images of ${total} pixels`,
    );
}
