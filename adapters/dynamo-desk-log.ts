import { randomUUID } from 'node:crypto';
import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DeskLog } from '../shared/ports/desk-log.js';
import { DeskEvent } from '../shared/schemas/desk-event.js';
import { withoutKeys } from './query-items.js';
import { deskLogPk } from './table-keys.js';

/** The desk log in the single table: one item per entry, sorted by time under the province. */
export class DynamoDeskLog implements DeskLog {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async append(event: DeskEvent): Promise<void> {
    const item = DeskEvent.parse(event);
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: {
          PK: deskLogPk(item.provinceCode),
          SK: `${new Date(item.at).toISOString()}#${randomUUID()}`,
          type: 'desk-event',
          ...item,
        },
      }),
    );
  }

  async list(provinceCode: string, limit: number): Promise<DeskEvent[]> {
    const { Items = [] } = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': deskLogPk(provinceCode) },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return Items.map((item) => DeskEvent.parse(withoutKeys(item)));
  }
}
