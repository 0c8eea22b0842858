import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { INGEST_SHIPPED_FILES } from '../infra/ingest.js';
import { esbuildOptions } from '../infra/lambda-function.js';
import { OCR_SHIPPED_FILES } from '../infra/ocr.js';
import { atMost, type Bench, type BenchSection } from './bench.js';

const root = join(import.meta.dirname, '..');
// Files shipped beside a bundle, not in it, as infra ships them (each function's `shipFiles`).
// Without the OCR entry this bench bundled tesseract.js into the OCR function, which the deployed
// bundle never does, and that bundle threw on import (`__dirname` is not defined in an ES module).
const SHIPPED: Record<string, string[]> = {
  ingest: INGEST_SHIPPED_FILES,
  ocr: OCR_SHIPPED_FILES,
};
const ENV = {
  TABLE_NAME: 't',
  BUCKET_NAME: 'b',
  MAIL_QUEUE_URL: 'https://sqs.local/q',
  PROVINCE_CODE: '40',
  SENDER_EMAIL: 'a@b.example',
  AWS_REGION: 'ap-southeast-1',
  POWERTOOLS_LOG_LEVEL: 'ERROR',
  PORTAL_URL: 'https://portal.example',
  PORTAL_PROVINCES: '40',
  COGNITO_CLIENT_ID: 'client',
  COGNITO_USER_POOL_ID: 'ap-southeast-1_pool',
};

/**
 * Each handler bundled as `cdk synth` bundles it (esbuild, ESM, minified, node22), its size, and
 * the time a fresh Node process takes to import it: the module-load part of a cold start.
 */
async function runBundles(b: Bench): Promise<void> {
  const { out } = b;
  out(
    'esbuild as in infra/lambda-function.ts; load = import in a fresh Node process, median of 5.',
  );
  out('');
  b.row('function', 'bundle', 'load');
  b.row('---', '---:', '---:');
  const dir = join(root, '.tonghop', 'bundles');
  const runs = b.smoke ? 1 : 5;
  const loadTime = async (code: string): Promise<number> => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `const t = performance.now(); ${code}; console.log(performance.now() - t);`,
        ],
        { env: { ...process.env, ...ENV } },
      );
      times.push(Number(stdout.trim()));
    }
    return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
  };
  for (const handler of readdirSync(join(root, 'functions')).sort()) {
    const outfile = join(dir, handler, 'index.mjs');
    mkdirSync(join(dir, handler), { recursive: true });
    await build({
      entryPoints: [join(root, 'functions', handler, 'handler.ts')],
      outfile,
      ...esbuildOptions(SHIPPED[handler]),
    });
    const load = b.figure(
      `${handler} module load`,
      await loadTime(`await import(${JSON.stringify(outfile)})`),
      'ms',
      { target: atMost(200) },
    );
    b.figure(`${handler} bundle`, statSync(outfile).size / 1024, 'KB');
    b.row(handler, kb(statSync(outfile).size), b.show(load));
    const lazy = await lazyPart(handler, dir);
    // Loaded on first use, once per container; most scheduled runs of the rollup never need it.
    if (lazy) {
      const imports = lazy.files.map((f) => `await import(${JSON.stringify(f)})`).join('; ');
      const ms = await loadTime(imports);
      b.row(`${handler}, ${lazy.label}`, `+ ${kb(lazy.bytes)}`, `+ ${ms.toFixed(0)} ms`);
    }
  }
  out('');
  out('The AWS SDK clients are bundled in (infra/lambda-function.ts says why).');
}

/** What a handler imports lazily: pdf.js (shipped beside the ingest bundle), the rollup's renderers. */
async function lazyPart(
  handler: string,
  dir: string,
): Promise<{ label: string; files: string[]; bytes: number } | null> {
  if (SHIPPED[handler]) {
    const files = SHIPPED[handler]
      .filter((f) => f.endsWith('.mjs'))
      .map((f) => join(root, 'node_modules', f));
    return {
      label: 'on its first PDF: + pdf.js',
      files,
      bytes: files.reduce((n, f) => n + statSync(f).size, 0),
    };
  }
  if (handler !== 'rollup') return null;
  const outfile = join(dir, 'rollup-renderers.mjs');
  const renderers = ['rollup-docx', 'rollup-xlsx', 'rollup-html']
    .map((m) => `export * from './shared/rollup/${m}.js';`)
    .join('\n');
  await build({
    stdin: { contents: renderers, resolveDir: root, loader: 'ts' },
    outfile,
    ...esbuildOptions(),
  });
  return {
    label: 'on its first render: + DOCX, XLSX, HTML renderers (bundled apart to measure)',
    files: [outfile],
    bytes: statSync(outfile).size,
  };
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`;

export const bundleSection: BenchSection = {
  id: 'bundles',
  title: 'Lambda bundles and their cold-start module load',
  run: runBundles,
};
