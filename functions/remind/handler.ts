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
import { runReminderJob } from '../../shared/reminders/jobs.js';

const logger = new Logger({ serviceName: 'tonghop-remind' });
const metrics = handlerMetrics('tonghop-remind');
const deps = tableJobDeps(
  requiredEnv('TABLE_NAME'),
  new SqsOutbox(sqs(), requiredEnv('MAIL_QUEUE_URL')),
);

/** Daily at 08:00 Asia/Ho_Chi_Minh (EventBridge Scheduler); `{ "now": ISO }` replays a day. */
export const handler = middy(async (event: { now?: string } = {}) => {
  const run = await runReminderJob(
    requiredEnv('PROVINCE_CODE'),
    event.now ? new Date(event.now) : new Date(),
    deps,
  );
  if (run.rounds.length) metrics.addMetric('RemindersQueued', MetricUnit.Count, run.jobs.length);
  logger.info('reminders queued', {
    rounds: run.rounds,
    queued: run.jobs.length,
    noContact: run.noContact.length,
  });
  return { rounds: run.rounds, queued: run.jobs.length, noContact: run.noContact };
})
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics));
