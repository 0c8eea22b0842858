import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dynamoDocumentClient } from '../../adapters/dynamo-client.js';
import { DynamoUnitStore } from '../../adapters/dynamo-unit-store.js';
import { type LocalStack, startLocalStack } from '../../local/stack.js';
import { registry2025 } from './fixtures.js';

/** The embedded stack in a fresh directory, with the units of the given provinces loaded. */
export async function startTestStack(provinces: string[] = ['40', '44']): Promise<LocalStack> {
  const home = mkdtempSync(join(tmpdir(), 'tonghop-test-'));
  process.env.TONGHOP_HOME = home;
  const stack = await startLocalStack(home);
  const registry = registry2025();
  await new DynamoUnitStore(dynamoDocumentClient(), stack.table).put(
    provinces.flatMap((p) => registry.unitsOf(p)),
  );
  return stack;
}
