import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { METRICS_NAMESPACE } from '../../infra/lambda-function.js';
import type { LocalStack } from '../../local/stack.js';
import { lambdaContext } from '../helpers/lambda.js';
import { startTestStack } from '../helpers/stack.js';

let stack: LocalStack;
let handler: (e: unknown, c: Context) => Promise<{ queued: number; overdue: string[] }>;

beforeAll(async () => {
  // As on Lambda: metrics on, in the namespace infra gives every function.
  process.env.POWERTOOLS_METRICS_DISABLED = 'false';
  process.env.POWERTOOLS_METRICS_NAMESPACE = METRICS_NAMESPACE;
  process.env.PROVINCE_CODE = '40';
  process.env.MAIL_QUEUE_URL = 'https://sqs.ap-southeast-1.amazonaws.com/111111111111/mail';
  stack = await startTestStack([]);
  handler = (await import('../../functions/digest/handler.js'))
    .handler as unknown as typeof handler;
});
afterAll(async () => {
  delete process.env.POWERTOOLS_METRICS_DISABLED;
  await stack.stop();
});

const context = lambdaContext('digest', 60_000);

/** The CloudWatch embedded-metric-format lines the handler printed. */
async function emfOf(run: () => Promise<unknown>): Promise<
  Array<
    Record<string, unknown> & {
      _aws: {
        CloudWatchMetrics: Array<{
          Namespace: string;
          Dimensions: string[][];
          Metrics: Array<{ Name: string }>;
        }>;
      };
    }
  >
> {
  const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    await run();
    return write.mock.calls
      .map(([chunk]) => String(chunk))
      .filter((l) => l.includes('"_aws"'))
      .map((l) => JSON.parse(l));
  } finally {
    write.mockRestore();
  }
}

describe('digest handler', () => {
  it('publishes DigestsOverdue on every run: 0 on the day it is due, 1 the day after if unsent', async () => {
    // This province has no Department address in the table: the digest cannot go out.
    const [due] = await emfOf(() => handler({ now: '2026-06-11T08:30:00+07:00' }, context));
    expect(due).toMatchObject({ DigestsOverdue: 0, service: 'tonghop-digest' });
    expect(due!._aws.CloudWatchMetrics[0]).toMatchObject({
      Namespace: 'tonghop',
      Dimensions: [['service']],
      Metrics: [{ Name: 'DigestsOverdue' }],
    });

    let result: { overdue: string[] } | undefined;
    const [late] = await emfOf(async () => {
      result = await handler({ now: '2026-06-12T08:30:00+07:00' }, context);
    });
    expect(result!.overdue).toEqual(['2026-H1']);
    expect(late).toMatchObject({ DigestsOverdue: 1, service: 'tonghop-digest' });
  });
});
