import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoDocumentClient } from '../../adapters/dynamo-client.js';
import { DynamoSubmissionStore } from '../../adapters/dynamo-submission-store.js';
import { ingestFiles } from '../../bin/commands/ingest.js';
import type { LocalTarget } from '../../bin/target.js';
import {
  blankPng,
  brokenPageTreePdf,
  DAMAGE_KINDS,
  damagedImage,
  headerlessText,
  hugeFigureText,
  lyingZipBomb,
  manyFiguresText,
  manyPagePdf,
} from '../../scripts/hostile-files.js';
import { reportText } from '../../scripts/report-text.js';
import { roundStatus } from '../../shared/ingest/round-status.js';
import type { NewSubmission } from '../../shared/ports/submission-store.js';
import { registry2025 } from '../helpers/fixtures.js';
import { openTestTarget } from '../helpers/stack.js';

// Hostile uploads through the whole embedded path (s3rver → queue → the unchanged handler →
// dynalite), mixed with good ones in the same run.
const registry = registry2025();
const units = registry.unitsOf('40').slice(0, 12);
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

let home: string;
let target: LocalTarget;
beforeAll(async () => {
  ({ home, target } = await openTestTarget('hostile'));
});
afterAll(async () => {
  await target.close();
});

const write = (dir: string, name: string, bytes: Uint8Array | string) => {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), bytes);
  return join(dir, name);
};

describe('embedded stack: hostile uploads', () => {
  it('records every hostile file with a status and a Vietnamese reason; the good ones pass; no DLQ', async () => {
    const dir = join(home, 'hostile');
    const [u1, u2, u3, u4, u5, u6, u7, u8, g1, g2] = units;
    const hostile = [
      write(join(dir, u1!.code), 'so-lon.txt', hugeFigureText(u1!)),
      write(join(dir, u2!.code), 'nhieu-so.txt', manyFiguresText(u2!)),
      write(join(dir, u3!.code), 'cay-trang-hong.pdf', brokenPageTreePdf()),
      write(join(dir, u4!.code), '10000-trang.pdf', manyPagePdf(10_000)),
      write(join(dir, u5!.code), 'bom.docx', await lyingZipBomb(48)),
      write(join(dir, u6!.code), 'khong-dau.txt', headerlessText()),
      write(join(dir, u7!.code), 'rong.docx', new Uint8Array()),
      write(join(dir, u8!.code), `${'bao-cao-rat-dai-'.repeat(15)}.txt`, reportText(u8!)),
    ];
    const good = [
      write(join(dir, g1!.code), 'bc.txt', reportText(g1!)),
      write(join(dir, g2!.code), 'bc.txt', reportText(g2!)),
    ];
    const results = [];
    for (const file of [...hostile, ...good]) {
      const unit = file.split('/').at(-2)!;
      results.push(
        ...(await ingestFiles(target, [file], { province: '40', round: '2026-H1', unit })),
      );
    }
    for (const r of results) {
      expect(r.status, r.file).not.toBe('pending');
      expect(r.unitCode, r.file).toBe(r.file.split('/').at(-2));
    }
    for (const r of results.slice(0, hostile.length - 1)) {
      expect(r.status, r.file).not.toBe('accepted');
      expect(
        r.diagnostics.some((d) => VIETNAMESE.test(d.message)),
        r.file,
      ).toBe(true);
    }
    expect(results.slice(hostile.length - 1).map((r) => r.status)).toEqual([
      'accepted',
      'accepted',
      'accepted',
    ]);
    expect(await target.ports.deadLetters.list()).toHaveLength(0);
  }, 240_000);
});

describe("embedded stack: damaged photos are the file's problem", () => {
  it('each decoder error ends as `rejected` with one plain reason; the run and the next upload go on', async () => {
    const dir = join(home, 'damaged');
    const u = units[3]!;
    const named = [
      write(dir, 'nua.png', (await damagedImage('cut short', 3)).bytes),
      write(dir, 'khong-quet.jpg', (await damagedImage('no scan data', 1)).bytes),
      write(dir, 'vong.tif', (await damagedImage('looping directories', 2)).bytes),
      write(dir, 'rong-60000.png', blankPng(60_000, 800)),
    ];
    // The kind, from seeds: cuts at other offsets of each format, and the other damages again.
    const seeds = Array.from({ length: 6 }, (_, i) => 1000 + i * 7919);
    const generated = await Promise.all(
      seeds.map(async (seed, i) => {
        const f = await damagedImage(DAMAGE_KINDS[i % DAMAGE_KINDS.length]!, seed);
        return write(dir, `${seed}-${f.name}`, f.bytes);
      }),
    );
    const opts = { province: '40', round: '2026-H1', unit: u.code };
    const results = await ingestFiles(target, [...named, ...generated], opts);
    expect(results).toHaveLength(named.length + generated.length);
    for (const r of results) {
      expect(r.status, r.file).toBe('rejected');
      expect(r.diagnostics[0]?.message, r.file).toMatch(VIETNAMESE);
      expect(r.diagnostics[0]?.message, r.file).not.toMatch(/lỗi hệ thống|Error|undefined/);
    }
    const good = write(dir, 'bc.txt', reportText(u, { computers: 9 }));
    const [after] = await ingestFiles(target, [good], opts);
    expect(after?.status).toBe('accepted');
    expect(await target.ports.deadLetters.list()).toHaveLength(0);
  }, 300_000);
});

