import type {
  Box,
  OcrEngine,
  OcrLine,
  OcrPage,
  PageImage,
  RegionReading,
} from '../ports/ocr-engine.js';
import { toIsoDate, WRITTEN_DATE } from '../reader/dates.js';
import { findDocNumbers } from '../reader/doc-number.js';
import { contentLines, toDoc } from '../reader/lines.js';
import { DOCUMENT_TYPES } from '../reader/patterns.js';
import { readSignature } from '../reader/signer.js';
import { fold } from '../text/fold.js';
import { lineText } from './scan-text.js';
import { SURE } from './second-opinion.js';

// The parts of a page where one misread letter makes a wrong value (the number, the date, the
// title, the signer) are read a second time another way: only that part of the page, its columns
// found first (the first reading takes the page as one block, which runs the header's two columns
// and "Nơi nhận" beside the signer into one line). scan-fields.ts keeps a field only when the two
// readings agree. The signature is always read again (a name has no phrase to check it by); the
// header only when its first reading is unsure (regionDoubt): a header whose every field was read
// whole, each word at the single-reading bar, is not, and its fields stand on that reading alone.

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

/** The first reading's lines whose middle lies within a region. */
const linesIn = (lines: OcrLine[], box: Box) =>
  lines.filter((l) => {
    const middle = (l.box.y0 + l.box.y1) / 2;
    return middle >= box.y0 && middle <= box.y1;
  });
const weakest = (lines: OcrLine[]) =>
  Math.min(100, ...lines.flatMap((l) => l.words.map((w) => w.confidence)));
const NUMBER_LINE = /^\W*s[o0]\b/;
const TYPES = Object.values(DOCUMENT_TYPES);
const COMMITTEE_NUMBER = /[-/]UBND\b/i;

/** The header's lines (one or two) holding a written date that is a day of the calendar. */
function dateLines(lines: OcrLine[]): OcrLine[] | null {
  // A date on one line before one read across two: the line above it holds no part of it.
  for (const span of [1, 2])
    for (const i of lines.keys()) {
      const part = lines.slice(i, i + span);
      const m = WRITTEN_DATE.exec(part.map(textOf).join(' '));
      if (m && toIsoDate(m[1]!, m[2]!, m[3]!).ok) return part;
    }
  return null;
}

/**
 * Why a header's first reading is not enough alone; null when its number, date, type line and
 * title were all read, by their grammar, with every word on their lines at SURE.
 */
function headerDoubt(lines: OcrLine[]): string | null {
  const at = lines.findIndex((l) => NUMBER_LINE.test(textOf(l)));
  const number = at < 0 ? undefined : findDocNumbers(lineText(lines[at]!))[0]?.number;
  const type = TYPES.find((t) => lines.some((l, i) => i > at && t.line.test(textOf(l).trim())));
  const typeAt = type ? lines.findIndex((l, i) => i > at && type.line.test(textOf(l).trim())) : -1;
  if (!type || typeAt === lines.length - 1) return 'no type line and title read';
  // The number's grammar, as the scan review holds it: a commune committee's, of the type's symbol.
  if (!number || !COMMITTEE_NUMBER.test(number) || (type.symbol && !type.symbol.test(number)))
    return 'no number of the type read';
  const date = dateLines(lines);
  if (!date) return 'no date read';
  return weakest([...lines.slice(at), ...date]) < SURE ? 'a word below the bar' : null;
}

/**
 * Why a signature's first reading is not enough alone: always. A name has no phrase to check it
 * by, and a tone misread ("Lỗ" for "Lô") comes with every word read surely (the damage property
 * found it), so a name is given only when a second reading spells it the same.
 */
function signatureDoubt(lines: OcrLine[]): string {
  const text = lines.map(lineText).join('\n');
  const block = readSignature(contentLines(toDoc(text)), { damaged: true });
  return block.name && block.title ? 'a name needs two readings' : 'no name and title read';
}

/** Why a region's first reading is unsure, so that it is read again; null when it is sure. */
export function regionDoubt(
  page: OcrPage,
  region: RegionReading['region'],
  box: Box,
): string | null {
  const lines = linesIn(
    page.lines.filter((l) => l.words.length),
    box,
  );
  return region === 'header' ? headerDoubt(lines) : signatureDoubt(lines);
}

/**
 * Reads a page, then its header and signature regions again with the engine finding columns
 * first, on the page as the first reading straightened it, where the first reading of the region
 * is unsure (regionDoubt); a sure region is recorded as not read again. Pages with neither (the
 * body's pages) cost nothing more.
 */
export async function readTwice(
  engine: OcrEngine,
  image: PageImage,
  signal?: AbortSignal,
): Promise<OcrPage> {
  const first = await engine.recognize(image, signal);
  const second: RegionReading[] = [];
  for (const { region, box } of regionsOf(first)) {
    if (!regionDoubt(first, region, box)) {
      second.push({ region, box, lines: [], skipped: true });
      continue;
    }
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
