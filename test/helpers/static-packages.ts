import { join } from 'node:path';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..', '..');

/** The packages a module loads before any of its code runs: its static imports, followed through. */
export async function staticPackages(entry: string): Promise<Set<string>> {
  const { metafile } = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outdir: join(root, '.tonghop', 'lazy-imports'),
    logLevel: 'silent',
  });
  const seen = new Set([entry]);
  const queue = [entry];
  const packages = new Set<string>();
  while (queue.length) {
    for (const imp of metafile.inputs[queue.shift()!]?.imports ?? []) {
      if (imp.kind !== 'import-statement') continue;
      if (imp.external) packages.add(imp.path);
      else if (!seen.has(imp.path)) {
        seen.add(imp.path);
        queue.push(imp.path);
      }
    }
  }
  return packages;
}
