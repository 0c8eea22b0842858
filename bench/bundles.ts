import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { INGEST_SHIPPED_FILES } from '../infra/ingest.js';
import { esbuildOptions, splitBundle } from '../infra/lambda-function.js';
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
  // As every function runs (infra/lambda-function.ts): Node then reads each source map at load.
  NODE_OPTIONS: '--enable-source-maps',
};

/** Bytes of the .mjs files under `dir` (a split bundle: index.mjs and its chunks). */
function jsBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.mjs'))
    .reduce((n, f) => n + statSync(join(dir, f)).size, 0);
}

/**
 * Each handler bundled as `cdk synth` bundles it (esbuild, ESM, minified, node22), its size, and
 * the time a fresh Node process takes to import it: the module-load part of a cold start.
 */
async function runBundles(b: Bench): Promise<void> {
  const { out } = b;
  out('esbuild as in infra/lambda-function.ts (split: index.mjs and the chunks of lazy imports);');
  out("load = import of index.mjs in a fresh Node process with the function's NODE_OPTIONS,");
  out('median of 5, wall and CPU (the CPU is the steadier figure on a shared machine).');
  out('');
  b.row('function', 'index.mjs', 'all chunks', 'load', 'load CPU');
  b.row('---', '---:', '---:', '---:', '---:');
  const dir = join(root, '.tonghop', 'bundles');
  for (const handler of readdirSync(join(root, 'functions')).sort()) {
    const outdir = join(dir, handler);
    rmSync(outdir, { recursive: true, force: true });
    mkdirSync(outdir, { recursive: true });
    await build({
      entryPoints: [join(root, 'functions', handler, 'handler.ts')],
      ...esbuildOptions(SHIPPED[handler]),
      ...splitBundle(outdir),
    });
    const index = join(outdir, 'index.mjs');
    const times = await loadTime(b, `await import(${JSON.stringify(index)})`);
    const load = b.figure(`${handler} module load`, times.wall, 'ms', { target: atMost(200) });
    b.figure(`${handler} module load CPU`, times.cpu, 'ms');
    b.figure(`${handler} bundle`, statSync(index).size / 1024, 'KB');
    b.row(handler, kb(statSync(index).size), kb(jsBytes(outdir)), b.show(load), ms(times.cpu));
    const lazy = await lazyPart(handler, dir);
    // Loaded on first use, once per container; most scheduled runs of the rollup never need it.
    if (lazy) {
      const imports = lazy.files.map((f) => `await import(${JSON.stringify(f)})`).join('; ');
      const t = await loadTime(b, imports);
      b.row(
        `${handler}, ${lazy.label}`,
        '',
        `+ ${kb(lazy.bytes)}`,
        `+ ${ms(t.wall)}`,
        `+ ${ms(t.cpu)}`,
      );
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
const ms = (t: number): string => `${t.toFixed(0)} ms`;

/** Wall and CPU milliseconds of `code` in a fresh Node process, each the median of five runs. */
async function loadTime(b: Bench, code: string): Promise<{ wall: number; cpu: number }> {
  const runs = b.smoke ? 1 : 5;
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        'const t = performance.now(); const c = process.cpuUsage(); ' +
          `${code}; const u = process.cpuUsage(c); ` +
          'console.log(performance.now() - t, (u.user + u.system) / 1000);',
      ],
      { env: { ...process.env, ...ENV } },
    );
    const [w, c] = stdout.trim().split(' ').map(Number);
    wall.push(w!);
    cpu.push(c!);
  }
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(runs / 2)]!;
  return { wall: median(wall), cpu: median(cpu) };
}

export const bundleSection: BenchSection = {
  id: 'bundles',
  title: 'Lambda bundles and their cold-start module load',
  run: runBundles,
};
