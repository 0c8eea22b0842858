import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { unitsFromNationalCsv } from '../../shared/units/load-units.js';
import { UnitRegistry } from '../../shared/units/registry.js';

export const fixturePath = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
export const readFixture = (name: string) => readFileSync(fixturePath(name), 'utf8');
export const nationalCsv = () => readFileSync(fileURLToPath(new URL('../../data/vn-admin-units-2025.csv', import.meta.url)), 'utf8');

let registry: UnitRegistry | undefined;
export function registry2025(): UnitRegistry {
  registry ??= new UnitRegistry(unitsFromNationalCsv(nationalCsv()));
  return registry;
}
