import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SQSEvent } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { drainQueue } from '../../local/delivery.js';
import { FileQueue } from '../../local/file-queue.js';

const queue = (max = 3) => new FileQueue(join(mkdtempSync(join(tmpdir(), 'tonghop-q-')), 'q'), max);

describe('FileQueue (the local SQS stand-in)', () => {
  it('hides a received message until its visibility times out', () => {
    const q = queue();
    q.send('a');
    expect(q.receive(10, 1000, 0)).toHaveLength(1);
    expect(q.receive(10, 1000, 500)).toHaveLength(0);
    const again = q.receive(10, 1000, 1500);
    expect(again.map((m) => [m.body, m.receiveCount])).toEqual([['a', 2]]);
  });

  it('survives a new process: messages are on disk', () => {
    const q = queue();
    q.send('kept');
    const reopened = new FileQueue(join((q as unknown as { live: string }).live, '..'));
    expect(reopened.receive(10, 1000).map((m) => m.body)).toEqual(['kept']);
  });

  it('dead-letters after maxReceiveCount failures and redrives with a fresh count', () => {
    const q = queue(2);
    q.send('bad');
    let m = q.receive(1, 0, 0)[0]!;
    expect(q.fail(m, 0, 0)).toBe('retry');
    m = q.receive(1, 0, 1)[0]!;
    expect(q.fail(m, 0, 1)).toBe('dlq');
    expect(q.size()).toBe(0);
    expect(q.deadLetters().map((d) => [d.body, d.receiveCount])).toEqual([['bad', 2]]);
    expect(q.redrive()).toBe(1);
    expect(q.deadLetters()).toHaveLength(0);
    expect(q.receive(1, 0)[0]?.receiveCount).toBe(1);
  });
});

describe('drainQueue (the local event source mapping)', () => {
  it('deletes what succeeded, retries only the reported failures, dead-letters the hopeless', async () => {
    const q = queue(3);
    for (const body of ['ok-1', 'flaky', 'ok-2', 'never']) q.send(body);
    const seen: string[] = [];
    let flakyFailures = 0;
    const stats = await drainQueue(
      q,
      async (event: SQSEvent) => {
        const failures = [];
        for (const r of event.Records) {
          seen.push(r.body);
          expect(r.eventSource).toBe('aws:sqs');
          if (r.body === 'never' || (r.body === 'flaky' && flakyFailures++ < 1))
            failures.push({ itemIdentifier: r.messageId });
        }
        return { batchItemFailures: failures };
      },
      { retryDelayMs: 1 },
    );
    expect(stats).toMatchObject({ delivered: 3, deadLettered: 1 });
    expect(seen.filter((b) => b === 'ok-1')).toHaveLength(1);
    expect(seen.filter((b) => b === 'flaky')).toHaveLength(2);
    expect(seen.filter((b) => b === 'never')).toHaveLength(3);
    expect(q.deadLetters().map((m) => m.body)).toEqual(['never']);
  });

  it('retries the whole batch when the handler throws', async () => {
    const q = queue(2);
    q.send('x');
    q.send('y');
    let calls = 0;
    const stats = await drainQueue(
      q,
      async () => {
        if (calls++ === 0) throw new Error('timeout');
        return { batchItemFailures: [] };
      },
      { retryDelayMs: 1 },
    );
    expect(stats).toMatchObject({ delivered: 2, retried: 2, deadLettered: 0 });
    expect(calls).toBeGreaterThanOrEqual(2);
  });

  it('keeps a message invisible while its handler works, so a second consumer never reads it too', async () => {
    const q = queue(3);
    q.send('long scan');
    const seen: string[] = [];
    const slow = async (event: SQSEvent) => {
      for (const r of event.Records) seen.push(`first:${r.body}`);
      await new Promise((r) => setTimeout(r, 400)); // eight visibility timeouts
      return { batchItemFailures: [] };
    };
    const other = async (event: SQSEvent) => {
      for (const r of event.Records) seen.push(`second:${r.body}`);
      return { batchItemFailures: [] };
    };
    // Timers and clock are simulated: a loaded machine that runs a late heartbeat after the other
    // consumer's poll would otherwise decide the outcome, not the code.
    vi.useFakeTimers();
    let a: Awaited<ReturnType<typeof drainQueue>>;
    let b: typeof a;
    try {
      const first = drainQueue(q, slow, { visibilityMs: 50 });
      // The second consumer polls the whole time the first is working, then until the queue is empty.
      const second = drainQueue(q, other, { visibilityMs: 50, stopAt: Date.now() + 600 });
      const both = Promise.all([first, second]);
      await vi.advanceTimersByTimeAsync(1000);
      [a, b] = await both;
    } finally {
      vi.useRealTimers();
    }
    expect(seen).toEqual(['first:long scan']);
    expect(a).toMatchObject({ delivered: 1, retried: 0 });
    expect(b.delivered).toBe(0);
    expect(q.size()).toBe(0);
  });

  it('refuses to change the visibility of a message received again since (a stale receipt)', () => {
    const q = queue(3);
    q.send('m');
    const [m] = q.receive(1, 10, 0);
    const [again] = q.receive(1, 10, 100);
    expect(again!.receiveCount).toBe(2);
    expect(q.changeVisibility(m!, 10_000)).toBe(false);
    expect(q.changeVisibility(again!, 10_000)).toBe(true);
    expect(q.receive(1, 10, 5_000)).toHaveLength(0);
  });
});
