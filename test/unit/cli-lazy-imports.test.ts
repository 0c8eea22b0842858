import { describe, expect, it } from 'vitest';
import { staticPackages } from '../helpers/static-packages.js';

// Each costs 20–200 ms of CPU to load; `tonghop parse` of a .txt or .docx needs none of them
// (yauzl and image-size are the .zip and photo readers).
const HEAVY = [
  'sharp',
  'tesseract.js',
  'pkijs',
  '@peculiar/x509',
  'asn1js',
  'unpdf',
  'mammoth',
  'yauzl',
  'image-size',
];

describe('what `tonghop parse` loads at start', () => {
  it('loads no OCR, image, PDF, Word or certificate library before a file needs it', async () => {
    const packages = await staticPackages('bin/commands/parse.ts');
    expect(packages.size).toBeGreaterThan(0);
    expect(packages).toContain('zod');
    for (const p of HEAVY) expect(packages, p).not.toContain(p);
  });

  it('the scan engine loads sharp and tesseract.js on its first page, not when made', async () => {
    const packages = await staticPackages('adapters/scan-engine.ts');
    expect(packages).not.toContain('sharp');
    expect(packages).not.toContain('tesseract.js');
    // …and they are still what it reads pages with.
    const all = await staticPackages('adapters/tesseract-ocr.ts');
    expect(all).toContain('tesseract.js');
  });
});
