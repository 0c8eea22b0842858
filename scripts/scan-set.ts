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
import { damageImage, type PageDamage, rasterisePdf, scanPdf } from './scan-damage.js';

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
] as const;
export type ScanKind = (typeof SCAN_KINDS)[number];

const FONTS = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf',
  '/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf',
];

/** How one document is made: typed at `fontSize`, scanned at `dpi`, each page damaged by `page`. */
export interface ScanPlan {
  kind: ScanKind;
  font: string;
  fontSize: number;
  dpi: number;
  container: 'pdf' | 'jpg' | 'zip' | 'typed-pdf';
  page: (rng: Rng) => PageDamage;
}

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

/** One report scanned or photographed as `plan` says: the file's extension and bytes. */
export async function renderScan(
  text: string,
  plan: ScanPlan,
  rng: Rng,
): Promise<{ ext: string; bytes: Buffer }> {
  const typed = await pdfFromText(text, { fontPath: plan.font, fontSize: plan.fontSize });
  const pages = rasterisePdf(typed, plan.dpi);
  if (plan.container === 'typed-pdf') {
    const last = damageImage(pages.at(-1)!, plan.page(rng)).bytes;
    return {
      ext: 'pdf',
      bytes: pages.length > 1 ? typedWithScannedLast(typed, await scanPdf([last])) : typed,
    };
  }
  const images = pages.map((p) => damageImage(p, plan.page(rng)).bytes);
  if (plan.container === 'pdf') return { ext: 'pdf', bytes: await scanPdf(images) };
  if (plan.container === 'jpg' && images.length === 1) return { ext: 'jpg', bytes: images[0]! };
  return { ext: 'zip', bytes: await photoZip(images, rng) };
}

/** Writes `count` documents, kinds in turn, with expected.json (the truth) and plans.json. */
export async function writeScanSet(dir: string, count: number, seed: number, kinds = SCAN_KINDS) {
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
  const [dir, count = '10', seed = '1'] = process.argv.slice(2);
  if (!dir) throw new Error('usage: scan-set.ts DIR [count] [seed]');
  await writeScanSet(dir, Number(count), Number(seed));
}
