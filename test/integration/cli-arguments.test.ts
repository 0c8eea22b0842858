import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// Every argument error: a Vietnamese message saying what to type, exit code 2, nothing uploaded.
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;
const ENGLISH = /\b(error|Usage|Options|required|missing|unknown|invalid|Expected)\b/;

let home: string;
let file: string;
beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'tonghop-cli-'));
  file = join(home, 'bao-cao.txt');
  writeFileSync(file, 'BÁO CÁO\n');
});

const run = (args: string[]) => runCli(args, { TONGHOP_HOME: home });

const uploaded = () => existsSync(join(home, 's3', 'tonghop-uploads', 'inbox'));

// Refused before the local stack is even started, so these may run side by side.
const early: Array<[string, string[], RegExp]> = [
  ['a lower-case round', ['ingest', 'F', '--province', '40', '--round', '2026-h1'], /2026-H1/],
  ['a path as round', ['ingest', 'F', '--province', '40', '--round', '../../x'], /<năm>-<mã>/],
  ['a province of letters', ['ingest', 'F', '--province', 'abc', '--round', '2026-H1'], /2 chữ số/],
  ['province 99', ['ingest', 'F', '--province', '99', '--round', '2026-H1'], /Không có tỉnh mã 99/],
  [
    'a unit of letters',
    ['ingest', 'F', '--province', '40', '--round', '2026-H1', '--unit', 'abc'],
    /5 chữ số/,
  ],
  [
    'a unit of another province',
    ['ingest', 'F', '--province', '40', '--round', '2026-H1', '--unit', '00004'],
    /không thuộc tỉnh 40/,
  ],
  [
    'a missing file',
    ['ingest', '/khong/co/tep.txt', '--province', '40', '--round', '2026-H1'],
    /Không tìm thấy/,
  ],
  ['a missing option', ['ingest', 'F', '--province', '40'], /thiếu tùy chọn bắt buộc --round/],
  [
    'an unknown option',
    ['status', '--province', '40', '--round', '2026-H1', '--bogus'],
    /không có tùy chọn --bogus/,
  ],
  ['an unknown command', ['nop-bao-cao'], /không có lệnh nop-bao-cao/],
  [
    'an impossible --now',
    ['remind', '--province', '40', '--now', '2026-02-30T08:00:00+07:00'],
    /không phải thời điểm có thật/,
  ],
  [
    'a --now that is no date',
    ['digest', '--province', '40', '--now', 'hôm qua'],
    /không phải thời điểm có thật/,
  ],
  [
    'rounds open in province 99',
    ['rounds', 'open', '--province', '99', '--id', '2026-9M', '--deadline', '2099-10-05'],
    /tỉnh mã 99/,
  ],
];

describe('CLI argument errors', () => {
  it('each says in Vietnamese what to type instead, exits 2 and uploads nothing', async () => {
    const results = await Promise.all(
      early.map(([, args]) => run(args.map((a) => (a === 'F' ? file : a)))),
    );
    results.forEach((r, i) => {
      const [what, , message] = early[i]!;
      expect(r.code, what).toBe(2);
      expect(r.err, what).toMatch(message);
      expect(r.err, what).toMatch(VIETNAMESE);
      expect(r.err, what).not.toMatch(ENGLISH);
    });
    expect(uploaded()).toBe(false);
  }, 120_000);

  it('with --json the error is JSON on stdout', async () => {
    const r = await run(['ingest', file, '--province', '99', '--round', '2026-H1', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toMatchObject({
      error: { field: '--province', message: expect.stringMatching(/99/) },
    });
    const missing = await run(['status', '--province', '40', '--json']);
    expect(JSON.parse(missing.out).error.message).toMatch(/thiếu tùy chọn bắt buộc --round/);
  }, 60_000);

  it('refuses an unknown round, and rounds open on an existing id, a past deadline, a used letter', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['ingest', file, '--province', '40', '--round', '2026-XX'], /không có kỳ báo cáo 2026-XX/],
      [
        ['rounds', 'open', '--province', '40', '--id', '2026-H1', '--deadline', '2099-10-05'],
        /2026-H1 đã có/,
      ],
      [
        ['rounds', 'open', '--province', '40', '--id', '2026-9M', '--deadline', '2020-10-05'],
        /đã qua/,
      ],
    ];
    for (const [args, message] of cases) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toMatch(message);
    }
    const letter = ['--request', '1464/SKHCN-KH&ĐMST'];
    const opened = await run([
      'rounds',
      'open',
      '--province',
      '40',
      '--id',
      '2026-9M',
      '--deadline',
      '2099-10-05',
      ...letter,
    ]);
    expect(opened.code).toBe(0);
    const twice = await run([
      'rounds',
      'open',
      '--province',
      '40',
      '--id',
      '2026-10M',
      '--deadline',
      '2099-11-05',
      ...letter,
    ]);
    expect(twice.code).toBe(2);
    expect(twice.err).toMatch(/đã là văn bản yêu cầu của kỳ 2026-9M/);
    expect(uploaded()).toBe(false);
  }, 300_000);

  it('speaks Vietnamese in help', async () => {
    const r = await run(['ingest', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Cách dùng: tonghop ingest \[tùy chọn\]/);
    expect(r.out).toMatch(/Tùy chọn:/);
    expect(r.out).not.toMatch(ENGLISH);
  }, 30_000);
});
