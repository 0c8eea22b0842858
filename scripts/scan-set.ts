// A set of scanned and photographed reports with known truth, made from the project's generated
// report texts with a random damage model (scripts/scan-damage.ts), in the layout of the
// evaluation's corpus: the files and an expected.json. `npx tsx scripts/scan-set.ts DIR [count] [seed]`
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { generatedSet } from './generated-score.js';
import { pdfFromText } from './report-files.js';
import type { Rng, Truth } from './report-generator.js';
import {
  damageImage,
  type PageDamage,
  rasterisePdf,
  type Spread,
  scanPdf,
  twoPageSpread,
} from './scan-damage.js';

export const SCAN_KINDS = [
  'clean',
  'skewed',
  'noisy',
  'fax',
  'photo',
  'rotated',
  'lowdpi',
  'multipage',
  'signed-last',
  'photos',
  'seal',
  'fax1bit',
  'desk',
  'twopage',
  'greyskew',
  'shadow',
  'lowjpeg',
  'dotmatrix',
  'zalo',
  'photocopy',
  'stamp',
  'clip',
  'thermal',
  'bleed',
] as const;
/** The kinds issue 27 saw misread on scans nobody here had made: the before/after table's rows. */
export const HARD_KINDS: readonly ScanKind[] = ['seal', 'fax1bit', 'desk', 'twopage', 'greyskew'];
/**
 * Kinds no rule was written on (issue 27's second round, measured before any change for them): a
 * phone photo at a steep angle with the phone's shadow over the page, grey JPEG at quality 8–25,
 * a report printed by a dot-matrix printer in a monospaced face.
 */
export const NEW_KINDS: readonly ScanKind[] = ['shadow', 'lowjpeg', 'dotmatrix'];
/**
 * Kinds offices produce that no rule had been written on (issue 27's fourth round, measured
 * before any change for them): a phone photo sent through Zalo (shrunk, colour smeared, 4:2:0
 * JPEG), a photocopy of a photocopy (grey paper, grown strokes, toner streaks), a stamp ("SAO Y",
 * "ĐÃ KÝ", an incoming-mail stamp with its own number and date) and a pen note across the header,
 * a photo with a finger over an edge and a paper clip on a corner, a faint thermal fax, the other
 * side's print showing through.
 */
export const OFFICE_KINDS: readonly ScanKind[] = [
  'zalo',
  'photocopy',
  'stamp',
  'clip',
  'thermal',
  'bleed',
];
export type ScanKind = (typeof SCAN_KINDS)[number];

const FONTS = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf',
  '/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf',
];

/** A monospaced face, as dot-matrix printers print (the dots are made by the damage). */
const DOT_FONT = '/usr/share/fonts/truetype/liberation2/LiberationMono-Regular.ttf';

/** How one document is made: typed at `fontSize`, scanned at `dpi`, each page damaged by `page`. */
export interface ScanPlan {
  kind: ScanKind;
  font: string;
  fontSize: number;
  dpi: number;
  container: 'pdf' | 'jpg' | 'zip' | 'typed-pdf';
  /** Each page's damage; `sign` is where the signer's block lies on that page, when it does. */
  page: (rng: Rng, sign?: SignSpot) => PageDamage;
  /** Pages scanned two by two as one landscape image, with the fold's and the lid's shadow. */
  spread?: Spread;
  /** How dark the other side's print shows through each page (0–1). */
  bleed?: number;
}

/** The signer's block on a page image, in pixels: its title line and the name line under it. */
export interface SignSpot {
  title: { x: number; y: number };
  name: { x: number; y: number };
  lineHeight: number;
}

