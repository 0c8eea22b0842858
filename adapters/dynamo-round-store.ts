import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
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
    await this.db.send(new PutCommand(this.item(round)));
  }

  async create(round: Round): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({ ...this.item(round), ConditionExpression: 'attribute_not_exists(PK)' }),
      );
      return true;
    } catch (e) {
      if (e instanceof ConditionalCheckFailedException) return false;
      throw e;
    }
  }

  private item(round: Round) {
    return {
      TableName: this.table,
      Item: { PK: roundsPk(round.provinceCode), SK: round.roundId, type: 'round', ...round },
    };
  }
}
