import { UnitRegistry } from '../shared/units/registry.js';
import { dynamoDocumentClient } from './dynamo-client.js';
import { DynamoUnitStore } from './dynamo-unit-store.js';
import { requiredEnv } from './env.js';
import { unitWrites } from './unit-writes.js';

const TTL_MS = 5 * 60_000;
let cached: { at: number; writes: number; registry: Promise<UnitRegistry> } | undefined;

/**
 * The unit registry from the table, kept for five minutes per warm Lambda container, or until this
 * process writes units (reading 3,321 units takes 0.4–1 s on the embedded stack: not per upload).
 */
export function cachedRegistry(now = Date.now()): Promise<UnitRegistry> {
  if (!cached || now - cached.at > TTL_MS || cached.writes !== unitWrites()) {
    const registry = new DynamoUnitStore(dynamoDocumentClient(), requiredEnv('TABLE_NAME'))
      .list()
      .then((units) => new UnitRegistry(units));
    registry.catch(() => {
      cached = undefined;
    });
    cached = { at: now, writes: unitWrites(), registry };
  }
  return cached.registry;
}

export function forgetRegistry(): void {
  cached = undefined;
}
