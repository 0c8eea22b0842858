// Bundles a Lambda function again, split into index.mjs and the chunks its lazy imports load
// (infra/lambda-function.ts, `splitBundle`). CDK's NodejsFunction bundles into one file
// (esbuild --outfile), which esbuild cannot split; this runs after it, with the same options,
// and replaces that file and its map.
// Usage: node infra/split-bundle.mjs <esbuild options as base64 JSON>
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const options = JSON.parse(Buffer.from(process.argv[2] ?? '', 'base64').toString('utf8'));
for (const file of ['index.mjs', 'index.mjs.map'])
  rmSync(join(options.outdir, file), { force: true });
await build(options);
