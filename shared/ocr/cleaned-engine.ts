import type { Box, OcrEngine, OcrLine, OcrPage, PageImage } from '../ports/ocr-engine.js';
import type { CleanPage, CleanPart, PageCleaner } from '../ports/page-cleaner.js';
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

/** Lines with a digit whose picture is kept, at most this many a page (a table of figures). */
export const MAX_CROPS_PER_PAGE = 80;
const HAS_DIGIT = /\d/;

/**
 * Each line holding a digit with its picture, cut from the page the engine read (its boxes are on
 * it): a person compares the figure with it. A picture that cannot be cut is simply not there.
 */
async function withCrops(
  lines: OcrLine[],
  crop: NonNullable<CleanPage['crop']>,
): Promise<OcrLine[]> {
  let left = MAX_CROPS_PER_PAGE;
  const out: OcrLine[] = [];
  for (const line of lines) {
    if (left <= 0 || !line.words.some((w) => HAS_DIGIT.test(w.text))) {
      out.push(line);
      continue;
    }
    left--;
    const picture = await crop(line.box).catch(() => null);
    out.push(picture ? { ...line, crop: picture } : line);
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
  const parts: CleanPart[] = clean.parts ?? [{ image: clean.image, left: 0, crop: clean.crop }];
  const read: OcrPage[] = [];
  for (const part of parts) {
    const twice = await readTwice(engine, part.image, signal);
    const lines = part.crop ? await withCrops(twice.lines, part.crop.bind(part)) : twice.lines;
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
