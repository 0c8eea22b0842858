import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { NativeTesseractOcr, tesseractArgs } from '../../adapters/native-tesseract-ocr.js';
import { cropPnm, encodePnm, type Pnm, parsePnm, turnPnm } from '../../adapters/pnm-image.js';
import { ocrEngineChoice, tesseractEngine } from '../../adapters/scan-engine.js';
import { TesseractOcr } from '../../adapters/tesseract-ocr.js';
import { linesOfTsv } from '../../adapters/tesseract-tsv.js';
import { FileProblem } from '../../shared/files/file-problem.js';
import { lineText } from '../../shared/ocr/scan-text.js';
import { fixturePath } from '../helpers/fixtures.js';

// The native engine's TSV fixtures were made here by Debian's tesseract 5.3.0 from the phone-photo
// fixture (`tesseract xa-con-cuong-anh.jpg out -l vie --oem 1 --psm 6 tsv txt`, and --psm 3), with
// the program's own text output beside them: the lines parsed from the TSV must spell it.
const fixture = (name: string) => readFileSync(fixturePath(`ocr/${name}`), 'utf8');

describe("Tesseract's TSV", () => {
  for (const psm of ['psm6', 'psm3'])
    it(`reads the program's own ${psm} output into the lines its text output shows`, () => {
      const lines = linesOfTsv(fixture(`xa-con-cuong-anh.${psm}.tsv`));
      const text = fixture(`xa-con-cuong-anh.${psm}.txt`)
        .split('\n')
        .filter((l) => l.trim());
      expect(lines.map((l) => l.words.map((w) => w.text).join(' '))).toEqual(text);
      for (const line of lines)
        for (const w of line.words) {
          expect(w.confidence).toBeGreaterThanOrEqual(0);
          expect(w.confidence).toBeLessThanOrEqual(100);
          expect(w.box.x0).toBeGreaterThanOrEqual(line.box.x0);
          expect(w.box.y1).toBeLessThanOrEqual(line.box.y1);
        }
    });

  const word = fc.record({
    text: fc.stringMatching(/^[A-Za-zĐđỦủ0-9/.,:-]{1,8}$/),
    conf: fc.float({ min: 0, max: 100, noNaN: true }),
    box: fc.tuple(fc.nat(3000), fc.nat(3000), fc.nat(400), fc.nat(80)),
  });
  const page = fc.array(fc.array(word, { minLength: 1, maxLength: 6 }), { maxLength: 12 });

  it('keeps every line with its words, boxes and confidences, moved by a region offset (property)', () => {
    fc.assert(
      fc.property(page, fc.nat(500), fc.nat(500), (lines, dx, dy) => {
        const head =
          'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';
        const rows = [head, '1\t1\t0\t0\t0\t0\t0\t0\t3000\t3000\t-1\t'];
        lines.forEach((ws, i) => {
          rows.push(`4\t1\t1\t1\t${i + 1}\t0\t0\t${i * 90}\t3400\t80\t-1\t`);
          for (const [j, w] of ws.entries())
            rows.push(`5\t1\t1\t1\t${i + 1}\t${j + 1}\t${w.box.join('\t')}\t${w.conf}\t${w.text}`);
          // Tesseract's empty words (a speck) are no words.
          rows.push(`5\t1\t1\t1\t${i + 1}\t${ws.length + 1}\t0\t0\t1\t1\t95\t `);
        });
        const read = linesOfTsv(`${rows.join('\n')}\n`, { x0: dx, y0: dy, x1: 0, y1: 0 });
        expect(read).toHaveLength(lines.length);
        read.forEach((line, i) => {
          expect(line.box.y0).toBe(i * 90 + dy);
          expect(line.words.map((w) => [w.text, w.confidence])).toEqual(
            lines[i]!.map((w) => [w.text, w.conf]),
          );
          line.words.forEach((w, j) => {
            const [left, top, width, height] = lines[i]![j]!.box;
            expect(w.box).toEqual({
              x0: left + dx,
              y0: top + dy,
              x1: left + width + dx,
              y1: top + height + dy,
            });
          });
        });
      }),
      { numRuns: 60 },
    );
  });

  it('refuses output that is not a TSV reading', () => {
    expect(() => linesOfTsv('Error: no such model\n')).toThrow(/header row/);
    expect(linesOfTsv(fixture('xa-con-cuong-anh.psm6.tsv').split('\n')[0]!)).toEqual([]);
  });
});

