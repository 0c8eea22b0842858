import { createHash, randomUUID } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

export interface QueuedMessage {
  messageId: string;
  body: string;
  receiveCount: number;
  sentAt: number;
  firstReceivedAt: number | null;
  visibleAt: number;
}

/**
 * A small SQS stand-in on disk for the embedded stack (no SQS emulator exists on npm): messages
 * survive a killed process, a received message is invisible until deleted or its visibility
 * times out, and after `maxReceiveCount` failed receives it moves to the dead-letter queue.
 */
export class FileQueue {
  private readonly live: string;
  private readonly dead: string;
  private readonly listeners = new Set<() => void>();

  constructor(
    dir: string,
    readonly maxReceiveCount = 3,
  ) {
    this.live = join(dir, 'messages');
    this.dead = join(dir, 'dlq');
    mkdirSync(this.live, { recursive: true });
    mkdirSync(this.dead, { recursive: true });
  }

  private write(dir: string, m: QueuedMessage): void {
    const tmp = join(dir, `.${m.messageId}.tmp`);
    writeFileSync(tmp, JSON.stringify(m));
    renameSync(tmp, join(dir, `${m.messageId}.json`));
  }

  private readAll(dir: string): QueuedMessage[] {
    const out: QueuedMessage[] = [];
    for (const f of readdirSync(dir)) {
      if (!f.endsWith('.json')) continue;
      try {
        out.push(JSON.parse(readFileSync(join(dir, f), 'utf8')) as QueuedMessage);
      } catch {
        // A file half-written by a killed process has no rename yet; skip what cannot be read.
      }
    }
    return out.sort((a, b) => a.sentAt - b.sentAt || a.messageId.localeCompare(b.messageId));
  }

  send(body: string): string {
    // Time-ordered ids keep delivery roughly first-in first-out, as a standard queue mostly does.
    const messageId = `${Date.now().toString(36).padStart(9, '0')}-${randomUUID()}`;
    this.write(this.live, {
      messageId,
      body,
      receiveCount: 0,
      sentAt: Date.now(),
      firstReceivedAt: null,
      visibleAt: 0,
    });
    for (const listener of this.listeners) listener();
    return messageId;
  }

  /**
   * Calls `listener` after each message this process sends, so that a consumer in the same
   * process (the portal's delivery loop) starts at once instead of at its next look. Returns the
   * unsubscribe.
   */
  onSend(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Up to `max` visible messages (of those `select` admits), made invisible for `visibilityMs`. */
  receive(
    max: number,
    visibilityMs: number,
    now = Date.now(),
    select: (m: QueuedMessage) => boolean = () => true,
  ): QueuedMessage[] {
    const batch = this.readAll(this.live)
      .filter((m) => m.visibleAt <= now && select(m))
      .slice(0, max);
    for (const m of batch) {
      m.receiveCount++;
      m.firstReceivedAt ??= now;
      m.visibleAt = now + visibilityMs;
      this.write(this.live, m);
    }
    return batch;
  }

  /**
   * SQS's ChangeMessageVisibility: a message still being worked on stays invisible. Refused (false)
   * when the message is gone or was received again since (a stale receipt handle).
   */
  changeVisibility(m: QueuedMessage, visibleAt: number): boolean {
    let current: QueuedMessage;
    try {
      current = JSON.parse(readFileSync(join(this.live, `${m.messageId}.json`), 'utf8'));
    } catch {
      return false;
    }
    if (current.receiveCount !== m.receiveCount) return false;
    this.write(this.live, { ...current, visibleAt });
    return true;
  }

  delete(messageId: string): void {
    rmSync(join(this.live, `${messageId}.json`), { force: true });
  }

  /** A failed message: visible again after `delayMs`, or dead-lettered once it has been received too often. */
  fail(m: QueuedMessage, delayMs: number, now = Date.now()): 'retry' | 'dlq' {
    if (m.receiveCount >= this.maxReceiveCount) {
      this.write(this.dead, { ...m, visibleAt: 0 });
      this.delete(m.messageId);
      return 'dlq';
    }
    this.write(this.live, { ...m, visibleAt: now + delayMs });
    return 'retry';
  }

  size(): number {
    return this.readAll(this.live).length;
  }

  nextVisibleAt(select: (m: QueuedMessage) => boolean = () => true): number | null {
    const all = this.readAll(this.live).filter(select);
    return all.length ? Math.min(...all.map((m) => m.visibleAt)) : null;
  }

  deadLetters(): QueuedMessage[] {
    return this.readAll(this.dead);
  }

  /** Moves dead letters back to the queue with a fresh receive count, as SQS redrive does. */
  redrive(): number {
    const dead = this.deadLetters();
    for (const m of dead) {
      this.write(this.live, { ...m, receiveCount: 0, visibleAt: 0, firstReceivedAt: null });
      rmSync(join(this.dead, `${m.messageId}.json`), { force: true });
    }
    return dead.length;
  }

  static md5(body: string): string {
    return createHash('md5').update(body).digest('hex');
  }

  static exists(dir: string): boolean {
    return existsSync(join(dir, 'messages'));
  }
}
