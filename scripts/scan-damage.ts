// Scanned and photographed report pages made from the project's own report texts, for the examples,
// the test fixtures, the scan score and the OCR bench. Uses poppler's pdftoppm and ImageMagick's
// convert, which this development machine has; tests never call it (they read the files it wrote).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { pdfFromText } from './report-files.js';

export const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

/** How a page was damaged on its way to tonghop (the fixtures' and examples' fixed kinds). */
export type Damage = 'clean' | 'skewed' | 'noisy' | 'fax' | 'photo';
export const DAMAGES: Damage[] = ['clean', 'skewed', 'noisy', 'fax', 'photo'];

/** Everything done to one page image, each part optional: the damage model of the scan score. */
export interface PageDamage {
  /** Degrees, small: a page laid crooked on the glass. */
  skew?: number;
  /** 90, 180, 270: a page fed sideways or upside down, a phone held sideways. */
  turn?: 0 | 90 | 180 | 270;
  /** Gaussian noise strength (ImageMagick -attenuate), 0.2–1. */
  noise?: number;
  /** 1-bit threshold in percent, like a fax; the image is then a bilevel PNG. */
  threshold?: number;
  /** A phone photo: slant of the page (fraction of its width) and how dark the far corner is (0–100). */
  photo?: { slant: number; lightX: number; dark: number };
  /** JPEG quality when not bilevel. */
  quality?: number;
}

/** Each page of the typed text as a grey PNG at `dpi`. */
export async function rasterise(text: string, dpi: number, fontSize = 12): Promise<Buffer[]> {
  return rasterisePdf(await pdfFromText(text, { fontPath: FONT, fontSize }), dpi);
}

/** Each page of a PDF as a grey PNG at `dpi`. */
export function rasterisePdf(pdf: Buffer, dpi: number): Buffer[] {
  const dir = mkdtempSync(join(tmpdir(), 'tonghop-scan-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    execFileSync('pdftoppm', [
      '-r',
      String(dpi),
      '-gray',
      '-png',
      join(dir, 'in.pdf'),
      join(dir, 'p'),
    ]);
    return readdirSync(dir)
      .filter((f) => f.startsWith('p'))
      .sort()
      .map((f) => readFileSync(join(dir, f)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const sizeOf = (png: Buffer): [number, number] => {
  const size = execFileSync('identify', ['-format', '%w %h', 'png:-'], { input: png }).toString();
  return size.split(' ').map(Number) as [number, number];
};

/** ImageMagick arguments of a phone photo: seen from a slant, lit from one side, on a darker desk. */
function photoArgs(w: number, h: number, p: NonNullable<PageDamage['photo']>): string[] {
  const d = Math.round(w * p.slant);
  const persp = [
    `0,0 ${d},${d}`,
    `${w},0 ${w - d / 2},${d / 3}`,
    `0,${h} ${d / 2},${h - d / 2}`,
    `${w},${h} ${w - d},${h - d}`,
  ].join('  ');
  const light = `${Math.round(p.lightX * w)},0 white ${w},${h} gray${Math.round(p.dark)}`;
  return [
    ...['-virtual-pixel', 'gray', '-background', 'gray40', '-distort', 'Perspective', persp],
    ...['(', '-size', `${w}x${h}`, 'xc:', '-sparse-color', 'Barycentric', light, ')'],
    ...['-compose', 'Multiply', '-composite', '-blur', '0x0.6'],
  ];
}

/** The ImageMagick arguments of a page's damage, in the order paper and scanner apply them. */
export function damageArgs(d: PageDamage, w: number, h: number): string[] {
  const args: string[] = [];
  if (d.photo) args.push(...photoArgs(w, h, d.photo));
  if (d.skew) args.push('-background', 'white', '-rotate', d.skew.toFixed(2), '+repage');
  if (d.noise)
    args.push('-attenuate', d.noise.toFixed(2), '+noise', 'Gaussian', '-colorspace', 'Gray');
  if (d.turn) args.push('-rotate', String(d.turn), '+repage');
  if (d.threshold) args.push('-threshold', `${d.threshold}%`, '-type', 'bilevel');
  else args.push('-quality', String(d.quality ?? 85));
  return args;
}

/** One page image damaged as `d` says, encoded as a scanner or phone would: JPEG, or 1-bit PNG. */
export function damageImage(png: Buffer, d: PageDamage): { bytes: Buffer; ext: string } {
  const [w, h] = sizeOf(png);
  const ext = d.threshold ? 'png' : 'jpg';
  const bytes = execFileSync('convert', ['png:-', ...damageArgs(d, w, h), `${ext}:-`], {
    input: png,
    maxBuffer: 1 << 28,
  });
  return { bytes, ext };
}

/** A deterministic pseudo-random number in [0, 1) from a seed. */
const rand = (seed: number) => {
  const x = Math.sin(seed * 9301 + 49297) * 233280;
  return x - Math.floor(x);
};

/** The fixed kinds of the fixtures and examples; `seed` varies angles and lighting. */
export function damagePage(png: Buffer, damage: Damage, seed = 1): { bytes: Buffer; ext: string } {
  const angle = (rand(seed) - 0.5) * 4;
  const kinds: Record<Damage, PageDamage> = {
    clean: { quality: 85 },
    skewed: { skew: angle, quality: 80 },
    noisy: { noise: 0.5, quality: 55 },
    fax: { skew: angle / 2, threshold: 55 },
    photo: {
      photo: {
        slant: 0.02 + rand(seed + 1) * 0.03,
        lightX: rand(seed + 3),
        dark: 55 + rand(seed + 2) * 20,
      },
      noise: 0.3,
      quality: 82,
    },
  };
  return damageImage(png, kinds[damage]);
}

/** A scanned PDF: each image filling an A4 page (landscape when wider), no text layer. */
export function scanPdf(images: Buffer[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  for (const img of images) {
    const wide = img.length > 24 && isWide(img);
    doc.addPage({ size: 'A4', layout: wide ? 'landscape' : 'portrait', margin: 0 });
    doc.image(
      img,
      0,
      0,
      wide ? { width: 841.89, height: 595.28 } : { width: 595.28, height: 841.89 },
    );
  }
  return new Promise((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

function isWide(img: Buffer): boolean {
  const size = execFileSync('identify', ['-format', '%w %h', '-'], { input: img }).toString();
  const [w, h] = size.split(' ').map(Number) as [number, number];
  return w > h;
}