const pnm = fc
  .record({
    width: fc.integer({ min: 1, max: 9 }),
    height: fc.integer({ min: 1, max: 9 }),
    channels: fc.constantFrom<1 | 3>(1, 3),
  })
  .chain(({ width, height, channels }) =>
    fc
      .uint8Array({ minLength: width * height * channels, maxLength: width * height * channels })
      .map((pixels): Pnm => ({ width, height, channels, pixels })),
  );
const pixel = (p: Pnm, x: number, y: number) => [
  ...p.pixels.subarray((y * p.width + x) * p.channels, (y * p.width + x + 1) * p.channels),
];

describe('PNM pages turned and cut for the program', () => {
  it('turns a quarter clockwise; four quarters, or a half twice, give the page back (property)', () => {
    fc.assert(
      fc.property(pnm, (p) => {
        const q = turnPnm(p, 90);
        expect([q.width, q.height]).toEqual([p.height, p.width]);
        // The top left pixel goes to the top right.
        expect(pixel(q, q.width - 1, 0)).toEqual(pixel(p, 0, 0));
        expect(turnPnm(turnPnm(turnPnm(q, 90), 90), 90)).toEqual(p);
        expect(turnPnm(turnPnm(p, 180), 180)).toEqual(p);
        expect(turnPnm(q, 270)).toEqual(p);
        expect(parsePnm(encodePnm(p))).toEqual(p);
      }),
    );
  });

  it('cuts a box out, clipped to the page, and says where it lies (property)', () => {
    fc.assert(
      fc.property(
        pnm,
        fc.integer({ min: -3, max: 9 }),
        fc.integer({ min: -3, max: 9 }),
        fc.nat(9),
        fc.nat(9),
        (p, x0, y0, w, h) => {
          const cut = cropPnm(p, { x0, y0, x1: x0 + w, y1: y0 + h });
          if (!cut) return;
          expect(cut.at.x0).toBeGreaterThanOrEqual(0);
          expect(cut.at.x1).toBeLessThanOrEqual(p.width);
          for (let y = 0; y < cut.image.height; y++)
            for (let x = 0; x < cut.image.width; x++)
              expect(pixel(cut.image, x, y)).toEqual(pixel(p, x + cut.at.x0, y + cut.at.y0));
        },
      ),
    );
  });
});

// A stand-in program run exactly as the real one is (no shell, an argument array): it does what the
// file `mode` in its TESSDATA_PREFIX says, and keeps its arguments and its input image there.
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const FAKE = `#!/usr/bin/env node
const fs = require('node:fs');
const dir = process.env.TESSDATA_PREFIX;
const mode = fs.readFileSync(dir + '/mode', 'utf8').trim();
// Run as the layer's loader: "--library-path <libs> <program> <args…>".
const loaded = process.argv[2] === '--library-path' ? process.argv.slice(3, 5) : null;
const args = process.argv.slice(loaded ? 5 : 2);
if (args[0] === '--list-langs') {
  console.log('List of available languages in "' + dir + '/" (2):');
  console.log(mode === 'novie' ? 'eng' : 'eng\\nvie');
  process.exit(0);
}
const env = { omp: process.env.OMP_THREAD_LIMIT, lib: process.env.LD_LIBRARY_PATH };
fs.writeFileSync(dir + '/args.json', JSON.stringify({ args, env, loaded }));
fs.copyFileSync(args[0], dir + '/input');
if (mode === 'sleep') setTimeout(() => {}, 60000);
else if (mode === 'memory') { const keep = []; setInterval(() => keep.push(Buffer.alloc(8 << 20, 1)), 5); }
else if (mode === 'damaged') {
  process.stderr.write('Error in pixReadStream: Unknown format: no pix returned\\n');
  process.exit(1);
}
else process.stdout.write(fs.readFileSync(dir + '/out.tsv'));
`;

