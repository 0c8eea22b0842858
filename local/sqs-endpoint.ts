import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { FileQueue } from './file-queue.js';

// The part of SQS's JSON protocol that the functions call (SqsOutbox: SendMessageBatch, and
// SendMessage), over the embedded stack's disk queues: a handler that queues mail runs unchanged.
// Receiving is the local event-source mapping's work (delivery.ts), not this endpoint's.

type Queues = Record<string, FileQueue>;

interface Entry {
  Id?: string;
  MessageBody?: string;
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
  res.end(JSON.stringify(body));
};

const fault = (type: string, message: string) => ({
  __type: `com.amazonaws.sqs#${type}`,
  message,
});

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
}

const queued = (queue: FileQueue, e: Entry) => ({
  Id: e.Id,
  MessageId: queue.send(e.MessageBody ?? ''),
  MD5OfMessageBody: FileQueue.md5(e.MessageBody ?? ''),
});

function answer(action: string, input: Record<string, unknown>, queues: Queues): [number, unknown] {
  const name = String(input.QueueUrl ?? '')
    .split('/')
    .pop()!;
  const queue = Object.hasOwn(queues, name) ? queues[name] : undefined;
  if (!queue) return [400, fault('QueueDoesNotExist', `no local queue ${name}`)];
  if (action === 'SendMessage') {
    const { MessageId, MD5OfMessageBody } = queued(queue, input as Entry);
    return [200, { MessageId, MD5OfMessageBody }];
  }
  if (action === 'SendMessageBatch') {
    const entries = (input.Entries ?? []) as Entry[];
    return [200, { Successful: entries.map((e) => queued(queue, e)), Failed: [] }];
  }
  return [400, fault('UnsupportedOperation', `${action} is not emulated locally`)];
}

/** An SQS endpoint for the named disk queues; a queue's URL ends with its name. */
export function sqsEndpoint(queues: Queues): Server {
  return createServer((req, res) => {
    const action = String(req.headers['x-amz-target'] ?? '').replace(/^AmazonSQS\./, '');
    readBody(req)
      .then((input) => json(res, ...answer(action, input, queues)))
      .catch((e: Error) => json(res, 400, fault('InvalidParameterValue', e.message)));
  });
}
