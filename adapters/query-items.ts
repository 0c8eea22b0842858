import {
  type DynamoDBDocumentClient,
  paginateQuery,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { TABLE_KEYS } from './table-keys.js';

/** Every item a query matches, page after page, as the domain sees it (table keys removed). */
export async function queryItems(
  db: DynamoDBDocumentClient,
  input: QueryCommandInput,
): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for await (const page of paginateQuery({ client: db }, input))
    for (const item of page.Items ?? []) out.push(withoutKeys(item));
  return out;
}

/** An item without the single-table attributes (keys, index keys, item type). */
export function withoutKeys(item: Record<string, unknown>): Record<string, unknown> {
  const {
    [TABLE_KEYS.pk]: _pk,
    [TABLE_KEYS.sk]: _sk,
    [TABLE_KEYS.gsi1pk]: _g1,
    [TABLE_KEYS.gsi1sk]: _g2,
    type: _type,
    ...rest
  } = item;
  return rest;
}