/** Where the last line naming the signer's office ("CHỦ TỊCH", "ỦY BAN NHÂN DÂN") and the name lie. */
export function signSpot(typed: Buffer, page: number, dpi: number): SignSpot | null {
  const xml = execFileSync(
    'pdftotext',
    ['-bbox', '-f', String(page), '-l', String(page), '-', '-'],
    {
      input: typed,
    },
  ).toString();
  type Word = { x: number; x1: number; h: number; text: string };
  const lines = new Map<number, Word[]>();
  const re = /xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g;
  for (const m of xml.matchAll(re)) {
    const y = Number(m[2]);
    const word = { x: Number(m[1]), x1: Number(m[3]), h: Number(m[4]) - y, text: m[5]! };
    lines.set(y, [...(lines.get(y) ?? []), word]);
  }
  const all = [...lines.entries()].sort((a, b) => a[0] - b[0]);
  // The signer's column: the words after the widest gap on the line ("Nơi nhận:      TM. …").
  const column = (words: Word[]) => {
    let at = 0;
    for (let i = 1; i < words.length; i++)
      if (words[i]!.x - words[i - 1]!.x1 > 3 * words[i]!.h) at = i;
    return words[at]!.x;
  };
  const office = /CHỦ TỊCH|NHÂN DÂN|UBND/;
  const at = all.findLastIndex(([, ws]) => office.test(ws.map((w) => w.text).join(' ')));
  if (at < 0 || !all[at + 1]) return null;
  const [ty, tws] = all[at]!;
  const [ny, nws] = all[at + 1]!;
  const title = { x: column(tws), y: ty, h: tws[0]!.h };
  const name = { x: column(nws), y: ny, h: nws[0]!.h };
  const px = dpi / 72;
  return {
    title: { x: title.x * px, y: (title.y + title.h / 2) * px },
    name: { x: name.x * px, y: (name.y + name.h / 2) * px },
    lineHeight: title.h * px,
  };
}

/** A red seal over the left of the signer's title and name, a blue signature over the name. */
const sealAndPen = (r: Rng, dpi: number, sign?: SignSpot): PageDamage => {
  if (!sign) return {};
  const radius = dpi * between(r, 0.62, 0.75);
  const seal = {
    x: Math.round(sign.title.x + between(r, -0.25, 0.2) * radius),
    y: Math.round((sign.title.y + sign.name.y) / 2 + between(r, -0.6, 0.6) * sign.lineHeight),
    r: Math.round(radius),
    angle: Math.round(between(r, 0, 360)),
  };
  const pen = {
    x: Math.round(sign.name.x + between(r, 0.2, 0.6) * radius),
    y: Math.round(sign.title.y - sign.lineHeight * between(r, 0, 1)),
    w: Math.round(dpi * between(r, 1.2, 1.8)),
    h: Math.round(sign.lineHeight * between(r, 1.8, 2.6)),
  };
  return { seal, pen };
};

const between = (rng: Rng, lo: number, hi: number) => lo + rng() * (hi - lo);
const signed = (rng: Rng, lo: number, hi: number) => between(rng, lo, hi) * (rng() < 0.5 ? -1 : 1);
const photo = (rng: Rng): PageDamage => ({
  photo: { slant: between(rng, 0.02, 0.06), lightX: rng(), dark: between(rng, 45, 75) },
  skew: signed(rng, 0.3, 2.5),
  noise: between(rng, 0.2, 0.4),
  quality: Math.round(between(rng, 70, 88)),
});
const turn = (rng: Rng) => ([90, 180, 270] as const)[Math.floor(rng() * 3)]!;

