import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// The README and docs/ stay true: every relative link (and its #anchor) leads somewhere, every
// `tonghop` command they quote is one the CLI lists, every `npm run` script exists, and every
// repository path they quote in backticks is there.

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const pages = [
  'README.md',
  'ARCHITECTURE.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const text = new Map(pages.map((p) => [p, readFileSync(join(root, p), 'utf8')]));

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(markdown: string): Set<string> {
  const out = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const m = !fenced && /^#{1,6}\s+(.*)$/.exec(line);
    if (m) out.add(slug(m[1]!));
  }
  return out;
}

/** Code spans and fenced blocks: where commands and paths are quoted. */
function codeOf(markdown: string): string[] {
  const blocks = [...markdown.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const spans = [...markdown.replace(/```[\s\S]*?```/g, '').matchAll(/`([^`\n]+)`/g)].map(
    (m) => m[1]!,
  );
  return [...blocks, ...spans];
}

describe('README and docs/', () => {
  let commands: Set<string>;
  const subcommands = new Map<string, Set<string>>();

  beforeAll(async () => {
    const helpCommands = (out: string) =>
      new Set([...out.split('Lệnh:')[1]!.matchAll(/^ {2}([a-z-]+)/gm)].map((m) => m[1]!));
    commands = helpCommands((await runCli(['--help'], {})).out);
    for (const parent of ['units', 'rounds', 'dlq', 'trust']) {
      if (commands.has(parent))
        subcommands.set(parent, helpCommands((await runCli([parent, '--help'], {})).out));
    }
  }, 60_000);

  it('has the pages a reader is sent to, and a README under 10 KB', () => {
    for (const page of ['nguoi-dung', 'cli', 'deploy', 'reading', 'security', 'performance'])
      expect(text.has(`docs/${page}.md`), page).toBe(true);
    expect(Buffer.byteLength(text.get('README.md')!)).toBeLessThanOrEqual(10 * 1024);
  });

  it('links only to files and headings that exist', () => {
    const broken: string[] = [];
    for (const [page, md] of text) {
      for (const m of md.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1]!;
        if (/^[a-z]+:/i.test(target)) continue;
        const [path, anchor] = target.split('#') as [string, string | undefined];
        const file = path ? join(dirname(join(root, page)), path) : join(root, page);
        if (!existsSync(file)) broken.push(`${page}: ${target}`);
        else if (anchor && file.endsWith('.md')) {
          const md2 = readFileSync(file, 'utf8');
          if (!anchorsOf(md2).has(anchor)) broken.push(`${page}: ${target} (no such heading)`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('quotes only commands the CLI lists and scripts package.json has', () => {
    const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts;
    const unknown: string[] = [];
    for (const [page, md] of text) {
      for (const code of codeOf(md)) {
        for (const m of code.matchAll(/\btonghop(?: --aws)? ([a-z][a-z-]*)(?: ([a-z][a-z-]*))?/g)) {
          const [, cmd, sub] = m as unknown as [string, string, string | undefined];
          if (!commands.has(cmd)) unknown.push(`${page}: tonghop ${cmd}`);
          const subs = subcommands.get(cmd);
          if (subs && sub && !subs.has(sub)) unknown.push(`${page}: tonghop ${cmd} ${sub}`);
        }
        for (const m of code.matchAll(/\bnpm run ([a-z:-]+)/g))
          if (!(m[1]! in scripts)) unknown.push(`${page}: npm run ${m[1]}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it('quotes only repository paths that exist', () => {
    const missing: string[] = [];
    const pathLike =
      /^(?:\.\/)?((?:shared|adapters|functions|web|local|bin|infra|bench|scripts|test|examples|data|docs)\/[\w./-]+)$/;
    for (const [page, md] of text) {
      for (const code of codeOf(md)) {
        for (const word of code.split(/[\s(),:;]+/)) {
          const m = pathLike.exec(word.replace(/[.`]+$/, ''));
          if (!m || m[1]!.includes('<') || m[1]!.includes('*')) continue;
          if (!existsSync(join(root, m[1]!))) missing.push(`${page}: ${relative(root, m[1]!)}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
