import type { Department } from '../schemas/unit.js';

export interface DepartmentStore {
  get(provinceCode: string): Promise<Department | null>;
  put(department: Department): Promise<void>;
}
