import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NATIONAL_UNITS_CSV, nationalRegistry } from '../../bin/registry.js';
import type { UnitRegistry } from '../../shared/units/registry.js';

export const fixturePath = (name: string) =>
  fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
/** The text of a report the project ships in examples/sources/ (the demo's files are made from it). */
export const readExampleSource = (name: string) =>
  readFileSync(new URL(`../../examples/sources/${name}`, import.meta.url), 'utf8');
export const nationalCsv = () => readFileSync(NATIONAL_UNITS_CSV, 'utf8');

/** The 2025 national list the project ships, as the CLI loads it. */
export const registry2025 = (): UnitRegistry => nationalRegistry();
