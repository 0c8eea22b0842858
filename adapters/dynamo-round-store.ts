import { GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DepartmentStore } from '../shared/ports/department-store.js';
import type { RoundStore } from '../shared/ports/round-store.js';
import { Round } from '../shared/schemas/round.js';
import { Department } from '../shared/schemas/unit.js';
import { DEPARTMENTS_PK, roundsPk } from './table-keys.js';

export class DynamoRoundStore implements RoundStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async list(provinceCode: string): Promise<Round[]> {
    const res = await this.db.send(new QueryCommand({ TableName: this.table, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': roundsPk(provinceCode) } }));
    return (res.Items ?? []).map(({ PK, SK, type, ...r }) => Round.parse(r));
  }

  async put(round: Round): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: { PK: roundsPk(round.provinceCode), SK: round.roundId, type: 'round', ...round } }));
  }
}

export class DynamoDepartmentStore implements DepartmentStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async get(provinceCode: string): Promise<Department | null> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: { PK: DEPARTMENTS_PK, SK: provinceCode } }));
    if (!Item) return null;
    const { PK, SK, type, ...d } = Item;
    return Department.parse(d);
  }

  async put(department: Department): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: { PK: DEPARTMENTS_PK, SK: department.provinceCode, type: 'department', ...department } }));
  }
}
