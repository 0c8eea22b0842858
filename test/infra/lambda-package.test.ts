import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { INGEST_SHIPPED_FILES } from '../../infra/ingest.js';
import { esbuildOptions } from '../../infra/lambda-function.js';
import { OCR_SHIPPED_FILES } from '../../infra/ocr.js';
import { pdfFromText } from '../../scripts/report-files.js';
import { fixturePath } from '../helpers/fixtures.js';

const root = join(import.meta.dirname, '..', '..');
// Outside the project, so that nothing resolves from its node_modules: only what the Lambda gets.
const dir = mkdtempSync(join(tmpdir(), 'tonghop-package-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A bundle of `entry` as the build makes it, in `into`, with the files infra ships beside it. */
async function lambdaPackage(into: string, entry: string, shipFiles: string[]): Promise<void> {
  await build({
    stdin: { contents: entry, resolveDir: root, loader: 'ts' },
    outfile: join(into, 'index.mjs'),
    ...esbuildOptions(shipFiles),
  });
  await promisify(execFile)(process.execPath, [
    join(root, 'infra', 'ship-files.mjs'),
    into,
    ...shipFiles,
  ]);
}

describe('the ingest Lambda package', () => {
  it('reads a PDF with only the bundle and the pdf.js files infra ships beside it', async () => {
    await lambdaPackage(
      dir,
      "export { decodePdf } from './shared/files/decode-pdf.js';",
      INGEST_SHIPPED_FILES,
    );
    expect(readdirSync(join(dir, 'node_modules', 'unpdf', 'dist'))).toEqual(['pdfjs.mjs']);

    const pdf = await pdfFromText(
      'UY BAN NHAN DAN\nXA THU NGHIEM\nBAO CAO\nKet qua chuyen doi so nam 2026\nCo 15 may tinh ket noi mang.',
    );
    const { decodePdf } = (await import(
      join(dir, 'index.mjs')
    )) as typeof import('../../shared/files/decode-pdf.js');
    const { text, pages } = await decodePdf(pdf);
    expect(pages).toBe(1);
    expect(text).toContain('Co 15 may tinh ket noi mang.');
  });

  it('reads a legacy .doc with only the bundle and the word-extractor files shipped beside it', async () => {
    const docDir = mkdtempSync(join(tmpdir(), 'tonghop-doc-package-'));
    try {
      await lambdaPackage(
        docDir,
        "export { readFileContent } from './shared/files/read-file.js';",
        INGEST_SHIPPED_FILES,
      );
      const { readFileContent } = (await import(
        join(docDir, 'index.mjs')
      )) as typeof import('../../shared/files/read-file.js');
      const content = await readFileContent(
        'r.doc',
        readFileSync(fixturePath('doc/dong-so-lieu.doc')),
      );
      expect(content.kind === 'text' && content.text).toMatch(/BÁO CÁO/);
    } finally {
      rmSync(docDir, { recursive: true, force: true });
    }
  });
});

describe('the OCR Lambda package', () => {
  // Outside the project like the ingest one: the worker script, the WebAssembly core and the
  // Vietnamese model can only come from the files infra ships (scripts/run-ocr-package.ts runs the
  // whole handler from cdk synth's asset the same way, with the network refused).
  const ocrDir = mkdtempSync(join(tmpdir(), 'tonghop-ocr-package-'));
  afterAll(() => rmSync(ocrDir, { recursive: true, force: true }));

  it('reads a phone photo with only the bundle and the files infra ships, from local paths', {
    timeout: 180_000,
  }, async () => {
    const entry = "export { TesseractOcr, offlinePaths } from './adapters/tesseract-ocr.js';";
    await lambdaPackage(ocrDir, entry, OCR_SHIPPED_FILES);
    // Imported by plain Node first, as Lambda imports it: vitest hands every module it loads a
    // __dirname, so an import here alone once passed while the deployed bundle threw on it.
    const url = JSON.stringify(pathToFileURL(join(ocrDir, 'index.mjs')).href);
    const plain = await promisify(execFile)(process.execPath, [
      '--input-type=module',
      '-e',
      `const m = await import(${url}); console.log(typeof m.TesseractOcr);`,
    ]);
    expect(plain.stdout.trim()).toBe('function');
    const { TesseractOcr, offlinePaths } = (await import(
      join(ocrDir, 'index.mjs')
    )) as typeof import('../../adapters/tesseract-ocr.js');
    const paths = offlinePaths();
    expect(paths.langPath.startsWith(join(ocrDir, 'node_modules'))).toBe(true);
    expect(paths.workerPath.startsWith(join(ocrDir, 'node_modules'))).toBe(true);
    const ocr = new TesseractOcr({ workers: 1 });
    try {
      const image = readFileSync(fixturePath('scans/xa-con-cuong-anh.jpg'));
      const { lines } = await ocr.recognize({ page: 1, image });
      const text = lines.map((l) => l.words.map((w) => w.text).join(' ')).join('\n');
      expect(text).toMatch(/ỦY BAN NHÂN DÂN/);
      expect(text).toMatch(/BÁO CÁO/);
    } finally {
      await ocr.close();
    }
  });
});
