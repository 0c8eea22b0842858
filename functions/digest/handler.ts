import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { requiredEnv } from '../../adapters/aws-clients.js';
import { sqs } from '../../adapters/sqs-client.js';
import { tableJobDeps } from '../../adapters/job-deps.js';
import { SqsOutbox } from '../../adapters/sqs-outbox.js';
import { runDigestJob } from '../../shared/reminders/jobs.js';

const logger = new Logger({ serviceName: 'tonghop-digest' });
const deps = tableJobDeps(requiredEnv('TABLE_NAME'), new SqsOutbox(sqs(), requiredEnv('MAIL_QUEUE_URL')));

/** Daily (EventBridge Scheduler): the digest of each round whose deadline was yesterday. */
export const handler = middy(async (event: { now?: string; roundId?: string } = {}) => {
  const jobs = await runDigestJob(requiredEnv('PROVINCE_CODE'), event.now ? new Date(event.now) : new Date(), deps, { roundId: event.roundId });
  logger.info('digests queued', { rounds: jobs.map((j) => j.roundId) });
  return { queued: jobs.length };
}).use(injectLambdaContext(logger, { resetKeys: true }));
