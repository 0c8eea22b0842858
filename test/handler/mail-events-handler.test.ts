import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoDocumentClient } from '../../adapters/dynamo-client.js';
import { DynamoMailLedger } from '../../adapters/dynamo-mail-ledger.js';
import type { LocalStack } from '../../local/stack.js';
import { LEDGER_TAG, ledgerTagValue } from '../../shared/mail/ledger-tag.js';
import type { MailJob } from '../../shared/schemas/mail.js';
import { lambdaContext } from '../helpers/lambda.js';
import { startTestStack } from '../helpers/stack.js';

let stack: LocalStack;
let ledger: DynamoMailLedger;
let handler: (e: unknown, c: Context) => Promise<{ outcome: string }>;

beforeAll(async () => {
  stack = await startTestStack([]);
  ledger = new DynamoMailLedger(dynamoDocumentClient(), stack.table);
  handler = (await import('../../functions/mail-events/handler.js'))
    .handler as unknown as typeof handler;
});
afterAll(() => stack.stop());

const context = lambdaContext('mail-events', 30_000);
const job: MailJob = {
  kind: 'reminder',
  ledgerKey: 'REMIND#2026-H1#16941#-3',
  provinceCode: '40',
  roundId: '2026-H1',
  unitCode: '16941',
  offsetDays: -3,
  to: ['vanphong@xa.example'],
  subject: 's',
  text: 't',
  html: '<p>t</p>',
};

// An EventBridge event as SES publishes it for a configuration set's complaint.
const complaint = (tag: string) => ({
  version: '0',
  id: 'e-1',
  'detail-type': 'Email Complaint',
  source: 'aws.ses',
  account: '111111111111',
  time: '2026-06-07T02:00:00Z',
  region: 'ap-southeast-1',
  resources: [],
  detail: {
    eventType: 'Complaint',
    mail: { messageId: 'ses-9', tags: { [LEDGER_TAG]: [tag] } },
    complaint: {
      complainedRecipients: [{ emailAddress: 'vanphong@xa.example' }],
      complaintFeedbackType: 'abuse',
    },
  },
});

describe('mail-events handler', () => {
  it('writes a complaint on the ledger entry of the mail it names', async () => {
    await ledger.claim(job, new Date('2026-06-07T01:00:00Z'), 60_000);
    await ledger.markSent(job, 'ses-9', new Date('2026-06-07T01:00:01Z'));
    expect(await handler(complaint(ledgerTagValue(job)), context)).toEqual({ outcome: 'recorded' });
    const [entry] = await ledger.listRound('40', '2026-H1');
    expect(entry).toMatchObject({
      state: 'complained',
      undeliverableTo: ['vanphong@xa.example'],
      error: 'abuse',
      messageId: 'ses-9',
    });
  });

  it('leaves the ledger alone for a mail it never sent', async () => {
    expect(
      await handler(
        complaint(ledgerTagValue({ ...job, ledgerKey: 'REMIND#2026-H1#99999#-3' })),
        context,
      ),
    ).toEqual({ outcome: 'unknown_mail' });
    expect(await ledger.listRound('40', '2026-H1')).toHaveLength(1);
  });

  it('rejects an event that is not an SES mail event', async () => {
    await expect(handler({ ...complaint('x'), detail: { hello: 1 } }, context)).rejects.toThrow();
  });
});
