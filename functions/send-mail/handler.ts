import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { dynamoDocumentClient } from '../../adapters/dynamo-client.js';
import { DynamoMailLedger } from '../../adapters/dynamo-mail-ledger.js';
import { requiredEnv } from '../../adapters/env.js';
import { handlerMetrics } from '../../adapters/metrics.js';
import { ses } from '../../adapters/ses-client.js';
import { SesMailer } from '../../adapters/ses-mailer.js';
import { deliver } from '../../shared/mail/deliver.js';
import { MailJob } from '../../shared/schemas/mail.js';

const logger = new Logger({ serviceName: 'tonghop-send-mail' });
const metrics = handlerMetrics('tonghop-send-mail');
const processor = new BatchProcessor(EventType.SQS);
const ledger = new DynamoMailLedger(dynamoDocumentClient(), requiredEnv('TABLE_NAME'));
const mailer = new SesMailer(
  ses(),
  requiredEnv('SENDER_EMAIL'),
  process.env.SES_CONFIGURATION_SET || undefined,
);

async function sendOne(record: SQSRecord): Promise<void> {
  const job = MailJob.parse(JSON.parse(record.body));
  const outcome = await deliver(job, { mailer, ledger });
  logger.info('mail', { ledgerKey: job.ledgerKey, kind: job.kind, outcome });
  if (outcome === 'sent') metrics.addMetric('MailsSent', MetricUnit.Count, 1);
  if (outcome === 'failed') metrics.addMetric('MailsRefused', MetricUnit.Count, 1);
}

// SES throttling throws out of deliver(): the record fails, SQS brings it back later.
export const handler = middy(async (event: SQSEvent, context: Context) =>
  processPartialResponse(event, sendOne, processor, { context }),
)
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics));
