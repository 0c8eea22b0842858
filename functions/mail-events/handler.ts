import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { EventBridgeEnvelope } from '@aws-lambda-powertools/parser/envelopes/eventbridge';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import middy from '@middy/core';
import { dynamoDocumentClient } from '../../adapters/dynamo-client.js';
import { DynamoMailLedger } from '../../adapters/dynamo-mail-ledger.js';
import { requiredEnv } from '../../adapters/env.js';
import { recordMailEvent } from '../../shared/mail/mail-events.js';
import { SesMailEvent } from '../../shared/schemas/ses-event.js';

const logger = new Logger({ serviceName: 'tonghop-mail-events' });
const ledger = new DynamoMailLedger(dynamoDocumentClient(), requiredEnv('TABLE_NAME'));

/** SES bounces and complaints (configuration set → EventBridge) land on the mail's ledger entry. */
export const handler = middy(async (event: SesMailEvent) => {
  const outcome = await recordMailEvent(event, ledger, new Date());
  logger.info('mail event', {
    eventType: event.eventType,
    messageId: event.mail.messageId,
    outcome,
  });
  return { outcome };
})
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(parser({ schema: SesMailEvent, envelope: EventBridgeEnvelope }));
