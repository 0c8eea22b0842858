import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Unit } from '../shared/schemas/unit.js';
import { unitsFromNationalCsv, unitsFromShippedJson } from '../shared/units/load-units.js';
import { UnitRegistry } from '../shared/units/registry.js';

export const NATIONAL_UNITS_CSV = fileURLToPath(
  new URL('../data/vn-admin-units-2025.csv', import.meta.url),
);
/** The same list checked at build time (scripts/build-cli.mjs); bin/ and dist/ are both one level down. */
export const SHIPPED_UNITS_JSON = fileURLToPath(new URL('../dist/units.json', import.meta.url));

let registry: UnitRegistry | undefined;

const mtime = (path: string) => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
};

/** The shipped JSON when it is at least as new as the CSV, else the CSV read and checked. */
function nationalUnits(): Unit[] {
  if (mtime(SHIPPED_UNITS_JSON) >= mtime(NATIONAL_UNITS_CSV))
    return unitsFromShippedJson(readFileSync(SHIPPED_UNITS_JSON, 'utf8'));
  return unitsFromNationalCsv(readFileSync(NATIONAL_UNITS_CSV, 'utf8'));
}

/** The national unit list shipped with the project (data/vn-admin-units-2025.csv). */
export function nationalRegistry(): UnitRegistry {
  registry ??= new UnitRegistry(nationalUnits());
  return registry;
}