describe('embedded stack: isolation', () => {
  it('an ingest run waits for its own uploads, not for a poison message already queued', async () => {
    const queue = target.stack.ingestQueue;
    const poison = queue.send('not an S3 event');
    const u = units[0]!;
    const file = write(join(home, 'own'), 'bc.txt', reportText(u, { computers: 7 }));
    const [r] = await ingestFiles(target, [file], {
      province: '40',
      round: '2026-9M',
      unit: u.code,
    });
    expect(r).toMatchObject({ status: 'accepted', unitCode: u.code });
    // The poison message was not received by this run: it waits for its own turn.
    const left = JSON.parse(
      readFileSync(join(home, 'queues', 'ingest', 'messages', `${poison}.json`), 'utf8'),
    );
    expect(left.receiveCount).toBe(0);
    queue.delete(poison);
  }, 60_000);
});

describe('embedded stack: versions', () => {
  it('a → b → a leaves three versions with a current, and every original kept', async () => {
    const u = units[9]!;
    const dir = join(home, 'aba');
    const a = reportText(u, { computers: 40 });
    const b = reportText(u, { computers: 44 });
    const opts = { province: '40', round: '2026-FY', unit: u.code };
    const results = [];
    for (const text of [a, b, a]) {
      const file = write(dir, 'bao-cao.txt', text);
      results.push(...(await ingestFiles(target, [file], opts)));
    }
    expect(results.map((r) => r.version)).toEqual([1, 2, 3]);
    const stored = await target.ports.submissions.listRound('40', '2026-FY');
    const row = roundStatus(registry.unitsOf('40'), stored).find((r) => r.unit.code === u.code)!;
    expect(row.versions).toBe(3);
    expect(row.latest?.report?.indicators.find((i) => i.key === 'computers')?.value).toBe(40);
    // s3rver overwrote the key twice; each version's bytes are still there.
    const texts = await Promise.all(
      stored
        .sort((x, y) => x.version - y.version)
        .map(async (s) =>
          new TextDecoder().decode(
            (await target.ports.objects.get(s.file.key, s.file.versionId)).bytes,
          ),
        ),
    );
    expect(texts).toEqual([a, b, a]);
  }, 120_000);

  it('reports the upload it made, not an older record with the same bytes for another unit', async () => {
    const [u, other] = [units[10]!, units[11]!];
    const file = write(join(home, 'same'), 'bc.txt', reportText(u));
    const first = await ingestFiles(target, [file], {
      province: '40',
      round: '2026-H1',
      unit: u.code,
    });
    const second = await ingestFiles(target, [file], {
      province: '40',
      round: '2026-H1',
      unit: other.code,
    });
    expect(first[0]).toMatchObject({ unitCode: u.code, status: 'accepted' });
    expect(second[0]).toMatchObject({ unitCode: other.code, status: 'needs_review' });
    expect(second[0]!.submissionId).not.toBe(first[0]!.submissionId);
  }, 60_000);

  it('gives racing deliveries unique, gap-free version numbers, and one record per upload', async () => {
    const store = new DynamoSubmissionStore(dynamoDocumentClient(), target.stack.table);
    const s = (i: number): NewSubmission => ({
      submissionId: `race-${i}`,
      provinceCode: '40',
      roundId: '2026-RACE',
      unitCode: '16941',
      status: 'accepted',
      report: null,
      diagnostics: [],
      file: {
        bucket: 'b',
        key: `k${i}`,
        versionId: `v${i}`,
        name: 'k',
        size: 1,
        sha256: null,
        format: 'txt',
      },
      uploadedAt: '2026-06-08T02:00:00.000Z',
      processedAt: '2026-06-08T02:00:01.000Z',
    });
    // 24 uploads, each delivered twice at the same time.
    const all = await Promise.all(Array.from({ length: 48 }, (_, i) => store.record(s(i % 24))));
    const created = all.filter((r) => r.created).map((r) => r.submission.version);
    expect(created.sort((x, y) => x - y)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    for (let i = 0; i < 24; i++) {
      const pair = all.filter((r) => r.submission.submissionId === `race-${i}`);
      expect(new Set(pair.map((r) => r.submission.version)).size).toBe(1);
    }
    expect(await target.ports.submissions.listRound('40', '2026-RACE')).toHaveLength(24);
  }, 60_000);
});
