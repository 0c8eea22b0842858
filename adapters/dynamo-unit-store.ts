import { BatchWriteCommand, type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { UnitStore } from '../shared/ports/unit-store.js';
import { Unit } from '../shared/schemas/unit.js';
import { queryItems, withoutKeys } from './query-items.js';
import { UNITS_PK, unitSk } from './table-keys.js';
import { noteUnitWrite } from './unit-writes.js';

export class DynamoUnitStore implements UnitStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async list(provinceCode?: string): Promise<Unit[]> {
    const items = await queryItems(this.db, {
      TableName: this.table,
      KeyConditionExpression: provinceCode ? 'PK = :pk AND begins_with(SK, :p)' : 'PK = :pk',
      ExpressionAttributeValues: provinceCode
        ? { ':pk': UNITS_PK, ':p': `${provinceCode}#` }
        : { ':pk': UNITS_PK },
    });
    return items.map((item) => Unit.parse(item));
  }

  async get(provinceCode: string, unitCode: string): Promise<Unit | null> {
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.table,
        Key: { PK: UNITS_PK, SK: unitSk(provinceCode, unitCode) },
      }),
    );
    return Item ? Unit.parse(withoutKeys(Item)) : null;
  }

  async put(units: Unit[]): Promise<number> {
    try {
      for (let i = 0; i < units.length; i += 25) await this.putBatch(units.slice(i, i + 25));
    } finally {
      // After the writes (even failed ones): a registry read during them is read again.
      noteUnitWrite();
    }
    return units.length;
  }

  private async putBatch(units: Unit[]): Promise<void> {
    let requests = units.map((u) => ({
      PutRequest: {
        Item: { PK: UNITS_PK, SK: unitSk(u.provinceCode, u.code), type: 'unit', ...u },
      },
    }));
    // Throttled writes come back as UnprocessedItems: retry them with backoff.
    for (let attempt = 0; requests.length; attempt++) {
      if (attempt > 8)
        throw new Error(`${requests.length} unit writes still unprocessed after retries`);
      if (attempt) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
      const res = await this.db.send(
        new BatchWriteCommand({ RequestItems: { [this.table]: requests } }),
      );
      requests = (res.UnprocessedItems?.[this.table] ?? []) as typeof requests;
    }
  }
}
