import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// Every command, given what a person mistypes (a missing argument, a bad round, a bad file, an
// unknown flag), in both output modes: a non-zero exit, a Vietnamese message without a stack
// trace, and with --json one JSON document on stdout.
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;
const STACK = /\n\s+at .+[:(]\d+/;
const ENGLISH = /\b(error|Usage|Options|required|missing|unknown|invalid|expected|received)\b/i;

let home: string;
const paths = { text: '', binary: '', csv: '' };
beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'tonghop-cli-all-'));
  paths.text = join(home, 'bao-cao.txt');
  writeFileSync(paths.text, 'BÁO CÁO\n');
  paths.binary = join(home, 'hong.docx');
  writeFileSync(paths.binary, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0xff, 0xfe]));
  paths.csv = join(home, 'lien-he.csv');
  writeFileSync(paths.csv, 'khong,phai,danh,sach\n\u0000\u0001');
});

// A home of its own for each run: two local stacks never share one directory.
const run = (args: string[]) => runCli(args, { TONGHOP_HOME: mkdtempSync(join(home, 'run-')) });

const NO_FILE = '/khong/co/tep-nay.txt';
const P = ['--province', '40'];

/** Bad invocations of each command; `F` is a readable text, `B` a damaged .docx, `C` a bad CSV. */
const CASES: string[][] = [
  ['parse'],
  ['parse', NO_FILE],
  ['parse', 'B'],
  ['parse', 'F', '--province', 'abc'],
  ['parse', 'F', '--khong-co'],
  ['parse', 'F', 'B'], // several files are the photos of one report: a text among them is refused
  ['ingest'],
  ['ingest', 'F', ...P],
  ['ingest', 'F', ...P, '--round', '2026-h1'],
  ['ingest', NO_FILE, ...P, '--round', '2026-H1'],
  ['ingest', 'F', ...P, '--round', '2026-H1', '--khong-co'],
  ['status'],
  ['status', ...P, '--round', '../x'],
  ['status', ...P, '--round', '2026-H1', '--khong-co'],
  ['units', 'import', NO_FILE],
  ['units', 'import', 'C'],
  ['units', 'import', '--khong-co'],
  ['units', 'khong-co'],
  ['dlq', 'list', '--khong-co'],
  ['dlq', 'redrive', 'thua'],
  ['rounds', 'open'],
  ['rounds', 'open', ...P, '--id', 'ky 9 thang', '--deadline', '2099-10-05'],
  ['rounds', 'open', ...P, '--id', '2099-9M', '--deadline', '2099-02-30'],
  ['rounds', 'list'],
  ['rounds', 'list', '--province', '99'],
  ['remind'],
  ['remind', ...P, '--now', '2026-02-30T08:00:00+07:00'],
  ['remind', ...P, '--khong-co'],
  ['digest'],
  ['digest', ...P, '--round', '2026-XYZ!'],
  ['digest', ...P, '--now', 'hom qua'],
  ['rollup'],
  ['rollup', ...P, '--round', '2026-h1'],
  ['rollup', '--province', 'abc', '--round', '2026-H1'],
  ['serve', '--port', 'abc'],
  ['serve', '--khong-co'],
  ['demo', '--serve', '99999'],
  ['khong-co-lenh'],
];

const expand = (args: string[]) =>
  args.map((a) => ({ F: paths.text, B: paths.binary, C: paths.csv })[a] ?? a);

async function inPool<T, R>(items: T[], n: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

/** What is wrong with one run's output, or null. */
function problemOf(args: string[], r: { code: number; out: string; err: string }): string | null {
  if (r.code === 0) return 'exit code 0';
  if (args.includes('--json')) {
    let doc: { error?: { message?: string } };
    try {
      doc = JSON.parse(r.out);
    } catch {
      return `stdout is not JSON: ${JSON.stringify(r.out.slice(0, 200))} ${r.err.slice(0, 300)}`;
    }
    const message = doc.error?.message ?? '';
    if (!VIETNAMESE.test(message) || STACK.test(message)) return `JSON error: ${message}`;
    return null;
  }
  if (!VIETNAMESE.test(r.err) || STACK.test(r.err) || ENGLISH.test(r.err))
    return `stderr: ${r.err.slice(0, 300)}`;
  return r.out ? `stdout: ${r.out.slice(0, 200)}` : null;
}

describe('every CLI command with bad input', () => {
  it('exits non-zero with a Vietnamese message, and with --json prints JSON', async () => {
    const runs = CASES.flatMap((c) => [expand(c), [...expand(c), '--json']]);
    const results = await inPool(runs, 3, run);
    const wrong = runs.flatMap((args, i) => {
      const problem = problemOf(args, results[i]!);
      return problem ? [`${args.join(' ')}: ${problem}`] : [];
    });
    expect(wrong).toEqual([]);
  }, 600_000);
});
