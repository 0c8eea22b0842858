import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  createReadStream,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { INGEST_SHIPPED_FILES } from '../../infra/ingest.js';
import {
  esbuildOptions,
  shipCommands,
  splitBundle,
  splitCommand,
} from '../../infra/lambda-function.js';
import { OCR_NATIVE, OCR_SHIPPED_FILES } from '../../infra/ocr.js';
import { pdfFromText } from '../../scripts/report-files.js';
import { fixturePath } from '../helpers/fixtures.js';

const root = join(import.meta.dirname, '..', '..');
// Outside the project, so that nothing resolves from its node_modules: only what the Lambda gets.
const dir = mkdtempSync(join(tmpdir(), 'tonghop-package-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A bundle of `entry` as the build makes it, in `into`: index.mjs and the chunks of what it imports
 * lazily, with the files infra ships beside it.
 */
async function lambdaPackage(into: string, entry: string, shipFiles: string[]): Promise<void> {
  await build({
    stdin: { contents: entry, resolveDir: root, loader: 'ts' },
    ...esbuildOptions(shipFiles),
    ...splitBundle(into),
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
    const entry =
      "export { TesseractOcr, offlinePaths } from './adapters/tesseract-ocr.js';" +
      "export { SharpPageCleaner, loadSharp } from './adapters/sharp-page-cleaner.js';";
    // sharp's native build for this machine stands in for the linux-arm64 one ship-native.mjs
    // fetches at synth time (the same files for another CPU): what is checked here is that
    // sharp's JavaScript and what it requires are all shipped.
    const host = `${process.platform}-${process.arch}`;
    const native = [`@img/sharp-${host}`, `@img/sharp-libvips-${host}`];
    await lambdaPackage(ocrDir, entry, [...OCR_SHIPPED_FILES, ...native]);
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
    const { SharpPageCleaner, loadSharp } = (await import(
      join(ocrDir, 'index.mjs')
    )) as typeof import('../../adapters/sharp-page-cleaner.js');
    await loadSharp();
    const photo = readFileSync(fixturePath('scans/xa-con-cuong-anh.jpg'));
    const clean = await new SharpPageCleaner().clean({ page: 1, image: photo });
    expect(Buffer.from(clean.image.image.subarray(0, 2)).toString('latin1')).toBe('P5');
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

/** What the reminder function reads from its environment at import. */
const REMIND_ENV = {
  TABLE_NAME: 't',
  MAIL_QUEUE_URL: 'https://sqs.local/q',
  PORTAL_URL: 'https://portal.example',
  PROVINCE_CODE: '40',
  SENDER_EMAIL: 'a@b.example',
  AWS_REGION: 'ap-southeast-1',
  NODE_OPTIONS: '--enable-source-maps',
};

describe('the split bundle CDK deploys', () => {
  it("replaces CDK's single file by index.mjs and chunks loaded on first use, from plain Node", {
    timeout: 120_000,
  }, async () => {
    const out = mkdtempSync(join(tmpdir(), 'tonghop-split-'));
    try {
      writeFileSync(join(out, 'index.mjs'), 'throw new Error("the single file CDK bundled");');
      const command = splitCommand(root, out, 'remind');
      await promisify(execFile)('bash', ['-c', command]);
      const index = readFileSync(join(out, 'index.mjs'), 'utf8');
      // The SDK's credential chain is imported lazily by the SDK itself: a chunk of its own.
      expect(readdirSync(join(out, 'chunks')).some((f) => f.endsWith('.mjs'))).toBe(true);
      expect(index).toMatch(/import\("\.\/chunks\/[^"]+\.mjs"\)/);
      expect(readFileSync(join(out, 'index.mjs.map'), 'utf8')).not.toMatch(/"sourcesContent"/);
      const url = JSON.stringify(pathToFileURL(join(out, 'index.mjs')).href);
      const plain = await promisify(execFile)(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `const m = await import(${url}); console.log(typeof m.handler);`,
        ],
        { env: { ...process.env, ...REMIND_ENV } },
      );
      expect(plain.stdout.trim()).toBe('function');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('native packages for the Lambda platform', () => {
  it("the OCR function fetches sharp's linux-arm64 build at synth time, no other function does", () => {
    expect(OCR_NATIVE).toEqual(['@img/sharp-linux-arm64', '@img/sharp-libvips-linux-arm64']);
    const [files, native] = shipCommands('/in', '/out', {
      shipFiles: ['a/b'],
      shipNative: OCR_NATIVE,
    });
    expect(files).toContain('infra/ship-files.mjs');
    expect(native).toBe(
      'node "/in/infra/ship-native.mjs" "/out" "@img/sharp-linux-arm64" "@img/sharp-libvips-linux-arm64"',
    );
    expect(shipCommands('/in', '/out', { shipFiles: ['a/b'] })).toHaveLength(1);
  });

  it("ship-native.mjs unpacks the lockfile's version beside the bundle, and refuses other bytes", async () => {
    // No network: a fake `npm pack` hands over a tarball made here, the lockfile names its hash.
    const work = mkdtempSync(join(tmpdir(), 'tonghop-native-test-'));
    try {
      mkdirSync(join(work, 'package', 'lib'), { recursive: true });
      writeFileSync(
        join(work, 'package', 'package.json'),
        '{"name":"@img/fake-arm64","version":"1.2.3"}',
      );
      writeFileSync(join(work, 'package', 'lib', 'fake.node'), 'ELF');
      await promisify(execFile)('tar', ['-czf', join(work, 'fake.tgz'), '-C', work, 'package']);
      const hash = createHash('sha512');
      for await (const chunk of createReadStream(join(work, 'fake.tgz'))) hash.update(chunk);
      const integrity = `sha512-${hash.digest('base64')}`;
      const bin = join(work, 'bin');
      mkdirSync(bin);
      writeFileSync(
        join(bin, 'npm'),
        `#!/bin/sh\nwhile [ "$1" != "--pack-destination" ]; do shift; done\ncp "${join(work, 'fake.tgz')}" "$2/"\n`,
      );
      chmodSync(join(bin, 'npm'), 0o755);
      const run = (lockIntegrity: string) => {
        const lock = join(work, `lock-${lockIntegrity.length}.json`);
        const packages = {
          'node_modules/@img/fake-arm64': { version: '1.2.3', integrity: lockIntegrity },
        };
        writeFileSync(lock, JSON.stringify({ packages }));
        const out = mkdtempSync(join(work, 'out-'));
        const script = join(root, 'infra', 'ship-native.mjs');
        const env = { ...process.env, PATH: `${bin}:${process.env.PATH}` };
        return promisify(execFile)(
          process.execPath,
          [script, `--lockfile=${lock}`, out, '@img/fake-arm64'],
          {
            env,
          },
        ).then(() => out);
      };
      const out = await run(integrity);
      expect(readFileSync(join(out, 'node_modules/@img/fake-arm64/lib/fake.node'), 'utf8')).toBe(
        'ELF',
      );
      await expect(run(`sha512-${Buffer.alloc(64).toString('base64')}`)).rejects.toThrow(
        /integrity/,
      );
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
