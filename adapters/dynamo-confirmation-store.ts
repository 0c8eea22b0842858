import { randomUUID } from 'node:crypto';
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ConfirmationStore } from '../shared/ports/confirmation-store.js';
import { Confirmation, SignCheck } from '../shared/schemas/confirmation.js';
import { queryItems, withoutKeys } from './query-items.js';
import { checkSk, confirmationSk, roundPk } from './table-keys.js';

/**
 * Confirmations and pre-sign checks in the single table, under their round: each statement its
 * own item (never overwritten), sorted by time so that the latest is the last read.
 */
export class DynamoConfirmationStore implements ConfirmationStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  private put(pk: string, sk: string, type: string, item: object) {
    return this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: { PK: pk, SK: sk, type, ...item },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  }

  private async list(provinceCode: string, roundId: string, prefix: string) {
    const items = await queryItems(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
      ExpressionAttributeValues: { ':pk': roundPk(provinceCode, roundId), ':p': prefix },
    });
    return items.map((i) => withoutKeys(i));
  }

  async putConfirmation(c: Confirmation): Promise<void> {
    const item = Confirmation.parse(c);
    const sk = confirmationSk(item.unitCode, item.submissionId, `${item.at}#${randomUUID()}`);
    await this.put(roundPk(item.provinceCode, item.roundId), sk, 'confirmation', item);
  }

  async listConfirmations(provinceCode: string, roundId: string): Promise<Confirmation[]> {
    const items = await this.list(provinceCode, roundId, 'CONFIRM#');
    return items.map((i) => Confirmation.parse(i)).sort((a, b) => a.at.localeCompare(b.at));
  }

  async putCheck(c: SignCheck): Promise<void> {
    const item = SignCheck.parse(c);
    const sk = checkSk(`${item.at}#${randomUUID()}`);
    await this.put(roundPk(item.provinceCode, item.roundId), sk, 'sign-check', item);
  }

  async listChecks(provinceCode: string, roundId: string): Promise<SignCheck[]> {
    const items = await this.list(provinceCode, roundId, 'CHECK#');
    return items.map((i) => SignCheck.parse(i)).sort((a, b) => a.at.localeCompare(b.at));
  }
}
