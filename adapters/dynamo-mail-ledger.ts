import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { LedgerRef, MailLedger, Undeliverable } from '../shared/ports/mail.js';
import { claimedEntry, type MailJob, SentMail } from '../shared/schemas/mail.js';
import { queryItems } from './query-items.js';
import { mailSk, roundPk } from './table-keys.js';

const keyOf = (job: Pick<MailJob, 'provinceCode' | 'roundId' | 'ledgerKey'> | LedgerRef) => ({
  PK: roundPk(job.provinceCode, job.roundId),
  SK: mailSk(job.ledgerKey),
});

export class DynamoMailLedger implements MailLedger {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async claim(job: MailJob, now: Date, staleAfterMs: number): Promise<boolean> {
    const item = claimedEntry(job, now);
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...keyOf(job), type: 'mail', ...item },
          // New, or a claim whose sender died before sending.
          ConditionExpression: 'attribute_not_exists(PK) OR (#state = :claimed AND #at < :stale)',
          ExpressionAttributeNames: { '#state': 'state', '#at': 'at' },
          ExpressionAttributeValues: {
            ':claimed': 'claimed',
            ':stale': new Date(now.getTime() - staleAfterMs).toISOString(),
          },
        }),
      );
      return true;
    } catch (e) {
      if (e instanceof ConditionalCheckFailedException) return false;
      throw e;
    }
  }

  async markSent(job: MailJob, messageId: string, now: Date): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: keyOf(job),
        UpdateExpression: 'SET #state = :sent, messageId = :id, #at = :at',
        ExpressionAttributeNames: { '#state': 'state', '#at': 'at' },
        ExpressionAttributeValues: { ':sent': 'sent', ':id': messageId, ':at': now.toISOString() },
      }),
    );
  }

  async release(job: MailJob): Promise<void> {
    await this.db
      .send(
        new DeleteCommand({
          TableName: this.table,
          Key: keyOf(job),
          ConditionExpression: '#state = :claimed',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':claimed': 'claimed' },
        }),
      )
      .catch((e) => {
        if (!(e instanceof ConditionalCheckFailedException)) throw e;
      });
  }

  async markFailed(job: MailJob, error: string, now: Date): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: keyOf(job),
        UpdateExpression: 'SET #state = :failed, #error = :e, #at = :at',
        ExpressionAttributeNames: { '#state': 'state', '#error': 'error', '#at': 'at' },
        ExpressionAttributeValues: { ':failed': 'failed', ':e': error, ':at': now.toISOString() },
      }),
    );
  }

  async markUndeliverable(ref: LedgerRef, problem: Undeliverable, now: Date): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keyOf(ref),
          UpdateExpression: 'SET #state = :s, undeliverableTo = :to, #error = :e, #at = :at',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeNames: { '#state': 'state', '#error': 'error', '#at': 'at' },
          ExpressionAttributeValues: {
            ':s': problem.state,
            ':to': problem.recipients,
            ':e': problem.reason,
            ':at': now.toISOString(),
          },
        }),
      );
      return true;
    } catch (e) {
      if (e instanceof ConditionalCheckFailedException) return false;
      throw e;
    }
  }

  async listRound(provinceCode: string, roundId: string): Promise<SentMail[]> {
    const items = await queryItems(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
      ExpressionAttributeValues: { ':pk': roundPk(provinceCode, roundId), ':p': 'MAIL#' },
    });
    return items.map((item) => SentMail.parse(item));
  }
}
