import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dynamoDocumentClient } from '../../adapters/dynamo-client.js';
import { DynamoUnitStore } from '../../adapters/dynamo-unit-store.js';
import { importUnits } from '../../bin/commands/units.js';
import { type LocalTarget, openLocalTarget } from '../../bin/target.js';
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

/**
 * The CLI's target on the embedded stack in a fresh directory (`tonghop-<name>-…`), with the
 * national list of units imported as `tonghop units import` does; a failed message comes back
 * after 20 ms instead of 200.
 */
export async function openTestTarget(name: string): Promise<{ home: string; target: LocalTarget }> {
  const home = mkdtempSync(join(tmpdir(), `tonghop-${name}-`));
  process.env.TONGHOP_HOME = home;
  process.env.TONGHOP_RETRY_DELAY_MS = '20';
  const target = await openLocalTarget();
  await importUnits(target);
  return { home, target };
}