/** The random parameters of one document of a kind. */
export function planOf(kind: ScanKind, rng: Rng): ScanPlan {
  const base = { kind, font: FONTS[Math.floor(rng() * FONTS.length)]!, fontSize: 12, dpi: 300 };
  const q = () => Math.round(between(rng, 75, 92));
  const long = Math.round(between(rng, 15, 17));
  switch (kind) {
    case 'clean':
      return { ...base, container: 'pdf', page: () => ({ quality: q() }) };
    case 'skewed':
      return {
        ...base,
        dpi: 250,
        container: 'pdf',
        page: (r) => ({ skew: signed(r, 0.8, 3.5), quality: q() }),
      };
    case 'noisy':
      return {
        ...base,
        container: 'pdf',
        page: (r) => ({ noise: between(r, 0.4, 0.9), quality: Math.round(between(r, 30, 55)) }),
      };
    case 'fax':
      return {
        ...base,
        dpi: 200,
        container: 'pdf',
        page: (r) => ({ skew: signed(r, 0, 0.8), threshold: Math.round(between(r, 45, 62)) }),
      };
    case 'photo':
      return { ...base, dpi: 220, container: 'jpg', page: photo };
    case 'rotated':
      return rng() < 0.5
        ? { ...base, dpi: 250, container: 'pdf', page: (r) => ({ turn: turn(r), quality: q() }) }
        : { ...base, dpi: 220, container: 'jpg', page: (r) => ({ ...photo(r), turn: turn(r) }) };
    case 'lowdpi':
      return {
        ...base,
        dpi: 200,
        container: 'pdf',
        page: (r) => ({ skew: signed(r, 0, 1), quality: q() }),
      };
    case 'multipage':
      return {
        ...base,
        fontSize: long,
        container: 'pdf',
        page: (r) => ({ skew: signed(r, 0, 1.5), quality: q() }),
      };
    case 'signed-last':
      return {
        ...base,
        fontSize: long,
        container: 'typed-pdf',
        page: (r) => ({ skew: signed(r, 0, 2), quality: q() }),
      };
    case 'photos':
      return { ...base, fontSize: long, dpi: 220, container: 'zip', page: photo };
    default:
      return hardPlan(kind, base, rng);
  }
}

/** The kinds of issue 27: a seal and pen in colour, 1-bit fax, a photo on a desk, a two-page spread. */
function hardPlan(kind: ScanKind, base: Omit<ScanPlan, 'container' | 'page'>, rng: Rng): ScanPlan {
  const q = () => Math.round(between(rng, 70, 90));
  switch (kind) {
    case 'seal':
      return {
        ...base,
        container: rng() < 0.5 ? 'pdf' : 'jpg',
        page: (r, sign) => ({
          ...sealAndPen(r, base.dpi, sign),
          skew: signed(r, 0, 1),
          quality: q(),
        }),
      };
    case 'fax1bit':
      return {
        ...base,
        dpi: 200,
        container: 'pdf',
        page: (r) => ({
          skew: signed(r, 0, 1.2),
          speckle: between(r, 0.05, 0.25),
          threshold: Math.round(between(r, 40, 65)),
        }),
      };
    case 'desk':
      return {
        ...base,
        dpi: 200,
        container: 'jpg',
        page: (r) => ({
          desk: { margin: between(r, 0.06, 0.16), seed: Math.floor(r() * 1e6) },
          photo: { slant: between(r, 0.03, 0.08), lightX: r(), dark: between(r, 45, 70) },
          noise: between(r, 0.15, 0.35),
          quality: Math.round(between(r, 70, 88)),
        }),
      };
    case 'twopage':
      return {
        ...base,
        fontSize: Math.round(between(rng, 15, 17)),
        dpi: 200,
        container: 'pdf',
        spread: {
          fold: between(rng, 0.3, 0.6),
          foldWidth: between(rng, 0.04, 0.1),
          edge: between(rng, 0.4, 0.8),
        },
        page: (r) => ({ skew: signed(r, 0, 1), quality: q() }),
      };
    case 'greyskew':
      return {
        ...base,
        container: 'pdf',
        page: (r) => ({ skew: signed(r, 0.3, 2), speckle: between(r, 0.05, 0.2), quality: q() }),
      };
    case 'shadow':
    case 'lowjpeg':
    case 'dotmatrix':
      return newPlan(kind, base);
    default:
      return officePlan(kind, base, rng);
  }
}

