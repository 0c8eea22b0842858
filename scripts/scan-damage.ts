// Scanned and photographed report pages made from the project's own report texts, for the examples,
// the test fixtures and the OCR bench. Uses poppler's pdftoppm and ImageMagick's convert, which
// this development machine has; tests never call it (they read the small files it wrote).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { pdfFromText } from './report-files.js';

export const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

/** How a page was damaged on its way to tonghop. */
export type Damage = 'clean' | 'skewed' | 'noisy' | 'fax' | 'photo';
export const DAMAGES: Damage[] = ['clean', 'skewed', 'noisy', 'fax', 'photo'];

/** Each page of the typed text as a grey PNG at `dpi`. */
export async function rasterise(text: string, dpi: number): Promise<Buffer[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tonghop-scan-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), await pdfFromText(text, { fontPath: FONT }));
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

const convert = (input: Buffer, args: string[], outFormat: string): Buffer =>
  execFileSync('convert', ['png:-', ...args, `${outFormat}:-`], { input, maxBuffer: 1 << 28 });

/** A deterministic pseudo-random number in [0, 1) from a seed. */
const rand = (seed: number) => {
  const x = Math.sin(seed * 9301 + 49297) * 233280;
  return x - Math.floor(x);
};

/**
 * One page image damaged as `damage` says, encoded as the scanner or phone would: JPEG for photos
 * and grey scans, 1-bit PNG for fax-like scans. `seed` varies angles and lighting.
 */
export function damagePage(png: Buffer, damage: Damage, seed = 1): { bytes: Buffer; ext: string } {
  const angle = ((rand(seed) - 0.5) * 4).toFixed(2);
  switch (damage) {
    case 'clean':
      return { bytes: convert(png, ['-quality', '85'], 'jpg'), ext: 'jpg' };
    case 'skewed':
      return {
        bytes: convert(
          png,
          ['-background', 'white', '-rotate', angle, '+repage', '-quality', '80'],
          'jpg',
        ),
        ext: 'jpg',
      };
    case 'noisy':
      return {
        bytes: convert(
          png,
          ['-attenuate', '0.5', '+noise', 'Gaussian', '-colorspace', 'Gray', '-quality', '55'],
          'jpg',
        ),
        ext: 'jpg',
      };
    case 'fax':
      return {
        bytes: convert(
          png,
          [
            '-background',
            'white',
            '-rotate',
            (Number(angle) / 2).toFixed(2),
            '-threshold',
            '55%',
            '-type',
            'bilevel',
          ],
          'png',
        ),
        ext: 'png',
      };
    case 'photo':
      return { bytes: photo(png, seed), ext: 'jpg' };
  }
}

/** A phone photo of the page: seen from a slant, lit from one side, on a darker desk. */
function photo(png: Buffer, seed: number): Buffer {
  const size = execFileSync('identify', ['-format', '%w %h', 'png:-'], { input: png }).toString();
  const [w, h] = size.split(' ').map(Number) as [number, number];
  const d = Math.round(w * (0.02 + rand(seed + 1) * 0.03));
  const persp = [
    `0,0 ${d},${d}`,
    `${w},0 ${w - d / 2},${d / 3}`,
    `0,${h} ${d / 2},${h - d / 2}`,
    `${w},${h} ${w - d},${h - d}`,
  ].join('  ');
  return execFileSync(
    'convert',
    [
      'png:-',
      '-virtual-pixel',
      'gray',
      '-background',
      'gray40',
      '-distort',
      'Perspective',
      persp,
      '(',
      '-size',
      `${w}x${h}`,
      'xc:',
      '-sparse-color',
      'Barycentric',
      `${Math.round(rand(seed + 3) * w)},0 white ${w},${h} gray${55 + Math.round(rand(seed + 2) * 20)}`,
      ')',
      '-compose',
      'Multiply',
      '-composite',
      '-blur',
      '0x0.6',
      '-attenuate',
      '0.3',
      '+noise',
      'Gaussian',
      '-quality',
      '82',
      'jpg:-',
    ],
    { input: png, maxBuffer: 1 << 28 },
  );
}

/** A scanned PDF: each image filling an A4 page, no text layer (JPEG and PNG embedded as they are). */
export function scanPdf(images: Buffer[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  for (const img of images) {
    doc.addPage({ size: 'A4', margin: 0 });
    doc.image(img, 0, 0, { width: 595.28, height: 841.89 });
  }
  return new Promise((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
