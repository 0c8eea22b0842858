import type {
  Box,
  OcrEngine,
  OcrLine,
  OcrPage,
  PageImage,
  RegionReading,
} from '../ports/ocr-engine.js';
import { fold } from '../text/fold.js';
import { lineText } from './scan-text.js';

// The parts of a page where one misread letter makes a wrong value (the number, the date, the
// title, the signer) are read a second time another way: only that part of the page, its columns
// found first (the first reading takes the page as one block, which runs the header's two columns
// and "Nơi nhận" beside the signer into one line). scan-fields.ts keeps a field only when the two
// readings agree.

/** The header's lines: the issuer, the national motto, "Số:", the date, the document type. */
const HEADER_MARK = /cong\s*hoa|doc\s*lap|uy\s*ban|ubnd|^\s*so\b|bao\s*cao|ke\s*hoach/;
/** The body begins: the addressee, the grounds, the first part. */
const BODY_START = /^\s*(?:kinh\s*gui|can\s*cu|thuc\s*hien|theo\s|phuc\s*dap|i\s*[./]|1\s*[./])/;
/** The signature block begins: the recipients' list, or the block's own prefix. */
const RECIPIENTS = /noi\s*nhan/;
const SIGN_MARK = /\b(?:tm|kt|tl|tuq)\s*\.|chu\s*tich/;
/** A header read again is at most this share of the page's text height. */
const HEADER_SHARE = 0.45;

const textOf = (l: OcrLine) => fold(lineText(l));
const heightOf = (lines: OcrLine[]) =>
  lines.reduce((h, l) => h + (l.box.y1 - l.box.y0), 0) / Math.max(1, lines.length);

function extent(lines: OcrLine[]): Box {
  return {
    x0: Math.min(...lines.map((l) => l.box.x0)),
    y0: Math.min(...lines.map((l) => l.box.y0)),
    x1: Math.max(...lines.map((l) => l.box.x1)),
    y1: Math.max(...lines.map((l) => l.box.y1)),
  };
}

/** From the top of the text to the first line of the body, when the page opens with a header. */
function headerBox(lines: OcrLine[], all: Box, pad: number): Box | null {
  if (!lines.slice(0, 4).some((l) => HEADER_MARK.test(textOf(l)))) return null;
  const cap = all.y0 + HEADER_SHARE * (all.y1 - all.y0);
  const body = lines.findIndex((l, i) => i >= 3 && BODY_START.test(textOf(l)));
  const end =
    body > 0 ? lines[body]!.box.y0 : (lines[Math.min(8, lines.length - 1)]?.box.y1 ?? cap);
  return { x0: all.x0 - pad, y0: all.y0 - pad, x1: all.x1 + pad, y1: Math.min(end, cap) };
}

/** From the recipients' list (else the block's prefix) in the page's lower half to its end. */
function signatureBox(lines: OcrLine[], all: Box, pad: number): Box | null {
  const lower = (l: OcrLine) => l.box.y0 > all.y0 + 0.4 * (all.y1 - all.y0);
  const start =
    lines.findLastIndex((l) => lower(l) && RECIPIENTS.test(textOf(l))) >= 0
      ? lines.findLastIndex((l) => lower(l) && RECIPIENTS.test(textOf(l)))
      : lines.findIndex((l) => lower(l) && SIGN_MARK.test(textOf(l)));
  if (start < 0) return null;
  const top = lines[start]!.box.y0 - pad;
  return { x0: all.x0 - pad, y0: top, x1: all.x1 + pad, y1: all.y1 + 2 * pad };
}

/** The header and signature regions of a page as its first reading shows them. */
export function regionsOf(page: OcrPage): { region: RegionReading['region']; box: Box }[] {
  const lines = page.lines.filter((l) => l.words.length);
  if (lines.length < 3) return [];
  const all = extent(lines);
  const pad = Math.round(heightOf(lines));
  const out: { region: RegionReading['region']; box: Box }[] = [];
  const header = headerBox(lines, all, pad);
  if (header) out.push({ region: 'header', box: header });
  const signature = signatureBox(lines, all, pad);
  if (signature && (!header || signature.y0 >= header.y1))
    out.push({ region: 'signature', box: signature });
  return out;
}

/**
 * Reads a page, then its header and signature regions again with the engine finding columns
 * first, on the page as the first reading straightened it. Pages with neither (the body's pages)
 * cost nothing more.
 */
export async function readTwice(
  engine: OcrEngine,
  image: PageImage,
  signal?: AbortSignal,
): Promise<OcrPage> {
  const first = await engine.recognize(image, signal);
  const second: RegionReading[] = [];
  for (const { region, box } of regionsOf(first)) {
    const again = await engine.recognize(
      { ...image, region: box, segmentation: 'columns', deskew: first.deskew ?? 0 },
      signal,
    );
    second.push({ region, box, lines: again.lines });
  }
  return second.length ? { ...first, second } : first;
}

/** An engine whose every page is read twice where it matters (readTwice). */
export function twiceReadEngine(engine: OcrEngine): OcrEngine {
  return {
    documentMs: engine.documentMs,
    recognize: (page, signal) => readTwice(engine, page, signal),
  };
}
