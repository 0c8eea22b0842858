import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DepartmentStore } from '../shared/ports/department-store.js';
import { Department } from '../shared/schemas/unit.js';
import { withoutKeys } from './query-items.js';
import { DEPARTMENTS_PK } from './table-keys.js';

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
