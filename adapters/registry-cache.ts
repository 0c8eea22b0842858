import { UnitRegistry } from '../shared/units/registry.js';
import { dynamoDocumentClient } from './dynamo-client.js';
import { DynamoUnitStore } from './dynamo-unit-store.js';
import { requiredEnv } from './env.js';

const TTL_MS = 5 * 60_000;
let cached: { at: number; registry: Promise<UnitRegistry> } | undefined;

/** The unit registry from the table, kept for five minutes per warm Lambda container. */
export function cachedRegistry(now = Date.now()): Promise<UnitRegistry> {
  if (!cached || now - cached.at > TTL_MS) {
    const registry = new DynamoUnitStore(dynamoDocumentClient(), requiredEnv('TABLE_NAME'))
      .list()
      .then((units) => new UnitRegistry(units));
    registry.catch(() => {
      cached = undefined;
    });
    cached = { at: now, registry };
  }
  return cached.registry;
}

export function forgetRegistry(): void {
  cached = undefined;
}
