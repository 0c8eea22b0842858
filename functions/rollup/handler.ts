import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { requiredEnv } from '../../adapters/env.js';
import { tableJobDeps } from '../../adapters/job-deps.js';
import { handlerMetrics } from '../../adapters/metrics.js';
import { s3 } from '../../adapters/s3-client.js';
import { S3ObjectStore } from '../../adapters/s3-object-store.js';
import { sqs } from '../../adapters/sqs-client.js';
import { SqsOutbox } from '../../adapters/sqs-outbox.js';
import {
  findRound,
  type RollupRun,
  runRoundRollup,
  runScheduledRollups,
} from '../../shared/rollup/rollup-job.js';

const logger = new Logger({ serviceName: 'tonghop-rollup' });
const metrics = handlerMetrics('tonghop-rollup');
const deps = {
  ...tableJobDeps(requiredEnv('TABLE_NAME'), new SqsOutbox(sqs(), requiredEnv('MAIL_QUEUE_URL'))),
  objects: new S3ObjectStore(s3(), requiredEnv('BUCKET_NAME')),
  // The Department's mail links to the portal's rollups page (the stack sets PORTAL_URL).
  portalUrl: requiredEnv('PORTAL_URL'),
};

type RollupEvent = { kind?: 'nightly' | 'morning'; roundId?: string; now?: string };

/**
 * EventBridge Scheduler: nightly drafts of open rounds, the morning rollup after a deadline; or
 * one round on demand.
 */
export const handler = middy(async (event: RollupEvent = {}) => {
  const now = event.now ? new Date(event.now) : new Date();
  const province = requiredEnv('PROVINCE_CODE');
  const stages: Record<string, number> = {};
  const onStage = (stage: string, ms: number) =>
    (stages[stage] = (stages[stage] ?? 0) + Math.round(ms));
  const runs: RollupRun[] = event.roundId
    ? [
        await runRoundRollup(province, await findRound(province, event.roundId, deps), now, deps, {
          onStage,
        }),
      ]
    : await runScheduledRollups(province, event.kind ?? 'nightly', now, deps, onStage);
  const summary = runs.map((r) => ({
    roundId: r.roundId,
    reported: r.rollup.status.reported,
    expected: r.rollup.status.expected,
    files: r.published.map((p) => p.key),
    mailed: Boolean(r.mail),
  }));
  logger.info('rollups built', { runs: summary, stages });
  if (runs.length) metrics.addMetric('RollupsPublished', MetricUnit.Count, runs.length);
  return { runs: summary };
})
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics));
