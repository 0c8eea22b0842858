import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { ESM_REQUIRE_BANNER } from '../infra/lambda-function.js';

const root = join(import.meta.dirname, '..');
// Shipped beside the bundle, not in it (infra passes them as nodeModules); the AWS SDK v3 comes
// with the Lambda runtime, as NodejsFunction assumes for Node.js ≥ 18.
const NODE_MODULES: Record<string, string[]> = { ingest: ['pdfjs-dist'] };
const ENV = { TABLE_NAME: 't', BUCKET_NAME: 'b', MAIL_QUEUE_URL: 'https://sqs.local/q', PROVINCE_CODE: '40', SENDER_EMAIL: 'a@b.example', AWS_REGION: 'ap-southeast-1', POWERTOOLS_LOG_LEVEL: 'ERROR' };

/**
 * Each handler bundled as `cdk synth` bundles it (esbuild, ESM, minified, node22), its size, and
 * the time a fresh Node process takes to import it: the module-load part of a cold start.
 */
export async function bundleBench(out: (s?: string) => void): Promise<void> {
  out('## Lambda bundles (esbuild as in infra/lambda-function.ts; load = import in a fresh Node process, median of 5)');
  out('');
  out('| function | bundle | load |');
  out('|---|---:|---:|');
  const dir = join(root, '.tonghop', 'bundles');
  for (const handler of readdirSync(join(root, 'functions')).sort()) {
    const outfile = join(dir, handler, 'index.mjs');
    mkdirSync(join(dir, handler), { recursive: true });
    await build({
      entryPoints: [join(root, 'functions', handler, 'handler.ts')], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node22',
      minify: true, sourcemap: true, mainFields: ['module', 'main'], banner: { js: ESM_REQUIRE_BANNER },
      external: ['@aws-sdk/*', ...(NODE_MODULES[handler] ?? [])], logLevel: 'error',
    });
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', `const t = performance.now(); await import(${JSON.stringify(outfile)}); console.log(performance.now() - t);`], { env: { ...process.env, ...ENV } });
      times.push(Number(stdout.trim()));
    }
    times.sort((a, b) => a - b);
    out(`| ${handler} | ${(statSync(outfile).size / 1024).toFixed(0)} KB | ${times[2]!.toFixed(0)} ms |`);
  }
  out('');
  out('Load includes the AWS SDK clients the handler imports (from node_modules here, from the runtime on Lambda).');
}
