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
  /** Salt-and-pepper specks (ImageMagick impulse noise strength, 0.05–0.5): dust on the glass. */
  speckle?: number;
  /** The red round seal stamped over the signature block: centre and radius in pixels, turned. */
  seal?: { x: number; y: number; r: number; angle: number };
  /** A blue pen signature scrawled over the signer's block: where it starts and how wide, in pixels. */
  pen?: { x: number; y: number; w: number; h: number };
  /** Photographed lying on a textured desk: the desk's margin (fraction of the page) and its grain seed. */
  desk?: { margin: number; seed: number };
  /** The shadow of the phone and hand over the page: its centre and radii (fractions), how dark (0–1). */
  shadow?: { x: number; y: number; rx: number; ry: number; dark: number };
  /** Printed by a dot-matrix printer: each stroke broken into dots this many pixels apart. */
  dots?: number;
  /**
   * A stamp in ink across the header ("SAO Y BẢN CHÍNH", "ĐÃ KÝ", "VĂN BẢN ĐẾN"): its words, centre
   * and size in pixels, tilt in degrees and ink colour; with a handwritten note in pen beside it.
   */
  stamp?: { text: string; x: number; y: number; size: number; tilt: number; ink: string };
  note?: { text: string; x: number; y: number; size: number; tilt: number };
  /** A copy of a copy: grey paper (0–1 of white), grown strokes, toner streaks at these x (fractions). */
  copy?: { grey: number; thicken: number; streaks: number[]; seed: number };
  /** Sent through a messaging app (Zalo): shrunk so its long side is `side` pixels, chroma blurred, 4:2:0 JPEG. */
  app?: { side: number; chromaBlur: number };
  /** A faint thermal fax: ink only this dark (0–1 of black), half the lines scanned, banded, fading from the top. */
  thermal?: { ink: number; fade: number; band: number };
  /** A finger over one edge of a photographed page and a paper clip on a corner (fractions of the page). */
  finger?: { x: number; y: number; r: number; angle: number };
  clip?: { corner: 0 | 1 | 2 | 3; size: number };
  /** The other side's print showing through the paper, mirrored, this dark (0–1), from this image. */
  bleed?: { dark: number; image: Buffer };
  /** Scanned in grey: the colour of a stamp's or pen's ink is lost, it is grey like the print. */
  grey?: boolean;
}

const SEAL_RED = 'rgb(206,38,48)';
const PEN_BLUE = 'rgb(28,52,168)';
const SEAL_TEXT = 'ỦY BAN NHÂN DÂN * ';

/** ImageMagick arguments of a red round seal: two rings, a star and the body's name round the rim. */
function sealArgs(w: number, h: number, s: NonNullable<PageDamage['seal']>): string[] {
  const { x, y, r } = s;
  const draw = ['-size', `${w}x${h}`, 'xc:white', '-fill', 'none', '-stroke', SEAL_RED];
  draw.push('-strokewidth', String(Math.max(3, r / 14)), '-draw', `circle ${x},${y} ${x + r},${y}`);
  draw.push('-strokewidth', String(Math.max(2, r / 30)));
  draw.push('-draw', `circle ${x},${y} ${x + r * 0.72},${y}`);
  const star = Array.from({ length: 10 }, (_, i) => {
    const a = (Math.PI * i) / 5 - Math.PI / 2;
    const k = i % 2 ? 0.09 : 0.22;
    return `${(x + Math.cos(a) * r * k).toFixed(0)},${(y + Math.sin(a) * r * k).toFixed(0)}`;
  });
  draw.push('-fill', SEAL_RED, '-stroke', 'none', '-draw', `polygon ${star.join(' ')}`);
  draw.push('-font', FONT, '-pointsize', String(Math.round(r / 5.5)));
  [...SEAL_TEXT.repeat(2)].forEach((ch, i, all) => {
    const a = s.angle + (360 * i) / all.length;
    const rad = ((a - 90) * Math.PI) / 180;
    const px = x + Math.cos(rad) * r * 0.86;
    const py = y + Math.sin(rad) * r * 0.86;
    draw.push('-annotate', `${a.toFixed(0)}x${a.toFixed(0)}+${px.toFixed(0)}+${py.toFixed(0)}`, ch);
  });
  return ['(', ...draw, '-blur', '0x0.8', ')', '-compose', 'Multiply', '-composite'];
}

