import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { TrustStore } from '../shared/ports/trust-store.js';
import { TrustedCertificate } from '../shared/schemas/trusted-certificate.js';
import { queryItems } from './query-items.js';
import { trustPk } from './table-keys.js';

/** A Department's trust list: one item per certificate under TRUST#<province>. */
export class DynamoTrustStore implements TrustStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async list(provinceCode: string): Promise<TrustedCertificate[]> {
    const items = await queryItems(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': trustPk(provinceCode) },
    });
    return items.map((item) => TrustedCertificate.parse(item));
  }

  /** One PutItem each (a list holds a handful): the portal's grant has no BatchWriteItem. */
  async add(provinceCode: string, certificates: TrustedCertificate[]): Promise<number> {
    const unique = [...new Map(certificates.map((c) => [c.sha256, c])).values()];
    for (const c of unique)
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: { PK: trustPk(provinceCode), SK: c.sha256, type: 'trusted-certificate', ...c },
        }),
      );
    return unique.length;
  }
}
