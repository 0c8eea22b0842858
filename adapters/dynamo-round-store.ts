import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DepartmentStore } from '../shared/ports/department-store.js';
import type { RoundStore } from '../shared/ports/round-store.js';
import { Round } from '../shared/schemas/round.js';
import { Department } from '../shared/schemas/unit.js';
import { queryItems, withoutKeys } from './query-items.js';
import { DEPARTMENTS_PK, roundsPk } from './table-keys.js';

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

export class DynamoDepartmentStore implements DepartmentStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async get(provinceCode: string): Promise<Department | null> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.table, Key: { PK: DEPARTMENTS_PK, SK: provinceCode } }),
    );
    return Item ? Department.parse(withoutKeys(Item)) : null;
  }

  async put(department: Department): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: {
          PK: DEPARTMENTS_PK,
          SK: department.provinceCode,
          type: 'department',
          ...department,
        },
      }),
    );
  }
}