/** ImageMagick arguments of a signature in blue ballpoint: three loops and a stroke under them. */
function penArgs(w: number, h: number, p: NonNullable<PageDamage['pen']>): string[] {
  const pt = (fx: number, fy: number) =>
    `${(p.x + fx * p.w).toFixed(0)},${(p.y + fy * p.h).toFixed(0)}`;
  const curves = [
    [pt(0, 0.7), pt(0.1, -0.4), pt(0.25, 1.2), pt(0.3, 0.4)],
    [pt(0.3, 0.4), pt(0.45, -0.5), pt(0.55, 1.1), pt(0.65, 0.3)],
    [pt(0.65, 0.3), pt(0.8, -0.3), pt(0.9, 1), pt(1, 0.2)],
    [pt(0.05, 0.95), pt(0.4, 0.8), pt(0.7, 1.05), pt(1.05, 0.75)],
  ].map((c) => `bezier ${c.join(' ')}`);
  const draw = ['-size', `${w}x${h}`, 'xc:white', '-fill', 'none', '-stroke', PEN_BLUE];
  draw.push('-strokewidth', String(Math.max(2, Math.round(p.h / 18))));
  for (const c of curves) draw.push('-draw', c);
  return ['(', ...draw, ')', '-compose', 'Multiply', '-composite'];
}