/** The kinds no rule was written on: a steep photo with a shadow, low JPEG, dot-matrix print. */
function newPlan(kind: ScanKind, base: Omit<ScanPlan, 'container' | 'page'>): ScanPlan {
  switch (kind) {
    case 'shadow':
      return {
        ...base,
        dpi: 200,
        container: 'jpg',
        page: (r) => ({
          desk: { margin: between(r, 0.05, 0.12), seed: Math.floor(r() * 1e6) },
          photo: { slant: between(r, 0.06, 0.11), lightX: r(), dark: between(r, 55, 80) },
          shadow: {
            x: between(r, 0.2, 0.8),
            y: between(r, 0.45, 0.85),
            rx: between(r, 0.15, 0.3),
            ry: between(r, 0.2, 0.4),
            dark: between(r, 0.3, 0.55),
          },
          noise: between(r, 0.15, 0.3),
          quality: Math.round(between(r, 60, 80)),
        }),
      };
    case 'lowjpeg':
      return {
        ...base,
        dpi: 200,
        container: 'pdf',
        page: (r) => ({ skew: signed(r, 0, 1), quality: Math.round(between(r, 8, 25)) }),
      };
    default:
      return {
        ...base,
        font: DOT_FONT,
        fontSize: 12,
        container: 'pdf',
        page: (r) => ({ dots: 3 + Math.floor(r() * 2), skew: signed(r, 0, 1), quality: 85 }),
      };
  }
}

const STAMPS = [
  'SAO Y BẢN CHÍNH',
  'ĐÃ KÝ',
  'BẢN SAO',
  'ĐẾN\\nSố: {n}\\nNgày: {d}',
  'VĂN BẢN ĐẾN\\nSố: {n}  Ngày {d}',
];
const NOTES = [
  'Kính chuyển đ/c Chủ tịch',
  'Chuyển VP xử lý',
  'Đã xem - lưu hồ sơ',
  'Trình PCT xem xét',
];
const STAMP_INKS = ['rgb(200,40,52)', 'rgb(86,58,170)', 'rgb(40,70,170)'];
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;

/** A stamp across the header of an A4 page scanned at `dpi`, and sometimes a note in pen. */
function stamped(r: Rng, dpi: number): PageDamage {
  const [w, h] = [8.27 * dpi, 11.69 * dpi];
  const text = pick(r, STAMPS)
    .replace('{n}', String(Math.floor(between(r, 10, 2400))))
    .replace('{d}', `${Math.floor(between(r, 10, 29))}/${Math.floor(between(r, 10, 13))}/2025`);
  const stamp = {
    text,
    x: Math.round(between(r, 0.08, 0.55) * w),
    y: Math.round(between(r, 0.04, 0.2) * h),
    size: Math.round(dpi * between(r, 0.14, 0.22)),
    tilt: signed(r, 2, 18),
    ink: pick(r, STAMP_INKS),
  };
  const note = {
    text: pick(r, NOTES),
    x: Math.round(between(r, 0.1, 0.5) * w),
    y: Math.round(between(r, 0.02, 0.25) * h),
    size: Math.round(dpi * between(r, 0.16, 0.24)),
    tilt: signed(r, 0, 12),
  };
  return r() < 0.6 ? { stamp, note } : { stamp };
}

/** A photo at an angle of a page held by a finger at one edge, a paper clip on a corner. */
function heldPhoto(r: Rng): PageDamage {
  const left = r() < 0.5;
  return {
    desk: { margin: between(r, 0.06, 0.12), seed: Math.floor(r() * 1e6) },
    photo: { slant: between(r, 0.04, 0.09), lightX: r(), dark: between(r, 40, 65) },
    finger: {
      x: left ? between(r, -0.04, 0.02) : between(r, 0.98, 1.04),
      y: between(r, 0.3, 0.9),
      r: between(r, 0.1, 0.17),
      angle: (left ? 0 : 180) + signed(r, 0, 25),
    },
    clip: { corner: r() < 0.7 ? 0 : 1, size: between(r, 0.03, 0.05) },
    noise: between(r, 0.15, 0.3),
    quality: Math.round(between(r, 65, 85)),
  };
}

