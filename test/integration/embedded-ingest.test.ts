import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../bin/commands/ingest.js';
import type { LocalTarget } from '../../bin/target.js';
import { docxFromText } from '../../scripts/report-files.js';
import { reportText } from '../../scripts/report-text.js';
import type { Unit } from '../../shared/schemas/unit.js';
import { registry2025 } from '../helpers/fixtures.js';
import { openTestTarget } from '../helpers/stack.js';

// The whole path on real wire protocols: s3rver upload → ObjectCreated event → disk queue →
// the unchanged Lambda handler → dynalite. Units with a name unique in the province, so that the
// "_" folder (unit read from the header) always resolves.
const registry = registry2025();
const units40 = registry
  .unitsOf('40')
  .filter((u, _, all) => all.filter((x) => x.name === u.name).length === 1);

function writeReports(dir: string, units: Unit[], computers = 42): string {
  mkdirSync(dir, { recursive: true });
  for (const u of units)
    writeFileSync(join(dir, `bao-cao-${u.code}.txt`), reportText(u, { computers }));
  return dir;
}

let home: string;
let target: LocalTarget;
beforeAll(async () => {
  ({ home, target } = await openTestTarget('int'));
});
afterAll(async () => {
  await target.close();
});

// Each test has its own units (or its own messages), so that none depends on another's records.
describe('embedded stack: ingest', () => {
  it('records 100 reports once each, and nothing more when they are sent again', async () => {
    const units = units40.slice(0, 100);
    const ours = (s: { unitCode: string }) => units.some((u) => u.code === s.unitCode);
    const deadBefore = (await target.ports.deadLetters.list()).length;
    const dir = writeReports(join(home, 'in-100'), units);
    const first = await ingestFiles(target, [dir], { province: '40', round: '2026-H1' });
    expect(first.filter((r) => r.status === 'accepted')).toHaveLength(100);
    expect(new Set(first.map((r) => r.unitCode)).size).toBe(100);

    const again = await ingestFiles(target, [dir], { province: '40', round: '2026-H1' });
    expect(again.map((r) => r.submissionId)).toEqual(first.map((r) => r.submissionId));
    const stored = (await target.ports.submissions.listRound('40', '2026-H1')).filter(ours);
    expect(stored).toHaveLength(100);
    expect(stored.every((s) => s.version === 1)).toBe(true);
    expect(await target.ports.deadLetters.list()).toHaveLength(deadBefore);
  }, 180_000);

  it('keeps both versions of a corrected report, and the original files in S3', async () => {
    const u = units40.at(-1)!; // not among the hundred above
    const opts = { province: '40', round: '2026-H1', unit: u.code };
    const [v1] = await ingestFiles(target, [writeReports(join(home, 'first'), [u])], opts);
    expect(v1).toMatchObject({ unitCode: u.code, status: 'accepted', version: 1 });
    const dir = join(home, 'fix');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'Báo cáo sửa lần 2.docx'),
      await docxFromText(reportText(u, { computers: 50 })),
    );
    const [r] = await ingestFiles(target, [dir], opts);
    expect(r).toMatchObject({ unitCode: u.code, status: 'accepted', version: 2 });
    const history = (await target.ports.submissions.unitHistory(u.code)).filter(
      (s) => s.roundId === '2026-H1',
    );
    expect(
      history.map((s) => s.report?.indicators.find((i) => i.key === 'computers')?.value).sort(),
    ).toEqual([42, 50]);
    const original = await target.ports.objects.get(history.find((s) => s.version === 2)!.file.key);
    expect(original.bytes.length).toBe(history.find((s) => s.version === 2)!.file.size);
  });

  it('sends a message that keeps failing to the DLQ after 3 receives, lists it and redrives it', async () => {
    const body = `not an S3 event ${Date.now()}`;
    const mine = async () => (await target.ports.deadLetters.list()).filter((d) => d.body === body);
    target.stack.ingestQueue.send(body);
    const stats = await target.settle();
    expect(stats).toMatchObject({ deadLettered: 1 });
    expect((await mine()).map((d) => [d.body, d.receiveCount])).toEqual([[body, 3]]);
    const dead = (await target.ports.deadLetters.list()).length;
    expect(await target.ports.deadLetters.redrive()).toBe(dead);
    expect(await target.ports.deadLetters.list()).toHaveLength(0);
    await target.settle();
    expect(await mine()).toHaveLength(1);
  });
});

describe('embedded stack: a CLI run killed mid-way', () => {
  const cli = fileURLToPath(new URL('../../bin/tonghop.js', import.meta.url));
  const run = (args: string[], env: NodeJS.ProcessEnv) =>
    spawn(process.execPath, [cli, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });

  it('leaves exactly one record per file after the rerun', async () => {
    // The other tests' stack holds this home's database lock; this one gets its own.
    const killHome = mkdtempSync(join(tmpdir(), 'tonghop-kill-'));
    const dir = writeReports(join(killHome, 'in'), units40.slice(0, 60));
    const env = {
      TONGHOP_HOME: killHome,
      // Long enough that a message still being read on a loaded machine is not delivered a
      // second time (a twin in progress fails, and three receives send it to the DLQ); short
      // enough that what the killed run held comes back soon.
      TONGHOP_VISIBILITY_MS: '5000',
      TONGHOP_RETRY_DELAY_MS: '20',
    };
    const args = ['ingest', dir, '--province', '40', '--round', '2026-H1', '--json'];
    const messages = join(killHome, 'queues', 'ingest', 'messages');

    const first = run(args, env);
    const exited = new Promise((r) => first.once('exit', r));
    // Kill once processing has begun: all uploads queued, some messages consumed.
    let sawQueue = false;
    for (let i = 0; i < 600; i++) {
      await new Promise((r) => setTimeout(r, 50));
      let left = -1;
      try {
        left = readdirSync(messages).filter((f) => f.endsWith('.json')).length;
      } catch {
        /* not yet created */
      }
      if (left >= 55) sawQueue = true;
      if (sawQueue && left < 45) break;
    }
    first.kill('SIGKILL');
    await exited;
    expect(sawQueue).toBe(true);

    const second = run(args, env);
    let out = '';
    second.stdout.on('data', (c) => (out += c));
    const code = await new Promise((r) => second.once('exit', r));
    expect(code).toBe(0);
    const results = JSON.parse(out) as Array<{ status: string; unitCode: string; version: number }>;
    expect(results).toHaveLength(60);
    expect(results.every((r) => r.status === 'accepted' && r.version === 1)).toBe(true);

    const status = run(['status', '--province', '40', '--round', '2026-H1', '--json'], env);
    let json = '';
    status.stdout.on('data', (c) => (json += c));
    await new Promise((r) => status.once('exit', r));
    const report = JSON.parse(json) as { rows: Array<{ status: string; versions: number }> };
    const sent = report.rows.filter((r) => r.status !== 'missing');
    expect(sent).toHaveLength(60);
    expect(sent.every((r) => r.versions === 1)).toBe(true);
  }, 180_000);
});
