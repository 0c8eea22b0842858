import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NATIONAL_UNITS_CSV, nationalRegistry } from '../../bin/registry.js';
import type { UnitRegistry } from '../../shared/units/registry.js';

export const fixturePath = (name: string) =>
  fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
export const readFixture = (name: string) => readFileSync(fixturePath(name), 'utf8');
export const nationalCsv = () => readFileSync(NATIONAL_UNITS_CSV, 'utf8');

/** The 2025 national list the project ships, as the CLI loads it. */
export const registry2025 = (): UnitRegistry => nationalRegistry();
