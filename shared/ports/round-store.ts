import type { Round } from '../schemas/round.js';

/** Ad-hoc rounds opened by the Department; standing rounds are computed, not stored. */
export interface RoundStore {
  list(provinceCode: string): Promise<Round[]>;
  put(round: Round): Promise<void>;
}