/** The kinds of the fourth round: what offices send that no rule was written on. */
function officePlan(
  kind: ScanKind,
  base: Omit<ScanPlan, 'container' | 'page'>,
  rng: Rng,
): ScanPlan {
  const q = () => Math.round(between(rng, 72, 90));
  switch (kind) {
    case 'zalo':
      return {
        ...base,
        dpi: 220,
        container: 'jpg',
        page: (r, sign) => ({
          ...(r() < 0.6 ? sealAndPen(r, 220, sign) : {}),
          desk: { margin: between(r, 0.03, 0.08), seed: Math.floor(r() * 1e6) },
          photo: { slant: between(r, 0.02, 0.05), lightX: r(), dark: between(r, 30, 55) },
          noise: between(r, 0.1, 0.25),
          app: { side: Math.round(between(r, 1280, 1600)), chromaBlur: between(r, 1.5, 3) },
          quality: Math.round(between(r, 35, 60)),
        }),
      };
    case 'photocopy':
      return {
        ...base,
        dpi: 250,
        container: 'pdf',
        page: (r) => ({
          copy: {
            grey: between(r, 0.74, 0.9),
            thicken: r() < 0.5 ? 1 : 0,
            streaks: Array.from({ length: 1 + Math.floor(r() * 3) }, () => between(r, 0.05, 0.95)),
            seed: Math.floor(r() * 1e6),
          },
          skew: signed(r, 0, 1.5),
          quality: q(),
        }),
      };
    case 'stamp':
      return {
        ...base,
        container: rng() < 0.5 ? 'pdf' : 'jpg',
        page: (r) => ({ ...stamped(r, 300), grey: r() < 0.4, skew: signed(r, 0, 1), quality: q() }),
      };
    case 'clip':
      return { ...base, dpi: 200, container: 'jpg', page: heldPhoto };
    case 'thermal':
      return {
        ...base,
        dpi: 200,
        container: 'pdf',
        page: (r) => ({
          thermal: {
            ink: between(r, 0.3, 0.55),
            fade: between(r, 0.1, 0.3),
            band: between(r, 0.1, 0.3),
          },
          skew: signed(r, 0, 1),
          quality: q(),
        }),
      };
    default:
      return {
        ...base,
        container: 'pdf',
        bleed: between(rng, 0.15, 0.35),
        page: (r) => ({ skew: signed(r, 0, 1), quality: q() }),
      };
  }
}

