import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { RoundStore } from '../shared/ports/round-store.js';
import { Round } from '../shared/schemas/round.js';
import { queryItems } from './query-items.js';
import { roundsPk } from './table-keys.js';

export class DynamoRoundStore implements RoundStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async list(provinceCode: string): Promise<Round[]> {
    const items = await queryItems(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': roundsPk(provinceCode) },
    });
    return items.map((item) => Round.parse(item));
  }

  async put(round: Round): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: { PK: roundsPk(round.provinceCode), SK: round.roundId, type: 'round', ...round },
      }),
    );
  }
}
