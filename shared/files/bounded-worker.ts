import { Worker } from 'node:worker_threads';

/**
 * A library that reads hostile bytes in a worker thread of its own, with a heap limit, and
 * terminated when its time is up: a parser stuck in a loop (a cyclic chain of sectors, a form
 * that draws itself) or filling its heap must never take the process that waits with it.
 * `source` is plain JavaScript evaluated in the worker: it answers each `{ id, bytes }` message
 * with `{ id, answer }` and may use nothing but what `data` brings. One read at a time; the
 * thread stays warm between reads and is started afresh after one that did not answer in time.
 */
export interface WorkerLimits {
  heapMb: number;
  ms: number;
}

export type Bounded<A> =
  | A
  | { kind: 'slow' }
  | { kind: 'memory' }
  | { kind: 'crashed'; detail: string };

export class BoundedWorker<A> {
  private warm: Worker | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 0;

  constructor(
    private readonly source: string,
    private readonly data: () => Record<string, unknown>,
    private readonly limits: WorkerLimits,
  ) {}

  /** What the worker answered for these bytes, or why it did not. */
  read(bytes: Uint8Array): Promise<Bounded<A>> {
    // One read at a time per thread, so each read's time limit is its own.
    const answer = this.queue.then(() => this.ask(bytes));
    this.queue = answer;
    return answer;
  }

  private start(): Worker {
    const worker = new Worker(this.source, {
      eval: true,
      workerData: this.data(),
      resourceLimits: { maxOldGenerationSizeMb: this.limits.heapMb, maxYoungGenerationSizeMb: 32 },
      stdout: true,
      stderr: true,
    });
    // An idle thread never keeps the process (a CLI run, a test) alive; a pending read's timer does.
    worker.unref();
    const forget = () => {
      if (this.warm === worker) this.warm = undefined;
    };
    worker.on('error', forget);
    worker.on('exit', forget);
    return worker;
  }

  private ask(bytes: Uint8Array): Promise<Bounded<A>> {
    this.warm ??= this.start();
    const worker = this.warm;
    const id = ++this.nextId;
    return new Promise((resolve) => {
      let done = false;
      const settle = (answer: Bounded<A>, healthy: boolean) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (!healthy) {
          if (this.warm === worker) this.warm = undefined;
          void worker.terminate();
        }
        resolve(answer);
      };
      const onMessage = (m: { id: number; answer: A }) => {
        if (m.id === id) settle(m.answer, true);
      };
      const onError = (e: NodeJS.ErrnoException) =>
        settle(
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? { kind: 'memory' }
            : { kind: 'crashed', detail: e.message },
          false,
        );
      const onExit = () => settle({ kind: 'crashed', detail: 'worker exited' }, false);
      const timer = setTimeout(() => settle({ kind: 'slow' }, false), this.limits.ms);
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      worker.postMessage({ id, bytes });
    });
  }
}
