import type { Context } from 'aws-lambda';

/** The Lambda context the handler tests pass: a name, a request id and the time left. */
export const lambdaContext = (functionName: string, remainingMs: number) =>
  ({
    functionName,
    awsRequestId: 'r',
    getRemainingTimeInMillis: () => remainingMs,
  }) as unknown as Context;

/** A mocked GetObject body. */
export const s3Body = (bytes: Uint8Array) => ({ transformToByteArray: async () => bytes }) as never;

/** S3's throttling error, as the SDK shapes it: a transient fault the queue must retry. */
export const s3Throttled = () =>
  Object.assign(new Error('Please reduce your request rate.'), {
    name: 'SlowDown',
    $fault: 'server',
    $metadata: { httpStatusCode: 503 },
  });
