import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { requiredEnv } from '../../adapters/env.js';
import { tableJobDeps } from '../../adapters/job-deps.js';
import { handlerMetrics } from '../../adapters/metrics.js';
import { sqs } from '../../adapters/sqs-client.js';
import { SqsOutbox } from '../../adapters/sqs-outbox.js';
import { runDigestJob } from '../../shared/reminders/jobs.js';

const logger = new Logger({ serviceName: 'tonghop-digest' });
const metrics = handlerMetrics('tonghop-digest');
const deps = tableJobDeps(
  requiredEnv('TABLE_NAME'),
  new SqsOutbox(sqs(), requiredEnv('MAIL_QUEUE_URL')),
);

/** Daily (EventBridge Scheduler): the digest of each round whose deadline was yesterday. */
export const handler = middy(async (event: { now?: string; roundId?: string } = {}) => {
  const run = await runDigestJob(
    requiredEnv('PROVINCE_CODE'),
    event.now ? new Date(event.now) : new Date(),
    deps,
    { roundId: event.roundId },
  );
  // Published on every run, 0 included: the alarm also fires when no run reports at all.
  metrics.addMetric('DigestsOverdue', MetricUnit.Count, run.overdue.length);
  if (run.overdue.length)
    logger.warn('digest not sent a day after it was due', { overdue: run.overdue });
  logger.info('digests queued', { rounds: run.jobs.map((j) => j.roundId) });
  return { queued: run.jobs.length, overdue: run.overdue };
})
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics));