function fakeTesseract(mode: string) {
  const dir = mkdtempSync(join(tmpdir(), 'tonghop-fake-tesseract-'));
  dirs.push(dir);
  const binary = join(dir, 'tesseract');
  writeFileSync(binary, FAKE);
  chmodSync(binary, 0o755);
  writeFileSync(join(dir, 'mode'), mode);
  writeFileSync(join(dir, 'out.tsv'), fixture('xa-con-cuong-anh.psm3.tsv'));
  const ran = () => JSON.parse(readFileSync(join(dir, 'args.json'), 'utf8'));
  return { dir, binary, ran, input: () => readFileSync(join(dir, 'input')) };
}

const grey = (width: number, height: number): Uint8Array =>
  encodePnm({
    width,
    height,
    channels: 1,
    pixels: Uint8Array.from({ length: width * height }, (_, i) => i % 251),
  });

describe('native Tesseract behind the OCR port', () => {
  it('reads a page as one block, a region finding columns, cut out of the page with its boxes moved back', async () => {
    const fake = fakeTesseract('tsv');
    const ocr = new NativeTesseractOcr({
      binary: fake.binary,
      tessdata: fake.dir,
      libraryPath: '/opt/x/lib',
    });
    expect(await ocr.unavailable()).toBeNull();
    const image = grey(300, 200);
    const page = await ocr.recognize({ page: 2, image, dpi: 300 });
    expect(page.page).toBe(2);
    expect(page.lines.map(lineText)).toEqual(
      linesOfTsv(fixture('xa-con-cuong-anh.psm3.tsv')).map(lineText),
    );
    expect(fake.ran().args.slice(1)).toEqual([
      'stdout',
      '-l',
      'vie',
      '--oem',
      '1',
      '--psm',
      '6',
      '--dpi',
      '300',
      'tsv',
    ]);
    expect(fake.ran().env).toEqual({ omp: '1', lib: '/opt/x/lib' });
    expect(Buffer.from(fake.input()).equals(Buffer.from(image))).toBe(true);
    const region = await ocr.recognize({
      page: 2,
      image,
      region: { x0: 40, y0: 30, x1: 140, y1: 90 },
      segmentation: 'columns',
    });
    expect(fake.ran().args).toContain('3');
    const cut = parsePnm(fake.input())!;
    expect([cut.width, cut.height]).toEqual([100, 60]);
    expect(cut.pixels[0]).toBe((30 * 300 + 40) % 251);
    expect(region.lines[0]!.box.x0).toBe(page.lines[0]!.box.x0 + 40);
    expect(region.lines[0]!.box.y0).toBe(page.lines[0]!.box.y0 + 30);
    // A page turned for the orientation check reaches the program turned.
    await ocr.recognize({ page: 2, image, turn: 90 });
    const turned = parsePnm(fake.input())!;
    expect([turned.width, turned.height]).toEqual([200, 300]);
  });

  it("runs the program through the layer's loader with the layer's libraries", async () => {
    const fake = fakeTesseract('tsv');
    const ocr = new NativeTesseractOcr({
      binary: '/opt/tesseract/bin/tesseract',
      loader: fake.binary,
      libraryPath: '/opt/tesseract/lib',
      tessdata: fake.dir,
    });
    expect(await ocr.unavailable()).toBeNull();
    const page = await ocr.recognize({ page: 1, image: grey(30, 30) });
    expect(page.lines.length).toBeGreaterThan(0);
    expect(fake.ran().loaded).toEqual(['/opt/tesseract/lib', '/opt/tesseract/bin/tesseract']);
    expect(fake.ran().args.slice(1, 4)).toEqual(['stdout', '-l', 'vie']);
  });

  it('keeps only the region’s lines of an image it cannot cut, and reads nothing it cannot turn', async () => {
    const fake = fakeTesseract('tsv');
    const ocr = new NativeTesseractOcr({ binary: fake.binary, tessdata: fake.dir });
    const jpeg = readFileSync(fixturePath('scans/xa-con-cuong-anh.jpg'));
    const all = await ocr.recognize({ page: 1, image: jpeg });
    const box = { x0: 0, y0: 0, x1: 2000, y1: 300 };
    const region = await ocr.recognize({ page: 1, image: jpeg, region: box });
    expect(region.lines.length).toBeGreaterThan(0);
    expect(region.lines.length).toBeLessThan(all.lines.length);
    expect(region.lines.every((l) => (l.box.y0 + l.box.y1) / 2 <= 300)).toBe(true);
    expect(await ocr.recognize({ page: 1, image: jpeg, turn: 180 })).toEqual({
      page: 1,
      lines: [],
    });
  });

  it('stops a page at its time, its memory bound, or when the document is stopped', async () => {
    const slow = fakeTesseract('sleep');
    const image = grey(20, 20);
    const timed = new NativeTesseractOcr({ binary: slow.binary, tessdata: slow.dir, pageMs: 300 });
    await expect(timed.recognize({ page: 1, image })).rejects.toThrow(/took over 300 ms/);
    const stopped = new AbortController();
    const pending = new NativeTesseractOcr({ binary: slow.binary, tessdata: slow.dir }).recognize(
      { page: 1, image },
      stopped.signal,
    );
    setTimeout(() => stopped.abort(), 200);
    await expect(pending).rejects.toThrow(/time is up/);
    const big = fakeTesseract('memory');
    const bounded = new NativeTesseractOcr({
      binary: big.binary,
      tessdata: big.dir,
      maxRssMb: 150,
      pageMs: 20_000,
    });
    await expect(bounded.recognize({ page: 1, image })).rejects.toThrow(/over 150 MB/);
  });

  it("takes an image the program's decoder refuses as the file's problem", async () => {
    const fake = fakeTesseract('damaged');
    const ocr = new NativeTesseractOcr({ binary: fake.binary, tessdata: fake.dir });
    const error = await ocr
      .recognize({ page: 3, image: new Uint8Array([1, 2, 3]) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileProblem);
    expect((error as FileProblem).diagnostic.message).toContain('trang 3');
  });

  it('is chosen by TONGHOP_OCR_ENGINE, and tesseract.js reads where the program is missing or has no vie', async () => {
    expect(ocrEngineChoice({})).toBe('wasm');
    expect(ocrEngineChoice({ TONGHOP_OCR_ENGINE: 'native' })).toBe('native');
    expect(() => ocrEngineChoice({ TONGHOP_OCR_ENGINE: 'nativ' })).toThrow(/native or wasm/);
    const saved = { ...process.env };
    const warned: string[] = [];
    try {
      const fake = fakeTesseract('tsv');
      Object.assign(process.env, {
        TONGHOP_OCR_ENGINE: 'native',
        TONGHOP_TESSERACT: fake.binary,
        TESSDATA_PREFIX: fake.dir,
      });
      expect(await tesseractEngine({ workers: 1 }, (m) => warned.push(m))).toBeInstanceOf(
        NativeTesseractOcr,
      );
      writeFileSync(join(fake.dir, 'mode'), 'novie');
      expect(await tesseractEngine({ workers: 1 }, (m) => warned.push(m))).toBeInstanceOf(
        TesseractOcr,
      );
      process.env.TONGHOP_TESSERACT = join(fake.dir, 'missing');
      expect(await tesseractEngine({ workers: 1 }, (m) => warned.push(m))).toBeInstanceOf(
        TesseractOcr,
      );
      expect(warned).toEqual([
        expect.stringMatching(/no Vietnamese model/),
        expect.stringMatching(/does not run/),
      ]);
      delete process.env.TONGHOP_OCR_ENGINE;
      expect(await tesseractEngine({ workers: 1 })).toBeInstanceOf(TesseractOcr);
    } finally {
      process.env = saved;
    }
  });
});

it('asks the program for what the port asks', () => {
  expect(
    tesseractArgs('/tmp/p', { page: 1, image: new Uint8Array(), segmentation: 'columns' }),
  ).toEqual(['/tmp/p', 'stdout', '-l', 'vie', '--oem', '1', '--psm', '3', 'tsv']);
});