function typedWithScannedLast(typed: Buffer, lastScan: Buffer): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'tonghop-signed-'));
  try {
    writeFileSync(join(dir, 'typed.pdf'), typed);
    writeFileSync(join(dir, 'last.pdf'), lastScan);
    execFileSync('pdfseparate', [join(dir, 'typed.pdf'), join(dir, 'p-%03d.pdf')]);
    const pages = execFileSync('ls', [dir])
      .toString()
      .split('\n')
      .filter((f) => f.startsWith('p-'))
      .sort();
    const keep = pages.slice(0, -1).map((f) => join(dir, f));
    execFileSync('pdfunite', [...keep, join(dir, 'last.pdf'), join(dir, 'out.pdf')]);
    return readFileSync(join(dir, 'out.pdf'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function photoZip(images: Buffer[], rng: Rng): Promise<Buffer> {
  const zip = new JSZip();
  const phone = rng() < 0.5;
  const names = images.map((_, i) => (phone ? `IMG_${20251101 + i}.jpg` : `trang ${i + 1}.jpg`));
  // Entries stored out of page order: the reader orders by name.
  for (const i of images.map((_, i) => i).reverse()) zip.file(names[i]!, images[i]!);
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** Pages two by two as spreads, each damaged (skew, JPEG) after its shadows are laid. */
function spreads(pages: Buffer[], plan: ScanPlan, rng: Rng): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < pages.length; i += 2) {
    const spread = twoPageSpread(pages[i]!, pages[i + 1] ?? null, plan.spread!);
    out.push(damageImage(spread, plan.page(rng)).bytes);
  }
  return out;
}

/** One report scanned or photographed as `plan` says: the file's extension and bytes. */
export async function renderScan(
  text: string,
  plan: ScanPlan,
  rng: Rng,
): Promise<{ ext: string; bytes: Buffer }> {
  // A tab is a column (a Word tab stop or table), never a glyph: pdfkit drew a box for it that
  // OCR read as "[]" between "Nơi nhận" and the signer, which no office's scan shows.
  const typed = await pdfFromText(text, {
    fontPath: plan.font,
    fontSize: plan.fontSize,
    tabColumn: 0.5,
  });
  const pages = rasterisePdf(typed, plan.dpi);
  if (plan.container === 'typed-pdf') {
    const last = damageImage(pages.at(-1)!, plan.page(rng)).bytes;
    return {
      ext: 'pdf',
      bytes: pages.length > 1 ? typedWithScannedLast(typed, await scanPdf([last])) : typed,
    };
  }
  const spots = pages.map((_, i) => signSpot(typed, i + 1, plan.dpi) ?? undefined);
  if (plan.spread) return { ext: 'pdf', bytes: await scanPdf(spreads(pages, plan, rng)) };
  // The other side of each sheet: the next page, else the one before, else the page itself.
  const back = (i: number) => ({
    dark: plan.bleed!,
    image: pages[i + 1] ?? pages[i - 1] ?? pages[i]!,
  });
  const images = pages.map((p, i) => {
    const d = plan.page(rng, spots[i]);
    return damageImage(p, plan.bleed ? { ...d, bleed: back(i) } : d).bytes;
  });
  if (plan.container === 'pdf') return { ext: 'pdf', bytes: await scanPdf(images) };
  if (plan.container === 'jpg' && images.length === 1) return { ext: 'jpg', bytes: images[0]! };
  return { ext: 'zip', bytes: await photoZip(images, rng) };
}

/** Writes `count` documents, kinds in turn, with expected.json (the truth) and plans.json. */
export async function writeScanSet(
  dir: string,
  count: number,
  seed: number,
  kinds: readonly ScanKind[] = SCAN_KINDS,
) {
  mkdirSync(dir, { recursive: true });
  const { rngOf } = await import('./report-generator.js');
  const rng = rngOf(seed * 7919);
  const expected: Record<string, Truth> = {};
  const plans: Record<string, Omit<ScanPlan, 'page'>> = {};
  for (const [i, g] of generatedSet(count, seed).entries()) {
    const plan = planOf(kinds[i % kinds.length]!, rng);
    const { ext, bytes } = await renderScan(g.text, plan, rng);
    const name = `scan-${seed}-${i}-${plan.kind}.${ext}`;
    writeFileSync(join(dir, name), bytes);
    expected[name] = g.truth;
    const { page: _page, ...shown } = plan;
    plans[name] = shown;
    console.error(`${name}: ${plan.font.split('/').pop()} ${plan.fontSize}pt ${plan.dpi} dpi`);
  }
  writeFileSync(join(dir, 'expected.json'), JSON.stringify(expected, null, 1));
  writeFileSync(join(dir, 'plans.json'), JSON.stringify(plans, null, 1));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, count = '10', seed = '1', only] = process.argv.slice(2);
  if (!dir) throw new Error('usage: scan-set.ts DIR [count] [seed] [hard|new|office|kind,kind]');
  const named = { hard: HARD_KINDS, new: NEW_KINDS, office: OFFICE_KINDS } as Record<
    string,
    readonly ScanKind[]
  >;
  const kinds = named[only ?? ''] ?? (only ? (only.split(',') as ScanKind[]) : SCAN_KINDS);
  await writeScanSet(dir, Number(count), Number(seed), kinds);
}
