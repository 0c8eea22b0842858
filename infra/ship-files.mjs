// Copies files and folders of installed packages beside a Lambda bundle, from this project's
// node_modules, so `cdk synth` needs no network (NodejsFunction's nodeModules option runs npm
// install). A folder is copied with everything under it.
// Usage: node infra/ship-files.mjs <bundle dir> <package/path> ...
import { cpSync } from 'node:fs';
import { join } from 'node:path';

const [outputDir, ...files] = process.argv.slice(2);
const root = join(import.meta.dirname, '..');
for (const file of files)
  cpSync(join(root, 'node_modules', file), join(outputDir, 'node_modules', file), {
    recursive: true,
  });
