import type { Unit } from '../schemas/unit.js';

export interface UnitStore {
  /** Units, all or one province's. */
  list(provinceCode?: string): Promise<Unit[]>;
  /** One unit of a province, or null: what a page about one unit reads (not the whole province). */
  get(provinceCode: string, unitCode: string): Promise<Unit | null>;
  /** Writes units (new ones and changed contacts); returns how many were written. */
  put(units: Unit[]): Promise<number>;
}
