import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { INGEST_SHIPPED_FILES } from '../../infra/ingest.js';
import { esbuildOptions } from '../../infra/lambda-function.js';
import { pdfFromText } from '../../scripts/report-files.js';

const root = join(import.meta.dirname, '..', '..');
// Outside the project, so that nothing resolves from its node_modules: only what the Lambda gets.
const dir = mkdtempSync(join(tmpdir(), 'tonghop-package-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the ingest Lambda package', () => {
  it('reads a PDF with only the bundle and the pdf.js files infra ships beside it', async () => {
    await build({
      stdin: {
        contents: "export { decodePdf } from './shared/files/decode-pdf.js';",
        resolveDir: root,
        loader: 'ts',
      },
      outfile: join(dir, 'index.mjs'),
      ...esbuildOptions(INGEST_SHIPPED_FILES),
    });
    await promisify(execFile)(process.execPath, [
      join(root, 'infra', 'ship-files.mjs'),
      dir,
      ...INGEST_SHIPPED_FILES,
    ]);
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
});
