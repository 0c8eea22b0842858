import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RateLimiter } from '../shared/ports/password-reset.js';
import { TABLE_KEYS } from './table-keys.js';

// One item per key and window: PK LIMIT#<key>, SK <window start>; the table's TTL drops it a
// window after it ends. The count goes up only while it is under `max` (one conditional write),
// so two portal instances never let more through between them.
export class DynamoRateLimiter implements RateLimiter {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async take(key: string, now: Date, max: number, windowSeconds: number): Promise<boolean> {
    const start = Math.floor(now.getTime() / 1000 / windowSeconds) * windowSeconds;
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { [TABLE_KEYS.pk]: `LIMIT#${key}`, [TABLE_KEYS.sk]: String(start) },
          UpdateExpression: 'ADD #n :one SET #ttl = :ttl',
          ConditionExpression: 'attribute_not_exists(#n) OR #n < :max',
          ExpressionAttributeNames: { '#n': 'count', '#ttl': TABLE_KEYS.ttl },
          ExpressionAttributeValues: { ':one': 1, ':max': max, ':ttl': start + 2 * windowSeconds },
        }),
      );
      return true;
    } catch (e) {
      if (e instanceof ConditionalCheckFailedException) return false;
      throw e;
    }
  }
}
