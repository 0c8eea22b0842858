import type { Round } from '../schemas/round.js';

/** Ad-hoc rounds opened by the Department; standing rounds are computed, not stored. */
export interface RoundStore {
  list(provinceCode: string): Promise<Round[]>;
  put(round: Round): Promise<void>;
  /** Stores a round only if none of that id is stored; false when one is. */
  create(round: Round): Promise<boolean>;
}
