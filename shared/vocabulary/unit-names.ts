import type { Unit } from '../schemas/unit.js';
import { titled } from './status-words.js';

/** What each level of commune-level unit is called. */
export const LEVEL_WORDS: Record<Unit['level'], string> = {
  xa: 'xã',
  phuong: 'phường',
  dac_khu: 'đặc khu',
};

/** The same, as a table heading or a group title. */
export const LEVEL_TITLES = titled(LEVEL_WORDS);

/** "xã Diễn Châu", as it stands mid-sentence. */
export const unitLabel = (u: Pick<Unit, 'level' | 'name'>) => `${LEVEL_WORDS[u.level]} ${u.name}`;