/** ImageMagick arguments that lay the page on a wood-grained desk wider than it by `margin` each side. */
function deskArgs(w: number, h: number, d: NonNullable<PageDamage['desk']>): string[] {
  const m = Math.round(w * d.margin);
  const [dw, dh] = [w + 2 * m, h + 2 * m];
  // Grain made on an eighth of the size and stretched: cheap, and wood-like once smeared sideways.
  const desk = ['-size', `${Math.round(dw / 8)}x${Math.round(dh / 8)}`, 'xc:rgb(150,108,72)'];
  desk.push('-seed', String(d.seed), '-attenuate', '1.4', '+noise', 'Gaussian');
  desk.push('-motion-blur', '0x8+0', '-resize', `${dw}x${dh}!`);
  return [
    '-bordercolor',
    'white',
    '-border',
    '0',
    '(',
    ...desk,
    ')',
    '+swap',
    '-gravity',
    'center',
    '-compose',
    'Over',
    '-composite',
    '-gravity',
    'northwest',
  ];
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

/** ImageMagick arguments of a soft shadow (a phone and hand over the page) darkening part of it. */
function shadowArgs(w: number, h: number, s: NonNullable<PageDamage['shadow']>): string[] {
  const grey = Math.round(255 * (1 - s.dark));
  const [cx, cy, rx, ry] = [s.x * w, s.y * h, s.rx * w, s.ry * h].map(Math.round);
  const shape = ['-size', `${w}x${h}`, 'xc:white', '-fill', `rgb(${grey},${grey},${grey})`];
  shape.push('-draw', `ellipse ${cx},${cy} ${rx},${ry} 0,360`, '-blur', `0x${Math.round(w / 40)}`);
  return ['(', ...shape, ')', '-compose', 'Multiply', '-composite'];
}

/**
 * ImageMagick arguments of dot-matrix print: ink only where the printer's pins strike, a dot
 * every `pitch` pixels (each dot about two thirds of the pitch), paper between the dots.
 */
function dotArgs(w: number, h: number, pitch: number): string[] {
  const r = Math.max(1, Math.round(pitch / 3));
  const c = Math.floor(pitch / 2);
  const dot = ['-size', `${pitch}x${pitch}`, 'xc:white', '-fill', 'black'];
  dot.push('-draw', `circle ${c},${c} ${c + r},${c}`, '-write', 'mpr:dot', '+delete');
  return ['(', ...dot, ')', '(', '-size', `${w}x${h}`, 'tile:mpr:dot', ')'].concat([
    '-compose',
    'Lighten',
    '-composite',
  ]);
}

const BOLD = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';
const HAND = '/usr/share/fonts/truetype/liberation2/LiberationSerif-Italic.ttf';

/**
 * ImageMagick arguments of a rubber stamp pressed across the header: its words in capitals in a
 * double frame, tilted, in the pad's ink (multiplied, as ink over print); and a note in pen.
 */
function stampArgs(d: PageDamage): string[] {
  const args: string[] = [];
  if (d.stamp) {
    const { text, x, y, size, tilt, ink } = d.stamp;
    const gap = Math.round(size * 0.35);
    const line = Math.max(2, Math.round(size / 9));
    args.push('(', '-background', 'white', '-fill', ink, '-font', BOLD, '-pointsize', String(size));
    args.push(
      '-gravity',
      'center',
      `label:${text}`,
      '-bordercolor',
      'white',
      '-border',
      String(gap),
    );
    args.push(
      '-bordercolor',
      ink,
      '-border',
      String(line),
      '-bordercolor',
      'white',
      '-border',
      String(gap / 3),
    );
    args.push(
      '-bordercolor',
      ink,
      '-border',
      String(line),
      '-background',
      'white',
      '-rotate',
      tilt.toFixed(1),
    );
    args.push('-blur', '0x0.7', ')', '-gravity', 'northwest', '-geometry', `+${x}+${y}`);
    args.push('-compose', 'Multiply', '-composite', '-geometry', '+0+0');
  }
  if (d.note) {
    const { text, x, y, size, tilt } = d.note;
    args.push(
      '(',
      '-background',
      'white',
      '-fill',
      PEN_BLUE,
      '-font',
      HAND,
      '-pointsize',
      String(size),
    );
    args.push(`label:${text}`, '-background', 'white', '-rotate', tilt.toFixed(1), ')');
    args.push('-geometry', `+${x}+${y}`, '-compose', 'Multiply', '-composite', '-geometry', '+0+0');
  }
  return args;
}

/**
 * ImageMagick arguments of a copy of a copy: strokes grown by the toner, the paper turned grey with
 * the copier's grain, dark streaks down the page where the drum is scratched, blurred twice.
 */
function copyArgs(w: number, h: number, c: NonNullable<PageDamage['copy']>): string[] {
  const args = ['-colorspace', 'Gray'];
  if (c.thicken) args.push('-morphology', 'Erode', `Disk:${c.thicken}`);
  args.push('-blur', '0x0.8', '+level', `0%,${(c.grey * 100).toFixed(0)}%`);
  args.push('-seed', String(c.seed), '-attenuate', '0.5', '+noise', 'Gaussian');
  const streaks = ['-size', `${w}x${h}`, 'xc:white', '-fill', 'gray35', '-stroke', 'none'];
  for (const [i, sx] of c.streaks.entries()) {
    const x = Math.round(sx * w);
    const width = 1 + (i % 3);
    streaks.push('-draw', `rectangle ${x},${Math.round(h * 0.02 * i)} ${x + width},${h}`);
  }
  args.push('(', ...streaks, '-blur', '0x0.6', ')', '-compose', 'Multiply', '-composite');
  return args.concat(['-blur', '0x0.5', '-level', '8%,100%']);
}

/** ImageMagick arguments of a faint thermal fax: light grey ink, scanned at half the lines, banded, fading. */
function thermalArgs(w: number, h: number, t: NonNullable<PageDamage['thermal']>): string[] {
  const args = ['-colorspace', 'Gray', '-scale', '100%x50%', '-scale', `${w}x${h}!`];
  args.push('+level', `${((1 - t.ink) * 100).toFixed(0)}%,96%`);
  const band = `1-${t.band.toFixed(2)}*pow(sin(j*3.1416/7),8)-${t.fade.toFixed(2)}*j/${h}`;
  // Ink times the row's strength: the negative multiplied, then turned back.
  args.push(
    '-negate',
    '(',
    '-size',
    `1x${h}`,
    'xc:',
    '-fx',
    `max(0.3,${band})`,
    '-scale',
    `${w}x${h}!`,
    ')',
  );
  args.push('-compose', 'Multiply', '-composite', '-negate');
  return args;
}

/** ImageMagick arguments of a finger holding one edge of the page and a paper clip on a corner. */
function handArgs(w: number, h: number, m: number, d: PageDamage): string[] {
  const args: string[] = [];
  if (d.finger) {
    const { x, y, r, angle } = d.finger;
    const [cx, cy] = [m + x * (w - 2 * m), m + y * (h - 2 * m)].map(Math.round);
    const [rx, ry] = [Math.round(r * w), Math.round(r * w * 0.32)];
    args.push('-stroke', 'none', '-fill', 'rgb(205,150,118)');
    args.push('-draw', `translate ${cx},${cy} rotate ${angle} ellipse 0,0 ${rx},${ry} 0,360`);
    args.push('-fill', 'rgb(232,196,180)');
    const nail = `${Math.round(rx * 0.8)},0 ${Math.round(rx * 0.15)},${Math.round(ry * 0.6)}`;
    args.push('-draw', `translate ${cx},${cy} rotate ${angle} ellipse ${nail} 0,360`);
  }
  if (d.clip) {
    const s = Math.round(d.clip.size * w);
    const left = d.clip.corner % 2 === 0;
    const top = d.clip.corner < 2;
    const x = left ? m + s * 0.6 : w - m - s * 1.6;
    const y = top ? m - s * 0.9 : h - m - s * 2;
    const rect = (k: number) =>
      `roundrectangle ${Math.round(x + s * k * 0.15)},${Math.round(y + s * k * 0.2)} ` +
      `${Math.round(x + s * 0.45 - s * k * 0.1)},${Math.round(y + s * 2.6 - s * k * 0.4)} ${s / 5},${s / 5}`;
    args.push('-fill', 'none', '-stroke', 'gray45', '-strokewidth', String(Math.max(2, s / 12)));
    args.push('-draw', rect(0), '-draw', rect(1), '-stroke', 'none');
  }
  return args;
}

/** ImageMagick arguments of a photo sent through a messaging app: shrunk, colour smeared, 4:2:0 JPEG. */
function appArgs(a: NonNullable<PageDamage['app']>): string[] {
  return [
    ...['-resize', `${a.side}x${a.side}>`, '-colorspace', 'YCbCr', '-channel', 'GB'],
    ...['-blur', `0x${a.chromaBlur.toFixed(1)}`, '+channel', '-colorspace', 'sRGB'],
    ...['-sampling-factor', '4:2:0'],
  ];
}

/** The ImageMagick arguments of a page's damage, in the order paper and scanner apply them. */
export function damageArgs(d: PageDamage, w: number, h: number, bleedFile?: string): string[] {
  const args: string[] = [];
  if (d.dots) args.push(...dotArgs(w, h, d.dots));
  if (d.bleed && bleedFile) {
    const light = `${((1 - d.bleed.dark) * 100).toFixed(0)}%,100%`;
    args.push('(', bleedFile, '-flop', '-blur', '0x1.2', '+level', light, ')');
    args.push('-compose', 'Multiply', '-composite');
  }
  if (d.seal || d.pen || d.stamp || d.note) args.push('-colorspace', 'sRGB', '-type', 'TrueColor');
  if (d.seal) args.push(...sealArgs(w, h, d.seal));
  if (d.pen) args.push(...penArgs(w, h, d.pen));
  args.push(...stampArgs(d));
  if (d.copy) args.push(...copyArgs(w, h, d.copy));
  if (d.thermal) args.push(...thermalArgs(w, h, d.thermal));
  const m = d.desk ? Math.round(w * d.desk.margin) : 0;
  if (d.desk) args.push('-colorspace', 'sRGB', '-type', 'TrueColor', ...deskArgs(w, h, d.desk));
  args.push(...handArgs(w + 2 * m, h + 2 * m, m, d));
  if (d.photo) args.push(...photoArgs(w + 2 * m, h + 2 * m, d.photo));
  if (d.shadow) args.push(...shadowArgs(w + 2 * m, h + 2 * m, d.shadow));
  if (d.skew) args.push('-background', 'white', '-rotate', d.skew.toFixed(2), '+repage');
  const colour = d.seal || d.pen || d.desk || d.stamp || d.note;
  if (d.noise) args.push('-attenuate', d.noise.toFixed(2), '+noise', 'Gaussian');
  if (d.noise && !colour) args.push('-colorspace', 'Gray');
  if (d.speckle) args.push('-attenuate', d.speckle.toFixed(2), '+noise', 'Impulse');
  if (d.speckle && !colour) args.push('-colorspace', 'Gray');
  if (d.turn) args.push('-rotate', String(d.turn), '+repage');
  if (d.grey) args.push('-colorspace', 'Gray');
  if (d.app) args.push(...appArgs(d.app));
  if (d.threshold) args.push('-threshold', `${d.threshold}%`, '-type', 'bilevel');
  else args.push('-quality', String(d.quality ?? 85));
  return args;
}

/** One page image damaged as `d` says, encoded as a scanner or phone would: JPEG, or 1-bit PNG. */
export function damageImage(png: Buffer, d: PageDamage): { bytes: Buffer; ext: string } {
  const [w, h] = sizeOf(png);
  const ext = d.threshold ? 'png' : 'jpg';
  // The other side's page reaches ImageMagick as a file: its standard input holds this page.
  const dir = d.bleed ? mkdtempSync(join(tmpdir(), 'tonghop-bleed-')) : null;
  try {
    const bleedFile = dir ? join(dir, 'back.png') : undefined;
    if (bleedFile && d.bleed) writeFileSync(bleedFile, d.bleed.image);
    const bytes = execFileSync(
      'convert',
      ['png:-', ...damageArgs(d, w, h, bleedFile), `${ext}:-`],
      {
        input: png,
        maxBuffer: 1 << 28,
      },
    );
    return { bytes, ext };
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
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

/** How a book-style two-page scan darkens: the fold between the pages and the scanner lid's edge. */
export interface Spread {
  /** Darkness of the fold's shadow, 0–1, and its half-width as a fraction of one page's width. */
  fold: number;
  foldWidth: number;
  /** Darkness of the shadow along the outer edge the lid did not cover, 0–1. */
  edge: number;
}

/**
 * Two grey page images side by side as one landscape scan (the right one blank when there is
 * none), with a shadow along the fold between them, a dark line at the fold and a shadow along
 * the scanner's edge: the shading is computed on one row and stretched to the whole image.
 */
export function twoPageSpread(left: Buffer, right: Buffer | null, s: Spread): Buffer {
  const [w, h] = sizeOf(left);
  const cols = 400;
  const mid = cols / 2;
  const fold = `${s.fold.toFixed(2)}*exp(-pow((i-${mid})/${(mid * s.foldWidth).toFixed(1)},2))`;
  const line = `0.35*exp(-pow((i-${mid})/1.2,2))`;
  const edge = `${s.edge.toFixed(2)}*exp(-pow(i/${(cols * 0.02).toFixed(1)},2))`;
  const dir = mkdtempSync(join(tmpdir(), 'tonghop-spread-'));
  try {
    writeFileSync(join(dir, 'l.png'), left);
    if (right) writeFileSync(join(dir, 'r.png'), right);
    const second = right ? [join(dir, 'r.png')] : ['-size', `${w}x${h}`, 'xc:white'];
    const shade = ['-size', `${cols}x1`, 'xc:', '-fx', `max(0.05,1-${fold}-${line}-${edge})`];
    return execFileSync(
      'convert',
      [
        join(dir, 'l.png'),
        '(',
        ...second,
        ')',
        '+append',
        '(',
        ...shade,
        '-scale',
        `${2 * w}x${h}!`,
        ')',
      ].concat(['-compose', 'Multiply', '-composite', '-colorspace', 'Gray', 'png:-']),
      { maxBuffer: 1 << 28 },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
