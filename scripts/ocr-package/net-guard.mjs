// Preloaded (node --import) into the OCR function's process and its worker threads: any connection
// to a host other than this machine, and any fetch, throws. The embedded stack's DynamoDB, S3 and
// SQS listen on 127.0.0.1; the Tesseract model, core and worker must come from the package's files.
import net from 'node:net';
import { isMainThread, threadId } from 'node:worker_threads';

const LOCAL = new Set(['127.0.0.1', 'localhost', '::1']);
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guarded(...args) {
  const [first, second] = args;
  const options =
    typeof first === 'object' && first !== null && !Array.isArray(first) ? first : null;
  const host = options ? options.host : typeof second === 'string' ? second : undefined;
  if (!options?.path && host && !LOCAL.has(host)) throw new Error(`network refused: ${host}`);
  return connect.apply(this, args);
};
globalThis.fetch = async (url) => {
  throw new Error(`fetch refused: ${url}`);
};
process.stderr.write(`net-guard: ${isMainThread ? 'main thread' : `worker thread ${threadId}`}\n`);
