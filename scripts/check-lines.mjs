#!/usr/bin/env node
// No source line over 120 characters (Biome wraps code at 100 but cannot wrap a string or a
// regular expression). Data files (JSON, CSV, fixtures) are not source.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const MAX = 120;

const files = execFileSync(
  'git',
  ['ls-files', '-co', '--exclude-standard', '*.ts', '*.mjs', '*.cjs', '*.js'],
  {
    encoding: 'utf8',
  },
)
  .split('\n')
  .filter((f) => f && !f.startsWith('test/fixtures/'));
const over = [];
for (const file of files) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    continue; // listed by git but deleted in the work tree
  }
  text.split('\n').forEach((line, i) => {
    if (line.length > MAX) over.push(`${file}:${i + 1} (${line.length})`);
  });
}
if (over.length) {
  console.error(`Lines over ${MAX} characters:\n${over.join('\n')}`);
  process.exit(1);
}
console.log(`check-lines: ${files.length} files, no line over ${MAX} characters`);
