#!/usr/bin/env node
// Compiles the CLI to dist/ (run by `npm ci` and `npm install` through `prepare`), so a command
// starts as plain JavaScript instead of compiling TypeScript at every start. Code splitting keeps
// each command's modules in their own chunks: `--help` loads none of them.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

let build;
try {
  ({ build } = await import('esbuild'));
} catch {
  // An install without devDependencies: the launcher runs the sources through tsx instead.
  process.exit(0);
}
const outdir = new URL('../dist/', import.meta.url).pathname;
rmSync(outdir, { recursive: true, force: true });
// The national unit list checked once here and shipped as JSON (bin/registry.ts reads it), so no
// command parses and checks the CSV at its start.
const unitsModule = `${outdir}.units-json.mjs`;
await build({
  stdin: {
    contents: [
      "export { shippedUnitsJson } from './shared/units/load-units.ts';",
      "export { checkedCatalogueJson } from './shared/reader/catalogue.ts';",
      "export { shippedSyllablesJson } from './shared/text/words/inventory.ts';",
    ].join('\n'),
    resolveDir: new URL('..', import.meta.url).pathname,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'node',
  packages: 'external',
  outfile: unitsModule,
  logLevel: 'warning',
});
const { shippedUnitsJson, checkedCatalogueJson, shippedSyllablesJson } = await import(unitsModule);
const csv = readFileSync(new URL('../data/vn-admin-units-2025.csv', import.meta.url), 'utf8');
writeFileSync(`${outdir}units.json`, shippedUnitsJson(csv));
rmSync(unitsModule);
// What every start would otherwise compute the same way: the indicator catalogue checked by its
// schema (a bad entry fails this build) and the syllables of the word model's grammar.
await build({
  entryPoints: ['bin/cli.ts'],
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  outdir,
  logLevel: 'warning',
  define: {
    TONGHOP_CHECKED_CATALOGUE: JSON.stringify(checkedCatalogueJson()),
    TONGHOP_SYLLABLES: JSON.stringify(shippedSyllablesJson()),
  },
});
// The launcher compares source times with this stamp and falls back to tsx when a source is newer.
writeFileSync(`${outdir}build-stamp`, new Date().toISOString());
