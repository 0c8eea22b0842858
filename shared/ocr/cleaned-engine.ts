import type { Box, OcrEngine, OcrLine, OcrPage, PageImage } from '../ports/ocr-engine.js';
import type { CleanPage, CleanPart, PageCleaner } from '../ports/page-cleaner.js';
import { syllableShare } from './page-legibility.js';
import { SYLLABLE_SHARE } from './scan-fields.js';
import { lineText } from './scan-text.js';
import { readTwice } from './second-reading.js';

const scaled = (b: Box, s: number): Box => ({
  x0: Math.round(b.x0 / s),
  y0: Math.round(b.y0 / s),
  x1: Math.round(b.x1 / s),
  y1: Math.round(b.y1 / s),
});

const linesAt = (lines: OcrLine[], s: number): OcrLine[] =>
  s === 1
    ? lines
    : lines.map((l) => ({
        ...l,
        box: scaled(l.box, s),
        words: l.words.map((w) => ({ ...w, box: scaled(w.box, s) })),
      }));

/** Lines with a digit whose picture is kept and read again, at most this many a page (a table of figures). */
export const MAX_CROPS_PER_PAGE = 80;
const HAS_DIGIT = /\d/;

/** What a part of a clean page offers for its lines holding a digit. */
type LineCuts = Pick<CleanPart, 'crop' | 'cut'>;

/**
 * The line read again from its own picture, cut from the clean page, as one line of text: another
 * cut and another threshold (Tesseract's Otsu on the line alone) than the page's reading, so that a
 * digit misread on one is seldom misread alike on the other. Nothing read ('') when it cannot be.
 */
async function readAgain(
  engine: OcrEngine,
  line: OcrLine,
  at: { page: number; dpi?: number; deskew?: number },
  cut: NonNullable<CleanPart['cut']>,
  signal?: AbortSignal,
): Promise<string> {
  const image = await cut(line.box, at.deskew).catch(() => null);
  if (!image) return '';
  const read = await engine.recognize(
    { page: at.page, ...(at.dpi ? { dpi: at.dpi } : {}), image, segmentation: 'line', deskew: 0 },
    signal,
  );
  return read.lines.map(lineText).join(' ');
}

/**
 * Each line holding a digit with its picture, cut from the page the engine read (its boxes are on
 * it): a person compares the figure with it. A picture that cannot be cut is simply not there.
 * The same lines are read a second time from their own picture (`again`): a figure's digits and a
 * cited number stand only where both readings spell them alike (scan-review.ts). Beyond the cap a
 * line is not read again, which says nothing read ('').
 */
async function withCrops(
  engine: OcrEngine,
  lines: OcrLine[],
  part: LineCuts & { image: PageImage },
  deskew: number | undefined,
  signal?: AbortSignal,
): Promise<OcrLine[]> {
  // A page read too poorly gives nothing on its reading alone (page-legibility.ts): its lines are
  // not read again, which says nothing read, and hold their figures all the same.
  const share = syllableShare(lines.flatMap((l) => l.words.map((w) => w.text)));
  let left = share !== null && share < SYLLABLE_SHARE ? 0 : MAX_CROPS_PER_PAGE;
  const out: OcrLine[] = [];
  const at = {
    page: part.image.page,
    ...(part.image.dpi ? { dpi: part.image.dpi } : {}),
    ...(deskew ? { deskew } : {}),
  };
  for (const line of lines) {
    if (!line.words.some((w) => HAS_DIGIT.test(w.text))) {
      out.push(line);
      continue;
    }
    if (left-- <= 0) {
      out.push(part.cut ? { ...line, again: '' } : line);
      continue;
    }
    const picture = part.crop ? await part.crop(line.box).catch(() => null) : null;
    const again = part.cut ? await readAgain(engine, line, at, part.cut, signal) : undefined;
    out.push({
      ...line,
      ...(picture ? { crop: picture } : {}),
      ...(again !== undefined ? { again } : {}),
    });
  }
  return out;
}

const moved = (b: Box, dx: number): Box => ({ ...b, x0: b.x0 + dx, x1: b.x1 + dx });
const linesMoved = (lines: OcrLine[], dx: number): OcrLine[] =>
  dx === 0
    ? lines
    : lines.map((l) => ({
        ...l,
        box: moved(l.box, dx),
        words: l.words.map((w) => ({ ...w, box: moved(w.box, dx) })),
      }));

/**
 * The pages of a cleaned image each read (twice where it matters) with their figures' pictures,
 * their boxes moved to the cleaned image: one page, or the two pages of a spread one after the
 * other, so that the text runs left page then right page as a person reads it.
 */
async function readParts(engine: OcrEngine, clean: CleanPage, signal?: AbortSignal) {
  const parts: CleanPart[] = clean.parts ?? [
    { image: clean.image, left: 0, crop: clean.crop, cut: clean.cut },
  ];
  const read: OcrPage[] = [];
  for (const part of parts) {
    const twice = await readTwice(engine, part.image, signal);
    const lines = await withCrops(engine, twice.lines, part, twice.deskew, signal);
    const second = twice.second?.map((r) => ({
      ...r,
      box: moved(r.box, part.left),
      lines: linesMoved(r.lines, part.left),
    }));
    read.push({ ...twice, lines: linesMoved(lines, part.left), ...(second ? { second } : {}) });
  }
  const second = read.flatMap((r) => r.second ?? []);
  return { ...read[0]!, lines: read.flatMap((r) => r.lines), ...(second.length ? { second } : {}) };
}

/**
 * An engine that reads each page after the cleaner made it ready (colour dropout, scale, shadows,
 * the page found in a photo, a spread cut into its pages), its header and signature read a second
 * time on the clean page: boxes come back in the uploaded image's pixels when the page was only
 * scaled. Cleaning sits apart from the engine so that either can change alone.
 */
export function cleanedEngine(engine: OcrEngine, cleaner: PageCleaner): OcrEngine {
  return {
    documentMs: engine.documentMs,
    async recognize(page: PageImage, signal?: AbortSignal): Promise<OcrPage> {
      const clean = await cleaner.clean(page);
      const read = await readParts(engine, clean, signal);
      const second = read.second?.map((r) => ({
        ...r,
        box: scaled(r.box, clean.scale),
        lines: linesAt(r.lines, clean.scale),
      }));
      return {
        ...read,
        page: page.page,
        lines: linesAt(read.lines, clean.scale),
        ...(second ? { second } : {}),
      };
    },
  };
}
