import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoDocumentClient } from '../../adapters/dynamo-client.js';
import { DynamoUnitStore } from '../../adapters/dynamo-unit-store.js';
import { cachedRegistry, forgetRegistry } from '../../adapters/registry-cache.js';
import type { LocalStack } from '../../local/stack.js';
import { registry2025 } from '../helpers/fixtures.js';
import { startTestStack } from '../helpers/stack.js';

const registry = registry2025();
let stack: LocalStack;
let store: DynamoUnitStore;

beforeAll(async () => {
  stack = await startTestStack();
  process.env.TABLE_NAME = stack.table;
  store = new DynamoUnitStore(dynamoDocumentClient(), stack.table);
  await store.put([...registry.unitsOf('40'), ...registry.unitsOf('41')]);
});
afterAll(async () => {
  forgetRegistry();
  await stack.stop();
});

describe('DynamoUnitStore.get', () => {
  it('finds a unit by its province and code, as list() has it, and nothing in another province', async () => {
    const listed = await store.list('40');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...listed), async (unit) => {
        expect(await store.get('40', unit.code)).toEqual(unit);
        expect(await store.get('41', unit.code)).toBeNull();
      }),
      { numRuns: 15 },
    );
    expect(await store.get('40', '00000')).toBeNull();
  });
});

describe('the cached registry', () => {
  it('is read once, and again after this process writes units', async () => {
    forgetRegistry();
    const first = await cachedRegistry();
    expect(await cachedRegistry()).toBe(first);
    const unit = registry.unitsOf('40')[0]!;
    await store.put([{ ...unit, name: `${unit.name} Mới` }]);
    const after = await cachedRegistry();
    expect(after).not.toBe(first);
    expect(after.byCode(unit.code)?.name).toBe(`${unit.name} Mới`);
    expect(await cachedRegistry()).toBe(after);
  });
});
