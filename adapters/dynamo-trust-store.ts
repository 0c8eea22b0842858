import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
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
    return items.map((item) => TrustedCertificate.parse(item)).filter((c) => !c.removedAt);
  }

  /**
   * One PutItem each (a list holds a handful): the portal's grant has no BatchWriteItem. The
   * whole item is written, so a certificate removed earlier is back on the list.
   */
  async add(provinceCode: string, certificates: TrustedCertificate[]): Promise<number> {
    const unique = [...new Map(certificates.map((c) => [c.sha256, c])).values()];
    for (const { removedAt: _a, removedBy: _b, ...c } of unique)
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: { PK: trustPk(provinceCode), SK: c.sha256, type: 'trusted-certificate', ...c },
        }),
      );
    return unique.length;
  }

  /** Marks the item removed (the portal may not delete items); false when it is not listed. */
  async remove(
    provinceCode: string,
    sha256: string,
    by: { at: string; email: string },
  ): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { PK: trustPk(provinceCode), SK: sha256 },
          UpdateExpression: 'SET removedAt = :at, removedBy = :by',
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(removedAt)',
          ExpressionAttributeValues: { ':at': by.at, ':by': by.email },
        }),
      );
      return true;
    } catch (e) {
      if (e instanceof ConditionalCheckFailedException) return false;
      throw e;
    }
  }
}
