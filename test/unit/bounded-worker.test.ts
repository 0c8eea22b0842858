import { describe, expect, it } from 'vitest';
import { BoundedWorker } from '../../shared/files/bounded-worker.js';

// The bound every library that reads hostile bytes in a worker relies on (the .doc reader): a
// read that fills its heap or never ends is answered, its thread replaced, and the next read works.
const SOURCE = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ id, bytes }) => {
  const what = new TextDecoder().decode(bytes);
  if (what === 'fill') { const kept = []; for (;;) kept.push(new Array(100000).fill(what)); }
  if (what === 'spin') for (;;) {}
  parentPort.postMessage({ id, answer: { kind: 'ok', length: bytes.length } });
});
`;

const bytes = (s: string) => new TextEncoder().encode(s);

describe('a worker bounded in time and heap', () => {
  it('answers memory, slow, then reads the next file in a fresh thread', async () => {
    const worker = new BoundedWorker<{ kind: 'ok'; length: number }>(SOURCE, () => ({}), {
      heapMb: 32,
      ms: 1500,
    });
    expect(await worker.read(bytes('ok'))).toEqual({ kind: 'ok', length: 2 });
    expect((await worker.read(bytes('fill'))).kind).toBe('memory');
    expect((await worker.read(bytes('spin'))).kind).toBe('slow');
    expect(await worker.read(bytes('again'))).toEqual({ kind: 'ok', length: 5 });
  }, 30_000);
});
