import type { Unit } from '../schemas/unit.js';

export interface UnitStore {
  /** Units, all or one province's. */
  list(provinceCode?: string): Promise<Unit[]>;
  /** Writes units (new ones and changed contacts); returns how many were written. */
  put(units: Unit[]): Promise<number>;
}
