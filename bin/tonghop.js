#!/usr/bin/env node
// Runs the compiled CLI (dist/, built by `npm ci` through `prepare`); when a TypeScript source is
// newer than that build (a developer editing), runs the sources through tsx instead, so the CLI is
// never stale and nothing has to be built by hand.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The locked SDK versions support Node 20; its notice about future releases is noise for users.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = ['bin', 'shared', 'adapters', 'local', 'web'];

function newestSource(dir, newest = 0) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return newest;
  }
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) newest = newestSource(path, newest);
    else if (/\.(ts|json|js)$/.test(e.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function builtAt() {
  try {
    return statSync(join(root, 'dist', 'build-stamp')).mtimeMs;
  } catch {
    return 0;
  }
}

const built = builtAt();
if (built && SOURCES.every((d) => newestSource(join(root, d)) <= built)) {
  await import('../dist/cli.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./cli.ts');
}
