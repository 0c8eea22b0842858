import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { unitsFromNationalCsv } from '../shared/units/load-units.js';
import { UnitRegistry } from '../shared/units/registry.js';

export const NATIONAL_UNITS_CSV = fileURLToPath(
  new URL('../data/vn-admin-units-2025.csv', import.meta.url),
);

let registry: UnitRegistry | undefined;

/** The national unit list shipped with the project (data/vn-admin-units-2025.csv). */
export function nationalRegistry(): UnitRegistry {
  registry ??= new UnitRegistry(unitsFromNationalCsv(readFileSync(NATIONAL_UNITS_CSV, 'utf8')));
  return registry;
}
